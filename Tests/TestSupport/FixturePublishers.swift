import Foundation

/// A scripted iShares and SEC for the fixture server: holdings files per fund, the company tickers,
/// frames per quarter, and queued faults.
///
/// Routes: `/us/products/{id}/{slug}/1467271812596.ajax?fileName={FUND}_holdings`, `/files/company_tickers.json`,
/// `/api/xbrl/frames/us-gaap/NetIncomeLoss/USD/{period}.json`. Like the SEC, the SEC routes answer 403 to a
/// request whose User-Agent does not hold a contact (an `@`). A quarter without a frame answers 404.
///
/// Like iShares, the holdings route takes `asOfDate=YYYYMMDD`: it answers the past file set for that day;
/// for a day without one, the publisher's empty file (`Fund Holdings as of,"-"`), or, with
/// `answersEarlierFile`, the newest past file before that day (as iShares may do for a day without trading).
public final class FixturePublishers: @unchecked Sendable {
    /// A fault served instead of the next answer of a route.
    public enum Fault: Sendable, Hashable {
        case tooManyRequests(retryAfter: String?)
        case html
        case truncated
        case body(String)
    }

    private let lock = NSLock()
    private var holdings: [String: String] = [:]
    private var pastHoldings: [String: [String: String]] = [:]
    private var earlierFile = false
    private var tickers = "{}"
    private var frames: [String: String] = [:]
    private var faults: [String: [Fault]] = [:]

    public init() {}

    public func setHoldings(_ fund: String, _ csv: String) { lock.withLock { holdings[fund] = csv } }
    /// Sets the file answered for `asOfDate` = `day` (`YYYYMMDD`).
    public func setPastHoldings(_ fund: String, day: String, _ csv: String) { lock.withLock { pastHoldings[fund, default: [:]][day] = csv } }
    /// Whether a day without a past file is answered with the newest earlier one instead of the empty file.
    public var answersEarlierFile: Bool {
        get { lock.withLock { earlierFile } }
        set { lock.withLock { earlierFile = newValue } }
    }
    public func setCompanyTickers(_ json: String) { lock.withLock { tickers = json } }
    public func setFrame(_ period: String, _ json: String) { lock.withLock { frames[period] = json } }

    /// Queues faults for a route: a fund (`IWM`, any of its files), one past file (`IWM@20260130`), `tickers`,
    /// or a period (`CY2025Q3`).
    public func script(_ route: String, _ queued: Fault...) { lock.withLock { faults[route, default: []] += queued } }

    public var handler: @Sendable (FixtureRequest) -> FixtureReply { { [self] in reply(to: $0) } }

    public func reply(to request: FixtureRequest) -> FixtureReply {
        if request.path.hasSuffix("/1467271812596.ajax"), let name = request.query["fileName"], name.hasSuffix("_holdings") {
            let fund = String(name.dropLast("_holdings".count))
            if let day = request.query["asOfDate"] {
                if let fault = nextFault("\(fund)@\(day)") ?? nextFault(fund) { return serve(fault, body: pastFile(fund, day: day)) }
                return .answer(status: 200, headers: ["Content-Type": "text/csv; charset=utf-8"], body: pastFile(fund, day: day))
            }
            if let fault = nextFault(fund) { return serve(fault, body: lock.withLock { holdings[fund] } ?? "") }
            guard let csv = lock.withLock({ holdings[fund] }) else { return .answer(status: 404, headers: [:], body: "not found") }
            return .answer(status: 200, headers: ["Content-Type": "text/csv; charset=utf-8"], body: csv)
        }
        let secPaths = ["/files/company_tickers.json", "/api/xbrl/frames/"]
        guard secPaths.contains(where: { request.path.hasPrefix($0) }) else { return .answer(status: 404, headers: [:], body: "not found") }
        guard let agent = request.headers["user-agent"], agent.contains("@") else {
            return .answer(status: 403, headers: ["Content-Type": "text/html"],
                           body: "<html><body>Your Request Originates from an Undeclared Automated Tool</body></html>")
        }
        if request.path == "/files/company_tickers.json" {
            let body = lock.withLock { tickers }
            return nextFault("tickers").map { serve($0, body: body) } ?? .json(body)
        }
        let period = String(request.path.split(separator: "/").last ?? "").replacingOccurrences(of: ".json", with: "")
        let body = lock.withLock { frames[period] }
        if let fault = nextFault(period) { return serve(fault, body: body ?? "{}") }
        guard let body else { return .json(#"{"message":"Not found"}"#, status: 404) }
        return .json(body)
    }

    /// The past file for a day: the one set, else the newest earlier one (when asked to) or the empty file.
    private func pastFile(_ fund: String, day: String) -> String {
        lock.withLock {
            let files = pastHoldings[fund] ?? [:]
            if let csv = files[day] { return csv }
            if earlierFile, let earlier = files.keys.filter({ $0 < day }).max() { return files[earlier]! }
            return FundamentalsFixtures.emptyHoldings()
        }
    }

    private func nextFault(_ route: String) -> Fault? {
        lock.withLock {
            guard var queue = faults[route], !queue.isEmpty else { return nil }
            let fault = queue.removeFirst()
            faults[route] = queue
            return fault
        }
    }

    private func serve(_ fault: Fault, body: String) -> FixtureReply {
        switch fault {
        case .tooManyRequests(let retryAfter):
            return .answer(status: 429, headers: retryAfter.map { ["Retry-After": $0] } ?? [:], body: "Too Many Requests")
        case .html: return .answer(status: 200, headers: ["Content-Type": "text/html"], body: "<!DOCTYPE html><html>maintenance</html>")
        case .truncated: return .answer(status: 200, headers: [:], body: String(body.prefix(body.count / 2)))
        case .body(let text): return .answer(status: 200, headers: [:], body: text)
        }
    }
}
