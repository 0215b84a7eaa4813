import Foundation
import Synchronization

/// What the open pages of a preview are told: the site was rebuilt (with its new root), or the
/// build failed (with the one-line error). Each connection of `GET /.blogctl/events` listens.
public final class PreviewEvents: Sendable {
    /// One server-sent event.
    public enum Event: Sendable, Equatable {
        /// The current state, first on every connection: the root served and the last error.
        case hello(root: String, error: String?)
        case reload(root: String)
        case buildError(String)

        /// The event as the `text/event-stream` format writes it.
        var text: String {
            switch self {
            case .hello(let root, let error):
                return "event: hello\ndata: \(Self.json(["root": root, "error": error]))\n\n"
            case .reload(let root): return "event: reload\ndata: \(Self.json(["root": root]))\n\n"
            case .buildError(let message): return "event: build-error\ndata: \(Self.json(["message": message]))\n\n"
            }
        }

        private static func json(_ fields: [String: String?]) -> String {
            let present = fields.compactMapValues { $0 }
            let data = (try? JSONSerialization.data(withJSONObject: present, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }

    private struct State {
        var root = ""
        var error: String?
        var listeners: [UUID: AsyncStream<Event>.Continuation] = [:]
        var finished = false
    }

    private let state = Mutex(State())

    public init() {}

    /// A stream of events for one connection, starting with `hello`; it ends at `finish()`.
    public func listen() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = UUID()
        let accepted = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            continuation.yield(.hello(root: state.root, error: state.error))
            state.listeners[id] = continuation
            return true
        }
        if !accepted { continuation.finish() }
        continuation.onTermination = { [weak self] _ in self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) } }
        return stream
    }

    /// A build succeeded with `root`: pages reload when the site changed or an error was shown.
    public func built(root: String) {
        send { state in
            let changed = state.root != root || state.error != nil
            state.root = root
            state.error = nil
            return changed ? .reload(root: root) : nil
        }
    }

    /// A build failed: pages show `message` over the last good site.
    public func failed(_ message: String) {
        send { state in
            state.error = message
            return .buildError(message)
        }
    }

    /// Ends every stream (the server is stopping).
    public func finish() {
        let listeners = state.withLock { state in
            state.finished = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }

    /// How many pages listen now.
    public var listenerCount: Int { state.withLock { $0.listeners.count } }

    private func send(_ change: (inout State) -> Event?) {
        let (event, listeners) = state.withLock { state in (change(&state), Array(state.listeners.values)) }
        guard let event else { return }
        for listener in listeners { listener.yield(event) }
    }
}
