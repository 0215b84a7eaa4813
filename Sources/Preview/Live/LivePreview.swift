import ContentAddressing
import Foundation
import Gateway
import Hummingbird
import ServiceLifecycle
import SiteBuilder
import SitePacking

/// One build of a preview: its root and how it went.
public struct PreviewBuild: Sendable {
    public var root: CID
    public var stats: BuildStats
    /// Output files added or changed, and removed, since the last build.
    public var changed: Int
    public var removed: Int
    /// Building, packing and publishing, end to end.
    public var duration: Duration
    public var warnings: [BuildWarning]
}

/// A site built in memory and served as it changes: a `SiteBuildSession` whose sink is a
/// `SitePacker` over a memory block store, published to the gateway (`content`) after every
/// good build and announced to the open pages (`events`). A failed build leaves the last good
/// site served and its error shown in the pages. Nothing is written into the site's output folder.
public actor LivePreview {
    public nonisolated let content: LiveContent
    public nonisolated let events = PreviewEvents()
    private let session: SiteBuildSession
    private let packer: SitePacker
    private let store = MemoryBlockStore()
    /// Whether the next pack must start afresh (a pack failed after its build succeeded).
    private var packFromScratch = false

    /// A preview of the site folder `siteDirectory`, built with `options`.
    public init(siteDirectory: URL, options: BuildOptions) {
        packer = SitePacker(store: store)
        session = SiteBuildSession(siteDirectory: siteDirectory, options: options, sink: packer)
        content = LiveContent(ContentSnapshot(blocks: store, roots: []))
    }

    /// The first build; throws its error (the preview has nothing to show without it).
    public func start() async throws -> PreviewBuild {
        let started = ContinuousClock.now
        let result = try await session.build()
        await session.saveDocumentCache()
        return try await publish(result, started: started)
    }

    /// Rebuilds after `changedPaths` changed: the new build, or the error it failed with.
    public func rebuild(_ changedPaths: [String]) async -> Result<PreviewBuild, any Error> {
        let started = ContinuousClock.now
        do {
            return .success(try await publish(try await session.rebuild(changedPaths: changedPaths), started: started))
        } catch {
            events.failed("\(error)")
            return .failure(error)
        }
    }

    private func publish(_ result: BuildResult, started: ContinuousClock.Instant) async throws -> PreviewBuild {
        let trace = PhaseTrace("preview: ")
        let packed: PackSummary
        do {
            packed = try await packFromScratch ? packer.pack(result.output) : packer.pack(result)
            packFromScratch = false
        } catch {
            packFromScratch = true
            throw error
        }
        trace.phase("pack")
        content.publish(blocks: store, siteRoot: packed.root.cid)
        events.built(root: packed.root.cid.string)
        trace.phase("publish and announce")
        return PreviewBuild(root: packed.root.cid, stats: result.stats, changed: result.changedPaths.count,
            removed: result.removedPaths.count, duration: ContinuousClock.now - started, warnings: result.warnings)
    }

    /// What the gateway adds for the preview: `GET /.blogctl/events` (server-sent events), the
    /// shared worker that pages listen through, and the reload script in every HTML page.
    public nonisolated var hooks: PreviewHooks {
        let router = Router(context: BasicRequestContext.self)
        let events = events
        router.get(RouterPath(ReloadScript.eventsPath)) { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: ResponseBody { writer in
                    // A graceful shutdown waits for responses under way: this one ends with it.
                    try await withGracefulShutdownHandler {
                        for await event in events.listen() { try await writer.write(ByteBuffer(string: event.text)) }
                    } onGracefulShutdown: {
                        events.finish()
                    }
                    try await writer.finish(nil)
                })
        }
        router.get(RouterPath(EventsWorker.path)) { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: EventsWorker.script)))
        }
        return PreviewHooks(pathPrefix: "/.blogctl/", routes: router, htmlSnippet: ReloadScript.snippet)
    }
}
