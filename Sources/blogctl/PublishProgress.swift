import Foundation
import Publishing
import Synchronization

/// Shows a publish as it goes: on a terminal, one progress bar per target redrawn in place; in
/// CI and pipes, plain lines when a phase changes (and every quarter of an upload).
final class PublishProgress: Sendable {
    private struct State {
        var order: [String] = []
        var targets: [String: TargetProgress] = [:]
        var drawn = 0
        var lastQuarter: [String: UInt64] = [:]
    }

    private let terminal: Bool
    private let state = Mutex(State())

    init(terminal: Bool) { self.terminal = terminal }

    func show(_ event: PublishEvent) {
        switch event {
        case .building: line("building and checking the site")
        case .built(let stats, let warnings):
            for warning in warnings { line("blogctl: warning: \(warning)") }
            line("built \(stats.contentSummary): \(stats.files) files\(stats.leftOutNote)")
        case .packed(let root, let blocks, let bytes, let references):
            line("checked \(references) references; packed \(blocks) blocks, \(ByteText.of(bytes)): \(root)")
        case .target(let progress): update(progress)
        case .retrying(let target, let purpose, let attempt, let wait, let reason):
            line("\(target): \(purpose): \(reason); trying again in \(String(format: "%.1f", wait.seconds)) s (attempt \(attempt + 1))")
        case .targetDone(let record):
            finishTarget(record.name, "\(record.name): done: \(record.status.rawValue), sent \(ByteText.of(record.bytesSent)) (\(record.blocksSent) blocks)")
        case .targetFailed(let name, let error): finishTarget(name, "\(name): FAILED: \(error)")
        case .verifying(let gateway): line("verifying at \(gateway.absoluteString)")
        case .verified(let gateway, let bytes): line("verified at \(gateway.absoluteString): every block of the site, \(ByteText.of(bytes))")
        case .recorded(let file): line("recorded in \(file.path)")
        }
    }

    /// Leaves the bars as they are, on their own lines.
    func finish() {
        state.withLock { $0.drawn = 0 }
    }

    func summarize(_ result: PublishResult) {
        line("")
        if result.dryRun {
            line("dry run: built, checked and packed \(result.cid); nothing sent. It would go to:")
            for target in result.targets { line("  \(target.name) (\(target.type)): \(target.endpoint)") }
            return
        }
        line(result.complete ? "published \(result.cid)" : "NOT published")
        for target in result.targets {
            line("  \(target.name) (\(target.type)): \(target.status.rawValue)\(target.pin.map { ", pin \($0)" } ?? "")")
        }
        if result.defaultTarget {
            line("site.yml has no publish.targets: wrote the site's CAR; `blogctl serve --car site.car` serves it here,")
            line("and docs/publish.md says how to add a kubo node, a pinning service or a cluster")
        }
        if result.complete, !result.dryRun, !result.gatewayURLs.isEmpty {
            line("try it on a gateway:")
            for url in result.gatewayURLs { line("  \(url)") }
        }
        // The one line that says why, last, as every command ends a failure.
        if let error = result.error { line("blogctl: error: \(result.failedStep ?? "publish"): \(error)") }
    }

    private func update(_ progress: TargetProgress) {
        let text: String? = state.withLock { state in
            let previous = state.targets[progress.target]
            if previous == nil { state.order.append(progress.target) }
            state.targets[progress.target] = progress
            if terminal { return nil }
            // Plain lines: a new phase, or another quarter of the upload.
            let quarter = progress.bytesTotal > 0 ? progress.bytesSent * 4 / progress.bytesTotal : 0
            let lastQuarter = state.lastQuarter[progress.target] ?? 0
            guard previous?.phase != progress.phase || quarter > lastQuarter else { return nil }
            state.lastQuarter[progress.target] = quarter
            return Self.describe(progress)
        }
        if let text { line(text) } else if terminal { redraw() }
    }

    private func finishTarget(_ name: String, _ text: String) {
        state.withLock { state in
            state.order.removeAll { $0 == name }
            state.targets[name] = nil
        }
        line(text)
    }

    private static func describe(_ progress: TargetProgress) -> String {
        guard progress.bytesTotal > 0 else { return "\(progress.target): \(progress.phase)" }
        return "\(progress.target): \(progress.phase): \(ByteText.of(progress.bytesSent)) of \(ByteText.of(progress.bytesTotal)), "
            + "\(progress.blocksSent) of \(progress.blocksTotal) blocks"
    }

    /// Redraws the bars below the last line (a terminal only).
    private func redraw() {
        let output: String = state.withLock { state in
            var text = String(repeating: "\u{1B}[1A\u{1B}[2K", count: state.drawn)
            for name in state.order {
                guard let progress = state.targets[name] else { continue }
                let width = 24
                let fraction = progress.bytesTotal > 0 ? Double(progress.bytesSent) / Double(progress.bytesTotal) : 0
                let filled = Int(fraction * Double(width))
                let bar = progress.bytesTotal > 0 ? "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] " : ""
                text += "\(bar)\(Self.describe(progress))\n"
            }
            state.drawn = state.order.count
            return text
        }
        FileHandle.standardError.write(Data(output.utf8))
    }

    private func line(_ text: String) {
        let clear: String = state.withLock { state in
            defer { state.drawn = 0 }
            return terminal ? String(repeating: "\u{1B}[1A\u{1B}[2K", count: state.drawn) : ""
        }
        FileHandle.standardError.write(Data((clear + text + "\n").utf8))
        if terminal { redraw() }
    }
}
