import Foundation

/// Checks a built site folder: every internal link and asset reference must resolve to a file
/// inside it, written page-relative so the site works from any IPFS path gateway.
public enum SiteCheck {
    /// Scans every `.html` and `.css` file under `outputDirectory` (in parallel) and reports
    /// each reference that does not resolve. `sitePath` is the site's path on its host (`base_url`'s
    /// path, `/blog/`), which the root `404.html` links carry. Throws `SiteCheckError` if the folder is missing.
    public static func check(outputDirectory: URL, sitePath: String = "/") async throws(SiteCheckError) -> SiteCheckReport {
        let root = outputDirectory.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw .outputFolderMissing(path: outputDirectory.path)
        }
        guard isDirectory.boolValue else { throw .outputIsNotAFolder(path: outputDirectory.path) }
        return try await check(SiteFiles(root: root), sitePath: sitePath, where: root) { path in
            FileManager.default.contents(atPath: root + "/" + path)
        }
    }

    /// Checks a built site held in memory (a site built to be published without being written):
    /// `paths` are its files, `read` gives an HTML or CSS file's bytes.
    public static func check(paths: [String], sitePath: String = "/", read: @escaping @Sendable (String) -> Data?)
        async throws(SiteCheckError) -> SiteCheckReport
    {
        try await check(SiteFiles(paths: paths), sitePath: sitePath, where: "the built site", read: read)
    }

    private static func check(_ site: SiteFiles, sitePath: String, where root: String, read: @escaping @Sendable (String) -> Data?)
        async throws(SiteCheckError) -> SiteCheckReport
    {
        let trimmed = sitePath.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        let prefix = Array((trimmed.isEmpty ? "/" : "/" + trimmed + "/").utf8)
        let results = try await checkPages(site, root: root, checker: ReferenceChecker(site: site, sitePath: prefix), read: read)

        // Fragments can only be checked once every page's anchors are known.
        var anchors: [PathKey: Set<PathKey>] = [:]
        for result in results { anchors[result.page] = result.anchors }
        var referencesChecked = 0
        var broken: [BrokenReference] = []
        for result in results {
            referencesChecked += result.referencesChecked
            var findings = result.findings
            for pending in result.fragmentsToCheck where anchors[pending.target]?.contains(pending.id) == false {
                findings.append(PageResult.Finding(
                    offset: pending.offset, line: pending.line, reference: pending.reference, kind: .missingFragment,
                    reason: "no id or name \"\(pending.id.string)\" in \(pending.target.string)"))
            }
            if !result.fragmentsToCheck.isEmpty { findings.sort { $0.offset < $1.offset } }
            let page = result.page.string
            broken += findings.map {
                BrokenReference(page: page, reference: $0.reference, reason: $0.reason, kind: $0.kind, line: $0.line)
            }
        }
        // Pages are in byte order already.
        return SiteCheckReport(pagesChecked: site.pages.count, referencesChecked: referencesChecked, broken: broken)
    }

    /// Scans and checks the pages on all cores; results come back in the order of `site.pages`.
    private static func checkPages(_ site: SiteFiles, root: String, checker: ReferenceChecker, read: @escaping @Sendable (String) -> Data?)
        async throws(SiteCheckError) -> [PageResult]
    {
        let pages = site.pages
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = max(16, (pages.count + workers * 4 - 1) / (workers * 4))
        let chunks = stride(from: 0, to: pages.count, by: chunkSize).map { $0..<min($0 + chunkSize, pages.count) }
        do {
            return try await withThrowingTaskGroup(of: (Int, [PageResult]).self) { group in
                for (index, chunk) in chunks.enumerated() {
                    group.addTask {
                        (index, try chunk.map { try checkPage(pages[$0], root: root, checker: checker, read: read) })
                    }
                }
                var results = [[PageResult]](repeating: [], count: chunks.count)
                for try await (index, checked) in group { results[index] = checked }
                return results.flatMap { $0 }
            }
        } catch let error as SiteCheckError {
            throw error
        } catch {
            throw .unreadableFile(path: root, reason: "\(error)")
        }
    }

    private static func checkPage(_ page: [UInt8], root: String, checker: ReferenceChecker, read: (String) -> Data?)
        throws(SiteCheckError) -> PageResult
    {
        let scanned = try scan(page, root: root, read: read)
        var result = PageResult(page: PathKey(page), anchors: scanned.anchors)
        for reference in scanned.references {
            switch checker.check(reference.value, from: page) {
            case .skipped:
                continue
            case .fine:
                break
            case .broken(let kind, let reason):
                result.findings.append(PageResult.Finding(
                    offset: reference.offset, line: reference.line,
                    reference: String(decoding: reference.value, as: UTF8.self), kind: kind, reason: reason))
            case .fragmentToCheck(let target, let id):
                result.fragmentsToCheck.append(PageResult.PendingFragment(
                    offset: reference.offset, line: reference.line,
                    reference: String(decoding: reference.value, as: UTF8.self), target: target, id: id))
            }
            result.referencesChecked += 1
        }
        return result
    }

    private static func scan(_ page: [UInt8], root: String, read: (String) -> Data?) throws(SiteCheckError) -> ScannedFile {
        let relative = String(decoding: page, as: UTF8.self)
        guard let data = read(relative) else {
            throw .unreadableFile(path: root + "/" + relative, reason: "could not read the file")
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

/// What checking one file found, before fragments are checked against other pages.
struct PageResult: Sendable {
    struct Finding: Sendable {
        let offset: Int
        let line: Int
        let reference: String
        let kind: BrokenReference.Kind
        let reason: String
    }

    struct PendingFragment: Sendable {
        let offset: Int
        let line: Int
        let reference: String
        let target: PathKey
        let id: PathKey
    }

    let page: PathKey
    let anchors: Set<PathKey>
    var referencesChecked = 0
    var findings: [Finding] = []
    var fragmentsToCheck: [PendingFragment] = []
}
