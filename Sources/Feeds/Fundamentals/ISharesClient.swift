import Foundation
import Markets

/// Fetches an iShares fund's holdings file (`…/1467271812596.ajax?fileType=csv&fileName=IWM_holdings&dataType=fund`)
/// and keeps each day's file under `cache/ishares/`.
public struct ISharesClient: Sendable {
    public var baseURL: URL
    public var productPaths: [String: String]
    public var userAgent: String
    public var transport: any HTTPTransport
    public var cache: RawAnswerCache

    public init(config: FundamentalsConfig, userAgent: String, transport: any HTTPTransport, cache: RawAnswerCache) {
        baseURL = config.isharesURL
        productPaths = config.productPaths
        self.userAgent = userAgent
        self.transport = transport
        self.cache = cache
    }

    /// The URL of a fund's holdings file.
    public func holdingsURL(fund: String) throws -> URL {
        guard let path = productPaths[fund] else { throw FetchFault.notConfigured("no iShares product page path for \(fund)") }
        var components = URLComponents(url: baseURL.appendingPathComponent(path).appendingPathComponent("1467271812596.ajax"),
                                       resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "fileType", value: "csv"), URLQueryItem(name: "fileName", value: "\(fund)_holdings"),
                                 URLQueryItem(name: "dataType", value: "fund")]
        return components.url!
    }

    /// Today's holdings file of a fund, parsed, with the raw file kept under its as-of day.
    public func holdings(fund: String) throws -> FundHoldingsFile {
        let answer = try transport.get(try holdingsURL(fund: fund), headers: ["User-Agent": userAgent])
        try AnswerCheck.requireSuccess(answer)
        try AnswerCheck.rejectHTML(answer)
        let file = try FundHoldingsFile.parse(answer.text, label: "\(fund) holdings")
        try cache.write(answer.body, to: "ishares/\(fund)-\(file.asOf.iso).csv")
        return file
    }
}
