import Markets

/// Which calendar month each of an N-PORT filing's three monthly items (`mon1Flow`…`mon3Flow`,
/// `rtn1`…`rtn3`) is.
///
/// Form N-PORT asks for each item "for each of the preceding three months" and names them Month 1, 2
/// and 3 without saying which is which, and public parsers disagree: one reads Month 3 as the report
/// month (an SEC ETF-holdings fetcher that dates `rtn1` two month-ends before `repPdDate`), another reads
/// Month 1 as the newest (a flows parser that dates item N at `repPdDate` minus N−1 months).
///
/// The evidence settles it for Month 1 = the month of `repPdDate`. A real filing of the Global X DAX
/// Germany ETF (series S000063351, `repPdDate` 2024-01-31) reports `rtn1=-0.81 rtn2=4.56 rtn3=12.94`
/// (percent). The DAX in dollars lost about 1% in January 2024, gained about 4.7% in December 2023
/// (DAX +3.3%, euro +1.4%) and about 12.7% in November 2023 (DAX +9.5%, euro +3%): rtn1 is January,
/// rtn3 November. The flows items are numbered the same way as the returns in the same part of the form.
/// `NPortDocumentTests.monthOneIsTheReportMonth` pins this with that filing's figures.
public enum NPortMonthOrder {
    /// The first day of the month that item `number` (1, 2 or 3) reports, for a filing as of `reportDate`.
    public static func month(ofItem number: Int, reportDate: Day) -> Day {
        let (year, month, _) = reportDate.components
        return Day(year: year, month: month, day: 1)!.adding(months: -(number - 1))
    }
}
