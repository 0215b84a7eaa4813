import ContentAddressing
import Foundation
import SiteBuilder
import SiteCheck
import SitePacking

/// The site built in memory, checked and packed for a deployment: nothing is written to its
/// output folder, and copied files (a big video) stay on disk, their blocks read from them when
/// sent (`RangeBackedBlockStore`), so memory stays bounded by the pages, not the media.
public struct PackedSite: Sendable {
    public let root: CID
    public let profile: ImportProfile
    public let store: RangeBackedBlockStore
    /// Every block of the DAG in CAR order.
    public let blocks: DAGBlocks
    public let stats: BuildStats
    public let warnings: [BuildWarning]
    /// References `check` looked at.
    public let referencesChecked: Int

    /// Builds `siteDirectory` with `options`, checks every link of the result (the site's path on
    /// its host is `sitePath`), and packs it with `profile`. Throws `.build` or `.check`.
    public static func make(siteDirectory: URL, options: BuildOptions, profile: ImportProfile = .default, sitePath: String)
        async throws(PublishError) -> PackedSite
    {
        let store = RangeBackedBlockStore()
        let packer = SitePacker(profile: profile, store: store)
        let session = SiteBuildSession(siteDirectory: siteDirectory, options: options, sink: packer)
        let result: BuildResult
        do { result = try await session.build() } catch { throw .build("\(error)") }
        // The document cache is written while the links are checked and the site is packed (it is
        // one thread's work); a failure after this leaves it written all the same.
        let cacheSaved = Task { await session.saveDocumentCache() }
        let output = result.output
        let report: SiteCheckReport
        do {
            report = try await SiteCheck.check(paths: Array(output.files.keys), sitePath: sitePath) { path in
                guard case .bytes(let data) = output.files[path] else {
                    if case .copy(let source) = output.files[path] { return FileManager.default.contents(atPath: source) }
                    return nil
                }
                return data
            }
        } catch {
            throw .check("\(error)")
        }
        if !report.broken.isEmpty {
            let shown = report.broken.prefix(5).map(\.description).joined(separator: "; ")
            let more = report.broken.count > 5 ? " (and \(report.broken.count - 5) more; `blogctl build && blogctl check` lists them all)" : ""
            throw .check("\(report.broken.count) broken reference\(report.broken.count == 1 ? "" : "s"): \(shown)\(more)")
        }
        let packed: PackSummary
        do {
            packed = try await packer.pack(output)
        } catch {
            throw .build("packing the site: \(error)")
        }
        let blocks: DAGBlocks
        do {
            blocks = try DAGBlocks.walk(root: packed.root.cid, store: store, sizeOf: { store.size(of: $0) })
        } catch {
            throw .build("listing the site's blocks: \(error)")
        }
        await cacheSaved.value
        return PackedSite(root: packed.root.cid, profile: profile, store: store, blocks: blocks, stats: result.stats,
            warnings: result.warnings, referencesChecked: report.referencesChecked)
    }
}
