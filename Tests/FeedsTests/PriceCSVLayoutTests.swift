import Feeds
import Markets
import Testing

@Suite("Price CSV layouts")
struct PriceCSVLayoutTests {
    // MARK: - Layouts with a header

    @Test func yahooExportUsesCloseNotAdjustedClose() throws {
        let parsed = try parse("""
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,100.5,101,99.25,100.75,98.1,123456
            2024-01-03,100.75,102,100,101.5,98.8,0

            """)
        #expect(parsed.bars == [
            Bar(day: day("2024-01-02"), open: 100.5, high: 101, low: 99.25, close: 100.75, volume: 123456),
            Bar(day: day("2024-01-03"), open: 100.75, high: 102, low: 100, close: 101.5, volume: 0),
        ])
        #expect(parsed.hadHeader)
    }

    @Test func referenceLayout() throws {
        let parsed = try parse("date,open,high,low,close,volume\n2014-01-02,1160.50,1160.50,1146.60,1150.72,3080600000\n")
        #expect(parsed.bars == [Bar(day: day("2014-01-02"), open: 1160.5, high: 1160.5, low: 1146.6, close: 1150.72,
                                    volume: 3_080_600_000)])
    }

    @Test func stooqLayout() throws {
        let parsed = try parse("Date,Open,High,Low,Close,Volume\n2024-05-06,2010.1,2030.2,2005.3,2025.4,1000\n")
        #expect(parsed.bars == [Bar(day: day("2024-05-06"), open: 2010.1, high: 2030.2, low: 2005.3, close: 2025.4,
                                    volume: 1000)])
    }

    @Test func stooqBulkLayoutWithCompactDates() throws {
        let parsed = try parse("""
            <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>
            ^RUT,D,20240506,000000,2010.1,2030.2,2005.3,2025.4,1000,0
            ^RUT,D,20240507,000000,2025.4,2040,2020,2035.5,1100,0
            """)
        #expect(parsed.bars.map(\.day) == [day("2024-05-06"), day("2024-05-07")])
        #expect(parsed.bars[1] == Bar(day: day("2024-05-07"), open: 2025.4, high: 2040, low: 2020, close: 2035.5,
                                      volume: 1100))
    }

    @Test func dateAndCloseOnly() throws {
        let parsed = try parse("date,close\n2024-01-02,42000.5\n2024-01-03,43000\n")
        #expect(parsed.bars == [Bar(day: day("2024-01-02"), close: 42000.5), Bar(day: day("2024-01-03"), close: 43000)])
        #expect(parsed.emptyCells == 0)
    }

    @Test(arguments: ["timestamp,price", "TIME,PRICE", " Date , Close "])
    func headerSynonymsAndCase(header: String) throws {
        let parsed = try parse("\(header)\n2024-01-02,10\n")
        #expect(parsed.bars == [Bar(day: day("2024-01-02"), close: 10)])
    }

    @Test func columnsInAnyOrder() throws {
        let parsed = try parse("volume,close,date,low,high,open\n7,10,2024-01-02,9,11,9.5\n")
        #expect(parsed.bars == [Bar(day: day("2024-01-02"), open: 9.5, high: 11, low: 9, close: 10, volume: 7)])
    }

    // MARK: - Without a header

    @Test(arguments: [
        ("2024-01-02,10", Bar(day: Day(iso: "2024-01-02")!, close: 10)),
        ("2024-01-02,9.5,11,9,10", Bar(day: Day(iso: "2024-01-02")!, open: 9.5, high: 11, low: 9, close: 10)),
        ("2024-01-02,9.5,11,9,10,7", Bar(day: Day(iso: "2024-01-02")!, open: 9.5, high: 11, low: 9, close: 10, volume: 7)),
        ("2024-01-02,9.5,11,9,10,9.9,7", Bar(day: Day(iso: "2024-01-02")!, open: 9.5, high: 11, low: 9, close: 10, volume: 7)),
    ])
    func layoutInferredFromColumnCount(line: String, expected: Bar) throws {
        let parsed = try parse(line + "\n")
        #expect(parsed.bars == [expected])
        #expect(!parsed.hadHeader)
    }

    @Test func unknownColumnCountWithoutHeaderIsRejected() {
        #expect(parseError("2024-01-02,1,2,3\n")?.description.hasPrefix("bad.csv:1: no header") == true)
    }

    // MARK: - Dates

    @Test(arguments: [
        "2024-03-05", "2024-03-05 16:00:00", "2024-03-05T16:00:00", "2024-03-05T16:00:00Z",
        "2024-03-05 16:00:00+01:00", "2024-03-05T00:00:00.000", "20240305",
        "1709596800", "1709683199", "1709596800000",
    ])
    func dateForms(cell: String) throws {
        let parsed = try parse("date,close\n\(cell),10\n")
        #expect(parsed.bars.map(\.day) == [day("2024-03-05")])
    }

    @Test func unixSecondsAreUTCDays() throws {
        // 2021-11-08 23:59:59 UTC and 2021-11-09 00:00:00 UTC.
        let parsed = try parse("timestamp,close\n1636415999,1\n1636416000,2\n")
        #expect(parsed.bars.map(\.day) == [day("2021-11-08"), day("2021-11-09")])
    }

    // MARK: - Text details

    @Test func byteOrderMarkCRLFAndBlankLines() throws {
        let text = "\u{FEFF}date,close\r\n\r\n2024-01-02,10\r\n   \r\n2024-01-03,11\r\n\r\n"
        let parsed = try parse(text)
        #expect(parsed.bars.map(\.close) == [10, 11])
        #expect(parsed.rowsRead == 2)
    }

    @Test func quotedFieldsAndThousandsSeparators() throws {
        let parsed = try parse("""
            "Date","Open","High","Low","Close","Volume"
            "2024-01-02","1,150.50","1,160","1,140.25","1,155.75","3,080,600,000"
            """)
        #expect(parsed.bars == [Bar(day: day("2024-01-02"), open: 1150.5, high: 1160, low: 1140.25, close: 1155.75,
                                    volume: 3_080_600_000)])
    }

    @Test func quotedHeaderWithCommaIsOneField() throws {
        let parsed = try parse("\"date\",\"note, ignored\",close\n2024-01-02,\"a, b\",10\n")
        #expect(parsed.bars == [Bar(day: day("2024-01-02"), close: 10)])
    }

    @Test func trailingWhitespaceAroundCells() throws {
        let parsed = try parse("date , close  \n 2024-01-02 ,\t10.5  \t\n")
        #expect(parsed.bars == [Bar(day: day("2024-01-02"), close: 10.5)])
    }

    @Test func badThousandsSeparatorIsNotANumber() {
        #expect(parseError("date,close\n2024-01-02,\"1,50\"\n")?.description == "bad.csv:2: close '1,50' is not a number")
    }

    // MARK: - Missing values

    @Test func emptyAndNullCellsAreCounted() throws {
        let parsed = try parse("""
            date,open,high,low,close,volume
            2024-01-02,,,,10,
            2024-01-03,null,12,10,11,null
            2024-01-04,11,12,10,,100
            2024-01-05,11,12,10,null,100
            2024-01-06,11,12,10,11.5,100
            """)
        #expect(parsed.rowsRead == 5)
        #expect(parsed.skippedNoClose == 2)
        #expect(parsed.emptyCells == 4 + 2)
        #expect(parsed.bars.map(\.day) == [day("2024-01-02"), day("2024-01-03"), day("2024-01-06")])
        #expect(parsed.bars[0] == Bar(day: day("2024-01-02"), close: 10))
        #expect(parsed.bars[1] == Bar(day: day("2024-01-03"), high: 12, low: 10, close: 11))
    }

    @Test func unsortedRowsAreSorted() throws {
        let parsed = try parse("date,close\n2024-01-03,3\n2024-01-01,1\n2024-01-02,2\n")
        #expect(parsed.bars.map(\.close) == [1, 2, 3])
        #expect(parsed.wasReordered)
        #expect(try !parse("date,close\n2024-01-01,1\n2024-01-02,2\n").wasReordered)
    }

    @Test(arguments: [
        "1150.72", "0.000015", "1e3", "2.5E-2", "+7", "12345678901234567890",
        "0.1000000000000000055511151231257827", "123456.789012345678", "9007199254740993", "3080600000",
    ])
    func numbersAreCorrectlyRounded(cell: String) throws {
        let parsed = try parse("date,close\n2024-01-02,\(cell)\n")
        #expect(parsed.bars[0].close == Double(cell))
    }
}
