import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The program's HTTP transport: each request runs `resonance-http`, the helper built beside it.
///
/// Keeping the HTTP stack in a helper is what lets `resonance render` and the dashboard start in a few
/// milliseconds (see `HTTPHelperWire`); a fetch happens at most every few minutes, so a process start
/// per request costs nothing anyone notices. The helper enforces the timeouts and the size cap of the
/// answer (`AnswerKind`); this side also kills it a few seconds after the resource timeout, and when it
/// writes more than the cap allows, so a wedged or broken helper can never hang a refresh or fill memory.
public struct HTTPHelperTransport: HTTPTransport {
    /// The transport every provider of the process uses unless told otherwise.
    public static let shared = HTTPHelperTransport(requestTimeout: 15, resourceTimeout: 60)

    public var requestTimeout: TimeInterval
    public var resourceTimeout: TimeInterval
    /// The helper executable; by default `resonance-http` beside the running program.
    public var helperPath: String
    /// A cap for every answer instead of each kind's own (`AnswerKind.limit`); tests set a small one.
    public var answerLimit: Int?

    /// - Parameters:
    ///   - requestTimeout: the longest wait for the next byte, in seconds.
    ///   - resourceTimeout: the longest a whole request may take, in seconds, however steadily bytes arrive.
    public init(requestTimeout: TimeInterval, resourceTimeout: TimeInterval, helperPath: String = Self.defaultHelperPath(),
                answerLimit: Int? = nil) {
        self.requestTimeout = requestTimeout
        self.resourceTimeout = resourceTimeout
        self.helperPath = helperPath
        self.answerLimit = answerLimit
    }

    /// `$RESONANCE_HTTP_HELPER` when set, else `resonance-http` in the running executable's folder.
    public static func defaultHelperPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["RESONANCE_HTTP_HELPER"], !path.isEmpty { return path }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("resonance-http").path
    }

    /// Fetches a URL whose answer is of no particular kind: capped at the largest kind's limit.
    public func get(_ url: URL, headers: [String: String]) throws -> HTTPAnswer {
        try get(url, headers: headers, kind: .other)
    }

    public func get(_ url: URL, headers: [String: String], kind: AnswerKind) throws -> HTTPAnswer {
        let limit = answerLimit ?? kind.limit
        guard access(helperPath, X_OK) == 0 else {
            throw FetchFault.network("the HTTP helper \(helperPath) is missing; it is built beside resonance (swift build), "
                                     + "or set RESONANCE_HTTP_HELPER to its path")
        }
        let request = HTTPHelperWire.Request(url: url, headers: headers, requestTimeout: requestTimeout,
                                             resourceTimeout: resourceTimeout, limit: limit, parent: getpid())
        let run: ProgramRun
        do {
            run = try ProgramRun.start(helperPath, input: HTTPHelperWire.encode(request))
        } catch let failure as ProgramRun.StartFailure {
            throw FetchFault.network("cannot start the HTTP helper \(helperPath): \(failure.reason)")
        }
        // The outcome is the body and a few lines of status and headers (whose total the helper's HTTP
        // stack bounds): more than the cap plus 1 MB is a helper gone wrong.
        let finished = run.collect(deadline: Date().addingTimeInterval(resourceTimeout + 5), outputLimit: limit + (1 << 20))
        if finished.overflowed { throw FetchFault.answerTooLarge(limit: limit, url: Self.shown(url)) }
        guard finished.completed else { throw FetchFault.tooSlow(seconds: Int(resourceTimeout.rounded(.up)), received: finished.output.count) }
        do {
            return try HTTPHelperWire.decodeOutcome(finished.output).get()
        } catch let fault as FetchFault {
            throw fault
        } catch {
            let said = String(decoding: finished.errors.prefix(4096), as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw FetchFault.network("HTTP helper failed (exit \(finished.status)): \(MessageExcerpt.of(said ?? "\(error)", limit: 120))")
        }
    }

    /// A URL as a message shows it: without its query, which may hold a key (Stooq's `apikey`).
    public static func shown(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        let hadQuery = components.query != nil
        components.query = nil
        components.user = nil
        components.password = nil
        return (components.string ?? url.absoluteString) + (hadQuery ? "?…" : "")
    }
}
