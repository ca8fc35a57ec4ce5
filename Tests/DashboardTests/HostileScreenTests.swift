import Dashboard
import Foundation
import Markets
import TermCanvas
import TestSupport
import Testing

/// Outside text drawn on the screen: the store's path, a theme's name, a provider's fault and source,
/// a notice. None may leave a control character in a cell of the frame.
@Suite("Outside text on the screen")
struct HostileScreenTests {
    @Test("random bytes with every C0 and C1 control in every drawn outside text: no control in any cell (seeded)")
    func noControlInAnyCell() {
        var used = Set<UInt32>()
        FuzzBudget(quickCases: 60).run("HostileScreen") { seed, random in
            var state = Fixtures.state(size: random.pick([Size(width: 80, height: 24), Size(width: 200, height: 50)]))
            state.sourceLabel = "store " + HostileText.text(&random, used: &used)
            state.notice = HostileText.text(&random, used: &used)
            state.theme.name = HostileText.text(&random, used: &used)
            state.importHint = [HostileText.text(&random, used: &used)]
            state.live.isAvailable = true
            state.live.isOn = random.chance(0.5)
            state.live.feeds[.rut] = FeedStatus(source: HostileText.text(&random, used: &used), updatedAt: nil,
                                                fault: HostileText.text(&random, used: &used))
            state.live.feeds[.btc] = FeedStatus(source: HostileText.text(&random, used: &used), updatedAt: Date(timeIntervalSince1970: 0),
                                                fault: nil)
            state.live.fundamentals.note = HostileText.text(&random, used: &used)
            state.showHelp = random.chance(0.2)
            let frame = themedScreen(state, size: state.size)
            let bad = frame.cells.first { SafeText.needsEscape($0.scalar) }
            #expect(bad == nil, "seed \(seed): U+\(String(bad?.scalar.value ?? 0, radix: 16)) in a cell")
            #expect(!frame.text.unicodeScalars.contains { SafeText.needsEscape($0) && $0 != "\n" }, "seed \(seed)")
        }
        #expect(used.isSuperset(of: HostileText.controls), "controls never tried: \(Set(HostileText.controls).subtracting(used).sorted())")
    }
}
