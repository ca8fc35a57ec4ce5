import Foundation
import Markets

/// The comparison: gnuplot's dumb terminal drawing the same two series at the same size.
struct GnuplotBench {
    /// The gnuplot executable.
    let binary: String

    /// Writes the series and a script beside each other, then times `gnuplot script` like the render runs.
    ///
    /// Both series are drawn as lines on one date axis (days since 1970), Bitcoin on the second y axis,
    /// at 160x48 characters: the same picture `resonance render --size 160x48` draws in dual-axis mode.
    func measure(_ data: DataSet, folder: String, runs: Int) throws -> (seconds: Double, peakBytes: Int?)? {
        let index = "\(folder)/index.dat", bitcoin = "\(folder)/bitcoin.dat", script = "\(folder)/plot.gp"
        try write(data.index, to: index)
        try write(data.bitcoin, to: bitcoin)
        try """
            set terminal dumb 160 48
            set logscale y
            set logscale y2
            set ytics nomirror
            set y2tics
            plot '\(index)' using 1:2 with lines title 'index', '\(bitcoin)' using 1:2 axes x1y2 with lines title 'bitcoin'

            """.write(toFile: script, atomically: false, encoding: .utf8)
        let arguments = [script]
        return ChildProcess.measure(binary, arguments, runs: runs)
    }

    private func write(_ series: Series, to path: String) throws {
        var text = ""
        text.reserveCapacity(series.count * 24)
        for i in 0..<series.count {
            text += String(series.days[i].rawValue); text += " "; text += String(series.closes[i]); text += "\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}
