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
/// per request costs nothing anyone notices. The helper enforces the timeouts; this side also kills
/// it a few seconds after the resource timeout, so a wedged helper can never hang a refresh.
public struct HTTPHelperTransport: HTTPTransport {
    /// The transport every provider of the process uses unless told otherwise.
    public static let shared = HTTPHelperTransport(requestTimeout: 15, resourceTimeout: 60)

    public var requestTimeout: TimeInterval
    public var resourceTimeout: TimeInterval
    /// The helper executable; by default `resonance-http` beside the running program.
    public var helperPath: String

    public init(requestTimeout: TimeInterval, resourceTimeout: TimeInterval, helperPath: String = Self.defaultHelperPath()) {
        self.requestTimeout = requestTimeout
        self.resourceTimeout = resourceTimeout
        self.helperPath = helperPath
    }

    /// `$RESONANCE_HTTP_HELPER` when set, else `resonance-http` in the running executable's folder.
    public static func defaultHelperPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["RESONANCE_HTTP_HELPER"], !path.isEmpty { return path }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("resonance-http").path
    }

    public func get(_ url: URL, headers: [String: String]) throws -> HTTPAnswer {
        guard access(helperPath, X_OK) == 0 else {
            throw FetchFault.network("the HTTP helper \(helperPath) is missing; it is built beside resonance (swift build), "
                                     + "or set RESONANCE_HTTP_HELPER to its path")
        }
        let request = HTTPHelperWire.Request(url: url, headers: headers, requestTimeout: requestTimeout,
                                             resourceTimeout: resourceTimeout, parent: getpid())
        let run: ProgramRun
        do {
            run = try ProgramRun.start(helperPath, input: HTTPHelperWire.encode(request))
        } catch let failure as ProgramRun.StartFailure {
            throw FetchFault.network("cannot start the HTTP helper \(helperPath): \(failure.reason)")
        }
        let finished = run.collect(deadline: Date().addingTimeInterval(resourceTimeout + 5))
        guard finished.completed else { throw FetchFault.timeout }
        do {
            return try HTTPHelperWire.decodeOutcome(finished.output).get()
        } catch let fault as FetchFault {
            throw fault
        } catch {
            let said = String(decoding: finished.errors, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw FetchFault.network("HTTP helper failed (exit \(finished.status)): \(said ?? "\(error)")")
        }
    }
}
