/// How the main chart puts two series of very different size on one picture.
public enum ChartMode: String, CaseIterable, Sendable {
    /// Both series divided by their value on the first visible day, times 100.
    case indexed
    /// The index on the left axis, Bitcoin on the right, each in its own units.
    case dualAxis

    /// The label shown in the title and status bar.
    public var label: String {
        switch self {
        case .indexed: return "indexed"
        case .dualAxis: return "dual axis"
        }
    }

    /// The next mode in the cycle `m` walks.
    public var next: ChartMode {
        let all = ChartMode.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
