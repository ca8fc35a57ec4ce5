import Feeds
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// resonance-http: makes one HTTP GET for resonance and exits. Reads the request from standard input and
// writes the outcome to standard output, both in the `HTTPHelperWire` format. It holds the HTTP stack so
// that the dashboard itself starts without loading it.

/// Leaves as soon as `parent` is no longer this process's parent: the program that asked is gone (killed,
/// or its terminal closed), so the answer is no longer wanted. Checked twice a second, from the start, so
/// a parent that died before the helper got going is noticed too.
func leaveWhenOrphaned(parent: pid_t) {
    Thread.detachNewThread {
        while true {
            if getppid() != parent { _exit(3) }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }
}

let input = FileHandle.standardInput.readDataToEndOfFile()
do {
    let request = try HTTPHelperWire.decodeRequest(input)
    leaveWhenOrphaned(parent: request.parent ?? getppid())
    let transport = CurlTransport(requestTimeout: request.requestTimeout, resourceTimeout: request.resourceTimeout,
                                        limit: request.limit)
    let outcome: Result<HTTPAnswer, FetchFault>
    do {
        outcome = .success(try transport.get(request.url, headers: request.headers))
    } catch let fault as FetchFault {
        outcome = .failure(fault)
    }
    FileHandle.standardOutput.write(HTTPHelperWire.encode(outcome))
    exit(0)
} catch {
    FileHandle.standardError.write(Data("resonance-http: \(error)\n".utf8))
    exit(2)
}
