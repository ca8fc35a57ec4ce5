import Foundation

// resonance-bench: builds stores of several sizes, then times start-up, frames, panels, import and load,
// and gnuplot on the same data when it is installed. Prints Markdown tables; progress goes to stderr.

let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
if let home = options.storeLoadHome {
    // An existing store, as it is: open it and load both series, with the chart's columns and with all.
    let times = try StoreBench.loadSeconds(home: home, runs: options.quick ? 3 : 21)
    print("store open + load of rut and btc at \(home), median: chart columns \(Units.duration(times.chartColumns)), "
          + "all columns \(Units.duration(times.allColumns))")
    exit(0)
}
if options.serveSEC { try FundamentalsBench.serve() }
let root = NSTemporaryDirectory() + "resonance-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

func progress(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

if options.fundamentals {
    // The SEC's pace bounds this run, so it is measured on its own: `--fundamentals`.
    guard let result = try FundamentalsBench(binary: options.resonance).measure(root: root, progress: progress) else {
        progress("could not run \(options.resonance)")
        exit(1)
    }
    print(FundamentalsBench.markdown(result))
    try? FileManager.default.removeItem(atPath: root)
    exit(result.status == 0 ? 0 : 1)
}

let factory = DataSetFactory(root: root)
var dataSets = [try factory.small()]
for size in options.syntheticSizes {
    progress("making a store of \(Units.count(size)) days per series…")
    dataSets.append(try factory.synthetic(days: size))
}

let canSpawn = FileManager.default.isExecutableFile(atPath: options.resonance)
if !canSpawn {
    progress("no resonance binary at \(options.resonance): start-to-frame skipped (build it, or pass --resonance PATH)")
}
let gnuplot = options.gnuplot ? ChildProcess.which("gnuplot") : nil
if options.gnuplot, gnuplot == nil { progress("gnuplot not installed: comparison skipped (apt-get install gnuplot-nox)") }

var report = BenchReport(machine: Machine.current(), quick: options.quick)
for (number, data) in dataSets.enumerated() {
    let points = max(data.index.count, data.bitcoin.count)
    progress("measuring \(data.name)…")
    var row = BenchReport.Row(name: data.name, points: "\(data.index.count) / \(data.bitcoin.count)",
                              alignedDays: data.alignedDays, importPer100k: data.importSecondsPer100k,
                              pointsLabel: Units.count(points))
    if canSpawn {
        row.startup = StartupBench(binary: options.resonance).measure(home: data.home, runs: options.startupRuns(points: points))
        if row.startup == nil { progress("resonance render failed on \(data.name)") }
    }
    row.storeLoad = try StoreBench.loadSeconds(data, runs: options.computeRuns(points: points))
    row.marketData = FrameBench.marketDataSeconds(data, runs: options.computeRuns(points: points))
    row.frames = FrameBench.frameSeconds(data, iterations: options.frames)
    row.evidence = FrameBench.evidenceSeconds(data, runs: options.computeRuns(points: points))
    if let gnuplot {
        let folder = "\(root)/gnuplot-\(number)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        row.gnuplot = try GnuplotBench(binary: gnuplot).measure(data, folder: folder,
                                                                runs: options.startupRuns(points: points))
    }
    report.rows.append(row)
}
print(report.markdown)
let settingsCount = options.quick ? 5_000 : 50_000
let settings = try SettingsBench.seconds(settings: settingsCount, runs: options.quick ? 3 : 11)
print("\nSettings files, median: config.toml of \(Units.count(settingsCount)) settings \(Units.duration(settings.config)), "
      + "the bundled default theme \(Units.duration(settings.theme))")
