import Foundation

/// The machine a run was taken on, for the README.
struct Machine {
    var cores: Int
    var cpu: String

    /// This machine: online cores and the first CPU model name in /proc/cpuinfo.
    static func current() -> Machine {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
        return Machine(cores: ProcessInfo.processInfo.activeProcessorCount, cpu: model ?? "unknown CPU")
    }
}

/// Everything one run measured, printed as Markdown tables.
struct BenchReport {
    /// The measurements for one data set; nil where a part was skipped.
    struct Row {
        var name: String
        /// Points per series, as "index / bitcoin".
        var points: String
        var alignedDays: Int
        var importPer100k: Double
        var startup: (seconds: Double, peakBytes: Int?)?
        var storeLoad = StoreBench.Times(chartColumns: 0, allColumns: 0)
        var marketData: Double = 0
        var frames: [FrameAction: Double] = [:]
        var gnuplot: (seconds: Double, peakBytes: Int?)?
        /// The aftermath's base rates and halving cycle, and the whole history's lead–lag.
        var evidence: (evidence: Double, leadLag: Double) = (0, 0)

        /// A short size for the frame table: "4k", "1M".
        var pointsLabel: String
    }

    var machine: Machine
    var quick: Bool
    var rows: [Row] = []

    var markdown: String {
        var lines = ["Machine: \(machine.cores) cores, \(machine.cpu)\(quick ? " (quick mode: small sizes, few runs)" : "")", ""]
        lines.append("| data set | points (index / bitcoin) | aligned days | start to frame 160x48 (median) | peak memory | gnuplot dumb 160x48 | gnuplot peak | MarketData init | store open + load (chart / all columns) | import per 100k rows |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows {
            lines.append("| \(row.name) | \(row.points) | \(row.alignedDays) | \(row.startup.map { Units.duration($0.seconds) } ?? "—") | "
                + "\(row.startup?.peakBytes.map(Units.megabytes) ?? "—") | "
                + "\(row.gnuplot.map { Units.duration($0.seconds) } ?? "—") | "
                + "\(row.gnuplot?.peakBytes.map(Units.megabytes) ?? "—") | "
                + "\(Units.duration(row.marketData)) | \(Units.duration(row.storeLoad.chartColumns)) / "
                + "\(Units.duration(row.storeLoad.allColumns)) | \(Units.duration(row.importPer100k)) |")
        }
        lines.append("")
        lines.append("Interactive frame at 200x50, every panel visible: update + view + diff, median.")
        lines.append("")
        lines.append("| data set | " + FrameAction.allCases.map(\.rawValue).joined(separator: " | ") + " |")
        lines.append("|---|" + FrameAction.allCases.map { _ in "---:" }.joined(separator: "|") + "|")
        for row in rows {
            lines.append("| \(row.name) \(row.pointsLabel) | " + FrameAction.allCases.map { Units.duration(row.frames[$0] ?? 0) }
                .joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("The evidence, each derived off the loop when its panel shows: the aftermath's base rates and")
        lines.append("percentiles, and the lead–lag at 61 lags over the whole history, median.")
        lines.append("")
        lines.append("| data set | base rates + percentiles | lead–lag, whole history |")
        lines.append("|---|---:|---:|")
        for row in rows {
            lines.append("| \(row.name) \(row.pointsLabel) | \(Units.duration(row.evidence.evidence)) | "
                + "\(Units.duration(row.evidence.leadLag)) |")
        }
        return lines.joined(separator: "\n")
    }
}
