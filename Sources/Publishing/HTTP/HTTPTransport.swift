import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP exchange as the targets see it: the status, the headers and the whole body (the
/// services' answers are small; uploads stream their request body, never their answer).
public struct HTTPAnswer: Sendable {
    public let status: Int
    public let headers: HTTPHeaders
    public let body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A request a target sends; `body` makes the request body afresh for each attempt (an upload
/// streams its CAR again after a dropped connection).
struct HTTPCall: Sendable {
    var method: HTTPMethod
    var url: String
    var headers: [(String, String)] = []
    var body: (@Sendable () -> HTTPClientRequest.Body)?
    /// How long one attempt may take.
    var timeout: Duration = .seconds(120)
    /// What the request is, in errors ("upload the CAR", "ask for the pin").
    var purpose: String
    /// Whether a 5xx answer is the service's final word rather than a passing failure (kubo answers
    /// a command that failed, such as `pin/ls` of a CID it does not pin, with a 500): not tried again.
    var isFinal: @Sendable (HTTPAnswer) -> Bool = { _ in false }
}

/// Sends the targets' requests with retries: network errors, 5xx and 429 are tried again after an
/// exponential backoff with jitter (a 429's or 503's `Retry-After` is honoured), up to the policy's
/// attempts; any other answer is returned for the target to read.
struct HTTPTransport: Sendable {
    let client: HTTPClient
    let retry: RetryPolicy
    /// Names the target in errors.
    let target: String
    /// Told of each retry (for progress lines).
    var onRetry: (@Sendable (_ purpose: String, _ attempt: Int, _ wait: Duration, _ reason: String) -> Void)?

    /// The answer to `call`, after retries; throws `PublishError.network` when every attempt failed.
    func send(_ call: HTTPCall) async throws(PublishError) -> HTTPAnswer {
        var attempt = 1
        while true {
            let outcome: Result<HTTPAnswer, any Error>
            do {
                outcome = .success(try await once(call))
            } catch {
                outcome = .failure(error)
            }
            let reason: String
            var wait = retry.delay(after: attempt)
            switch outcome {
            case .success(let answer) where (answer.status == 429 || answer.status >= 500) && !call.isFinal(answer):
                reason = "HTTP \(answer.status)"
                if let after = answer.headers.first(name: "Retry-After").flatMap(RetryPolicy.retryAfter) { wait = min(after, retry.longestWait) }
                guard attempt < retry.attempts else {
                    throw PublishError.service(target: target, status: answer.status, "\(call.purpose): \(Self.summary(of: answer))")
                }
            case .success(let answer):
                return answer
            case .failure(let error):
                reason = Self.describe(error)
                guard attempt < retry.attempts else {
                    throw PublishError.network(target: target, "\(call.purpose): \(reason) (tried \(attempt) times)")
                }
            }
            onRetry?(call.purpose, attempt, wait, reason)
            try? await Task.sleep(for: wait)
            if Task.isCancelled { throw PublishError.network(target: target, "\(call.purpose): cancelled") }
            attempt += 1
        }
    }

    private func once(_ call: HTTPCall) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: call.url)
        request.method = call.method
        for (name, value) in call.headers { request.headers.add(name: name, value: value) }
        if let body = call.body { request.body = body() }
        let seconds = call.timeout.components.seconds
        let response = try await client.execute(request, timeout: .seconds(seconds))
        let body = try await response.body.collect(upTo: 16 << 20)
        return HTTPAnswer(status: Int(response.status.code), headers: response.headers, body: Array(buffer: body))
    }

    /// A service's error answer in one line: its JSON error message when it has one.
    static func summary(of answer: HTTPAnswer) -> String {
        let text = answer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let object = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any] {
            // kubo: {"Message"}; Pinning Service API: {"error":{"reason","details"}}; Cluster: {"code","message"}.
            if let message = object["Message"] as? String { return "HTTP \(answer.status): \(message)" }
            if let error = object["error"] as? [String: Any] {
                let reason = error["reason"] as? String ?? ""
                let details = error["details"] as? String
                return "HTTP \(answer.status): \(reason)\(details.map { " (\($0))" } ?? "")"
            }
            if let message = object["message"] as? String { return "HTTP \(answer.status): \(message)" }
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return "HTTP \(answer.status)" + (line.isEmpty ? "" : ": \(line.prefix(200))")
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "could not connect (timed out)"
            case .readTimeout, .deadlineExceeded: return "no answer in time"
            case .remoteConnectionClosed: return "the connection was closed before the answer"
            default: return "\(error)"
            }
        }
        let text = "\(error)"
        if text.contains("Connection refused") { return "connection refused (nothing listens there)" }
        if text.contains("Connection reset") { return "the connection was reset" }
        return text
    }
}

/// How often and how long to try again.
public struct RetryPolicy: Sendable {
    public var attempts = 5
    public var firstWait: Duration = .milliseconds(500)
    public var longestWait: Duration = .seconds(30)

    public init(attempts: Int = 5, firstWait: Duration = .milliseconds(500), longestWait: Duration = .seconds(30)) {
        self.attempts = attempts
        self.firstWait = firstWait
        self.longestWait = longestWait
    }

    /// The wait before attempt `attempt + 1`: doubling from `firstWait`, up to `longestWait`, with
    /// ±25% jitter so that many clients do not come back at once.
    func delay(after attempt: Int) -> Duration {
        let base = firstWait * (1 << min(attempt - 1, 16))
        let capped = min(base, longestWait)
        return capped * Double.random(in: 0.75...1.25)
    }

    /// A `Retry-After` value: seconds, or an HTTP date.
    static func retryAfter(_ value: String) -> Duration? {
        if let seconds = Int(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, date.timeIntervalSinceNow))
    }
}
