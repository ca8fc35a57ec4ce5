import Foundation

/// What to run, from the command line:
/// `resonance-bench [--quick] [--resonance PATH] [--no-gnuplot] [--store-load HOME] [--fundamentals] [--serve-sec]`.
struct BenchOptions {
    /// Small sizes and few repetitions: a few seconds, for CI.
    var quick = false
    /// The `resonance` executable to spawn; by default the one beside this program.
    var resonance: String
    /// Whether to time gnuplot when it is installed.
    var gnuplot = true
    /// When set, only time opening the existing store at this home folder and loading both series.
    var storeLoadHome: String?
    /// Only time `fetch --fundamentals` against a loopback SEC (about 40 s; not part of the full run).
    var fundamentals = false
    /// Only serve the loopback SEC, until killed.
    var serveSEC = false

    /// Points per series of the synthetic data sets (the small set is the reference history or the demo market).
    var syntheticSizes: [Int] { quick ? [20_000] : [100_000, 1_000_000] }
    /// Spawns of the real binary per data set.
    func startupRuns(points: Int) -> Int { quick ? 5 : (points > 200_000 ? 7 : 21) }
    /// Frames per action.
    var frames: Int { quick ? 40 : 400 }
    /// Repetitions of the in-process measurements.
    func computeRuns(points: Int) -> Int { quick ? 3 : (points > 200_000 ? 5 : 15) }

    /// Reads the arguments, exiting with a usage line on anything unknown.
    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions(resonance: besideThisProgram("resonance"))
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--quick": options.quick = true
            case "--no-gnuplot": options.gnuplot = false
            case "--fundamentals": options.fundamentals = true
            case "--serve-sec": options.serveSEC = true
            case "--store-load":
                guard let home = rest.popFirst() else { usage() }
                options.storeLoadHome = home
            case "--resonance":
                guard let path = rest.popFirst() else { usage() }
                options.resonance = path
            default: usage()
            }
        }
        return options
    }

    private static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: resonance-bench [--quick] [--resonance PATH] [--no-gnuplot] [--store-load HOME] [--fundamentals] [--serve-sec]\n".utf8))
        exit(2)
    }

    /// A program in the same folder as the running executable.
    private static func besideThisProgram(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
