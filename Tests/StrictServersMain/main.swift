import Foundation
import StrictServers

// `strict-servers kubo`: the strict kubo RPC server and its gateway on 127.0.0.1, for benchmarks
// that need a node in another process. Prints `api URL` and `gateway URL`, serves until its
// standard input ends, then prints every request it answered (method, path, status, seconds).
guard CommandLine.arguments.dropFirst() == ["kubo"] else {
    FileHandle.standardError.write(Data("usage: strict-servers kubo   (serves until standard input ends)\n".utf8))
    exit(2)
}
let kubo = try await StrictKubo.start()
// Written at once, unbuffered: a script waits for these lines.
FileHandle.standardOutput.write(Data("api \(kubo.api.url)\ngateway \(kubo.gateway.url)\n".utf8))
_ = await Task.detached { FileHandle.standardInput.readDataToEndOfFile() }.value
await kubo.stop()
for request in kubo.faults.requests {
    let seconds = Double(request.duration.components.seconds) + Double(request.duration.components.attoseconds) / 1e18
    print("\(request.method) \(request.path) \(request.status) \(String(format: "%.3f", seconds))")
}
