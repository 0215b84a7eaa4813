import AsyncHTTPClient
import ContentAddressing
import Foundation
import NIOCore

/// Fetches the site back from a gateway as a trustless CAR (`?format=car`, every block of the
/// DAG) and checks every block and that none is missing: the deployment counts only if readers
/// can get the whole site.
struct GatewayVerifier: Sendable {
    let client: HTTPClient
    let retry: RetryPolicy
    var timeout: Duration = .seconds(600)

    /// Checks `gateway`'s copy of `site`; the CAR bytes it read.
    func verify(_ site: PackedSite, at gateway: URL, progress: @Sendable (UInt64) -> Void) async throws(PublishError) -> UInt64 {
        let url = gateway.appendingPathComponent("ipfs/" + site.root.string).absoluteString + "?format=car&dag-scope=all"
        var attempt = 1
        while true {
            do {
                return try await fetch(url, site: site, gateway: gateway, progress: progress)
            } catch let error as Retryable where attempt < retry.attempts {
                try? await Task.sleep(for: retry.delay(after: attempt))
                attempt += 1
                _ = error
            } catch let error as Retryable {
                throw .verification(gateway: gateway.absoluteString, "\(error.reason) (tried \(attempt) times)")
            } catch let error as PublishError {
                throw error
            } catch {
                throw .verification(gateway: gateway.absoluteString, "\(error)")
            }
        }
    }

    private struct Retryable: Error { let reason: String }

    private func fetch(_ url: String, site: PackedSite, gateway: URL, progress: @Sendable (UInt64) -> Void) async throws -> UInt64 {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/vnd.ipld.car; version=1; order=dfs; dups=n")
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(timeout.components.seconds))
        } catch {
            throw Retryable(reason: HTTPTransport.describe(error))
        }
        let status = Int(response.status.code)
        if status == 429 || status >= 500 { throw Retryable(reason: "HTTP \(status)") }
        guard status == 200 else {
            throw PublishError.verification(gateway: gateway.absoluteString, "HTTP \(status) for \(site.root) (the gateway does not have the site)")
        }
        var checker = CARStreamVerifier()
        do {
            for try await chunk in response.body {
                try checker.feed(chunk.readableBytesView)
                progress(checker.bytes)
            }
            try checker.finish()
        } catch let error as CARError {
            throw PublishError.verification(gateway: gateway.absoluteString, "\(error)")
        } catch {
            throw Retryable(reason: "the answer broke off: \(HTTPTransport.describe(error))")
        }
        guard checker.roots == [site.root] || checker.roots.contains(site.root) else {
            throw PublishError.verification(gateway: gateway.absoluteString, "the CAR's root is \(checker.roots.map(\.string)), not \(site.root)")
        }
        let missing = checker.missing(from: site.blocks)
        guard missing.isEmpty else {
            throw PublishError.verification(gateway: gateway.absoluteString,
                "\(missing.count) of the site's \(site.blocks.blocks.count) blocks are missing (first: \(missing[0]))")
        }
        return checker.bytes
    }
}
