import Markets
import Testing

@Suite("Series names")
struct SeriesIDTests {
    @Test("a fund's flows are flows.<fund in lower case>, and the fund reads back")
    func flows() {
        #expect(SeriesID.flows(fund: "IWM") == "flows.iwm")
        #expect(SeriesID("flows.ijr").flowsFund == "ijr")
        #expect(SeriesID.allFlows.flowsFund == "all")
        #expect(SeriesID.rut.flowsFund == nil && SeriesID.lossShare.flowsFund == nil && SeriesID("flowsx").flowsFund == nil)
    }

    @Test("the loss-share counts are stored beside the share, under its name")
    func lossShare() {
        let counts: [SeriesID] = [.lossShareReported, .lossShareMissing, .lossShareMatched, .lossShareConstituents]
        #expect(counts.allSatisfy { $0.rawValue.hasPrefix(SeriesID.lossShare.rawValue + ".") })
        #expect(Set(counts).count == 4)
    }
}
