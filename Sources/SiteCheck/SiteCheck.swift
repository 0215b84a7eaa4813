import Foundation

/// Checks a built site folder: every internal link and asset reference must resolve to a file
/// inside it, written page-relative so the site works from any IPFS path gateway.
public enum SiteCheck {
    /// Scans every `.html` and `.css` file under `outputDirectory` (in parallel) and reports
    /// each reference that does not resolve. Throws `SiteCheckError` if the folder is missing.
    public static func check(outputDirectory: URL) async throws(SiteCheckError) -> SiteCheckReport {
        let root = outputDirectory.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw .outputFolderMissing(path: outputDirectory.path)
        }
        guard isDirectory.boolValue else { throw .outputIsNotAFolder(path: outputDirectory.path) }

        let site = try SiteFiles(root: root)
        let scans = try await scanAll(site.pages, root: root)

        var anchors: [[UInt8]: Set<[UInt8]>] = [:]
        for (page, scan) in zip(site.pages, scans) where SiteFiles.isHTML(page) { anchors[page] = scan.anchors }

        let checker = ReferenceChecker(site: site, anchors: anchors)
        var referencesChecked = 0
        var broken: [BrokenReference] = []
        for (page, scan) in zip(site.pages, scans) {
            let pageName = String(decoding: page, as: UTF8.self)
            for reference in scan.references {
                guard let outcome = checker.check(reference.value, from: page) else { continue }
                referencesChecked += 1
                if let (kind, reason) = outcome.problem {
                    broken.append(BrokenReference(
                        page: pageName, reference: String(decoding: reference.value, as: UTF8.self),
                        reason: reason, kind: kind, line: reference.line))
                }
            }
        }
        // Pages are already in byte order and references in file order within a page.
        return SiteCheckReport(pagesChecked: site.pages.count, referencesChecked: referencesChecked, broken: broken)
    }

    /// Scans the pages on all cores; results come back in the order of `pages`.
    private static func scanAll(_ pages: [[UInt8]], root: String) async throws(SiteCheckError) -> [ScannedFile] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = max(16, (pages.count + workers * 4 - 1) / (workers * 4))
        let chunks = stride(from: 0, to: pages.count, by: chunkSize).map { $0..<min($0 + chunkSize, pages.count) }
        do {
            return try await withThrowingTaskGroup(of: (Int, [ScannedFile]).self) { group in
                for (index, chunk) in chunks.enumerated() {
                    group.addTask {
                        (index, try chunk.map { try scan(pages[$0], root: root) })
                    }
                }
                var results = [[ScannedFile]](repeating: [], count: chunks.count)
                for try await (index, scanned) in group { results[index] = scanned }
                return results.flatMap { $0 }
            }
        } catch let error as SiteCheckError {
            throw error
        } catch {
            throw .unreadableFile(path: root, reason: "\(error)")
        }
    }

    private static func scan(_ page: [UInt8], root: String) throws(SiteCheckError) -> ScannedFile {
        let path = root + "/" + String(decoding: page, as: UTF8.self)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "could not read the file")
        }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if SiteFiles.isCSS(page) {
                var scanned = ScannedFile()
                var lines = LineCounter(bytes)
                CSSScanner.scan(bytes, 0..<bytes.count, lines: { lines.line(at: $0) }, into: &scanned.references)
                return scanned
            }
            return HTMLScanner.scan(bytes)
        }
    }
}
