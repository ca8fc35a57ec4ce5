import Feeds
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// resonance-http: makes one HTTP GET for resonance and exits. Reads the request from standard input and
// writes the outcome to standard output, both in the `HTTPHelperWire` format. It holds the HTTP stack so
// that the dashboard itself starts without loading it.

let input = FileHandle.standardInput.readDataToEndOfFile()
do {
    let request = try HTTPHelperWire.decodeRequest(input)
    let transport = URLSessionTransport(requestTimeout: request.requestTimeout, resourceTimeout: request.resourceTimeout)
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
