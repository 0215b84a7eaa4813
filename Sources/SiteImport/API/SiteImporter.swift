import Foundation

/// `blogctl import`: converts a Hugo or Zola site into a new blogctl site folder.
public enum SiteImporter {
    /// Imports `source` (a `generator` site) into `destination`, which must be absent or an empty
    /// folder; returns the report, also written to DEST_DIR/IMPORT-REPORT.md. On error nothing is left at `destination`.
    public static func run(_ generator: SourceGenerator, source: URL, destination: URL) throws(ImportError) -> ImportReport {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .notASite(path: source.path, reason: "no such folder")
        }
        let staged = try StagedFolder(destination: destination)
        do throws(ImportError) {
            let report = try importSite(generator, source: source, into: staged)
            try staged.commit()
            return report
        } catch {
            staged.discard()
            throw error
        }
    }

    private static func importSite(_ generator: SourceGenerator, source: URL, into staged: StagedFolder) throws(ImportError) -> ImportReport {
        var report = ImportReport(generator: generator)
        let plan = try ImportPlan(generator, source: source, report: &report)
        try SiteFolderWriter.write(plan, source: source, into: staged, report: &report)
        return report
    }
}
