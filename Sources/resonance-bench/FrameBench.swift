import Dashboard
import Markets
import TermCanvas

/// One interactive action, as the runtime sees it: a message in, a new screen, the diff against the old one.
enum FrameAction: String, CaseIterable {
    case zoom, pan, cursor, resize

    /// The two messages that alternate, so the state returns to where it started every second frame.
    var messages: (Msg, Msg) {
        switch self {
        case .zoom: return (.key(.character("+")), .key(.character("-")))
        case .pan: return (.key(.left), .key(.right))
        case .cursor: return (.key(.character(".")), .key(.character(",")))
        case .resize: return (.resize(Size(width: 200, height: 49)), .resize(FrameBench.size))
        }
    }
}

/// Frame time per action with every panel visible, and the time to derive the panels' numbers.
struct FrameBench {
    /// The size the issue asks for: every panel shows from 160x45.
    static let size = Size(width: 200, height: 50)

    /// Median seconds of `MarketData.init` over `runs` (analysis panels, breakouts, pyramids).
    static func marketDataSeconds(_ data: DataSet, runs: Int) -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            times.append(Clock.time { _ = MarketData(index: data.index, bitcoin: data.bitcoin) })
        }
        return Stats.median(times)
    }

    /// Median seconds of the aftermath's base rates (per series and horizon, with each breakout's percentile) and
    /// of the whole history's lead–lag: both derivations, computed off the loop.
    static func evidenceSeconds(_ data: DataSet, runs: Int) -> (evidence: Double, leadLag: Double) {
        let market = MarketData(index: data.index, bitcoin: data.bitcoin, correlationWindows: [])
        var evidence: [Double] = [], leadLag: [Double] = []
        for _ in 0..<runs {
            evidence.append(Clock.time {
                _ = AftermathEvidence.measure(market.analysis.aftermath, index: data.index, bitcoin: data.bitcoin)
            })
            leadLag.append(Clock.time { _ = LeadLag(data.index, data.bitcoin, maxLag: Analysis.leadLagMaxLag) })
        }
        return (Stats.median(evidence), Stats.median(leadLag))
    }

    /// Median seconds of one `update` + `themedScreen` + `Buffer.diff`, per action, over `iterations` frames.
    static func frameSeconds(_ data: DataSet, iterations: Int) -> [FrameAction: Double] {
        let market = MarketData(index: data.index, bitcoin: data.bitcoin)
        var result: [FrameAction: Double] = [:]
        for action in FrameAction.allCases {
            var state = AppState(data: market, glyphs: .braille, size: size)
            // Zoom in first, so panning moves and the cursor has room, then settle at the full size.
            for _ in 0..<3 { _ = update(&state, .key(.character("+"))) }
            var screenSize = size
            var previous = themedScreen(state, size: screenSize)
            var times: [Double] = []
            times.reserveCapacity(iterations)
            var changedRuns = 0
            let (first, second) = action.messages
            for i in 0..<iterations {
                let msg = i % 2 == 0 ? first : second
                let start = Clock.now()
                _ = update(&state, msg)
                if case .resize(let newSize) = msg { screenSize = newSize }
                let screen = themedScreen(state, size: screenSize)
                let runs = screen.diff(from: previous)
                times.append(Clock.now() - start)
                changedRuns &+= runs.count
                previous = screen
            }
            // Using the diff keeps the optimiser from dropping it.
            precondition(changedRuns >= 0)
            result[action] = Stats.median(times)
        }
        return result
    }
}
