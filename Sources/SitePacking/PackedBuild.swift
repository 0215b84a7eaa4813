import ContentAddressing
import Foundation
import SiteBuilder

/// A site built into a folder and packed: what `blogctl build` prints.
public struct PackedBuild: Sendable {
    public var report: BuildReport
    public var pack: PackSummary
    /// How long packing took once the build was done (while the output was written).
    public var packDuration: Duration
}

extension SitePacker {
    /// Builds `siteDirectory` into `outputDirectory` (default `<site>/public`) with this packer as
    /// the build's sink, and packs the output while it is written: each generated file was packed
    /// by the worker that made it, so what is left is the copied files (streamed from their
    /// sources) and the directories. Nothing is read back from the output.
    public func build(siteDirectory: URL, outputDirectory: URL? = nil, options: BuildOptions) async throws -> PackedBuild {
        let (report, packed) = try await SiteBuilder.build(siteDirectory: siteDirectory, outputDirectory: outputDirectory, options: options,
            sink: self)
        { built in
            let started = ContinuousClock.now
            let summary = try await self.pack(built)
            return (summary, ContinuousClock.now - started)
        }
        return PackedBuild(report: report, pack: packed.0, packDuration: packed.1)
    }
}
