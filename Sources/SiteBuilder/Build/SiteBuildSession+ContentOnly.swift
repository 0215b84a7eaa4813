import ContentAddressing
import Foundation

extension SiteBuildSession {
    /// The preview server's common case: edits to existing documents that leave every
    /// document's structure (`Document.structureSignature`) as it was. Order, tags, the
    /// archive, neighbours' links and the sitemap stay; only the pages showing the edited text
    /// and the feeds are rendered again. Nil when the edit is anything else.
    func contentOnlyRebuild(_ paths: [String], started: ContinuousClock.Instant) async throws -> BuildResult? {
        guard let last = lastBuild, let templates, !paths.isEmpty else { return nil }
        for path in paths {
            guard case .document = SourceRole.classify(path), inventory.documents[path] != nil, documents[path] != nil,
                FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent(path).path)
            else { return nil }
        }
        let before = paths.map { documents[$0]!.document }
        try await loadDocuments(paths)
        var replacements: [String: Document] = [:]
        for (path, old) in zip(paths, before) {
            let new = documents[path]!.document
            guard new.structureSignature == old.structureSignature else { return nil }
            if new !== old { replacements[path] = new }
        }
        let model = last.model.replacing(replacements)
        pendingEdits = [:]
        let jobs = PagePlan.jobs(for: model, context: PageContext(model: model, faviconPath: last.favicon),
            siteKey: siteKey, only: Set(replacements.keys))
        let urls = model.urls
        let observer = outputObserver
        let rendered = try await Parallel.map(jobs) { job -> Data in
            let page = urls.outputRewriter(for: job.path).rewriteHTMLData(try templates.render(job.template, job.context()))
            observer?(job.outputFile, page)
            return page
        }
        var files = previousOutput.files
        var changed: [String] = []
        for (job, bytes) in zip(jobs, rendered) {
            renderedPages[job.outputFile] = (job.key, bytes)
            if case .bytes(let previous) = files[job.outputFile], previous == bytes { continue }
            files[job.outputFile] = .bytes(bytes)
            changed.append(job.outputFile)
        }
        for (path, data) in feedFiles(model) {
            if case .bytes(let previous) = files[path], previous == data { continue }
            files[path] = .bytes(data)
            changed.append(path)
        }
        previousOutput = SiteOutput(files: files)
        var stats = last.stats
        stats.documentsParsed = parsedCount
        parsedCount = 0
        stats.pagesRendered = jobs.count
        stats.duration = ContinuousClock.now - started
        lastBuild = LastBuild(model: model, favicon: last.favicon, stats: stats, warnings: last.warnings)
        return BuildResult(output: previousOutput, changedPaths: changed.sorted { $0.precedesInUTF8($1) },
            removedPaths: [], stats: stats, warnings: last.warnings)
    }
}
