import Markets

/// Writes a series as CSV in the layout the importer reads back.
public enum SeriesCSV {
    /// The header line, without its line end.
    public static let header = "date,open,high,low,close,volume"

    /// The series as `date,open,high,low,close,volume` lines, each ending in `\n`.
    ///
    /// Missing values are empty cells; numbers are plain decimals without exponent or a trailing `.0`
    /// (`1150.72`, `3080600000`).
    public static func render(_ series: Series) -> String {
        var text = header + "\n"
        text.reserveCapacity(series.count * 48)
        for i in 0..<series.count {
            text += series.days[i].iso
            for value in [series.open(at: i), series.high(at: i), series.low(at: i), series.closes[i], series.volume(at: i)] {
                text += ","
                if !value.isNaN { text += formatNumber(value) }
            }
            text += "\n"
        }
        return text
    }
}
