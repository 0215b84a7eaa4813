import Foundation

/// The one path of every build: sources -> documents -> site model -> output plan -> outputs.
/// The session's `BuildMemo` is asked at two points, loading the documents and making the
/// outputs; everything else is worked out afresh each time.
extension SiteBuildSession {
    func run(reusing reusableOutput: (@Sendable () async -> ReusableOutput?)?) async throws -> BuildResult {
        let started = ContinuousClock.now
        let trace = PhaseTrace()
        memo.beginBuild()
        if inventory == nil {
            inventory = try SiteInventory.scan(siteDirectory)
            pendingChanges = nil
            documentSources = nil
            warnings = nil
            trace.phase("scan")
        }
        let inventory = inventory!
        let configText = try readConfig()
        let config = try memo.config(text: configText, file: display("site.yml"))
        var templateSources: [String: (data: Data, displayPath: String)] = [:]
        for (name, path) in inventory.templateFiles { templateSources[name] = (try read(path), display(path)) }
        let templates = try memo.templates(theme: themeFiles, sources: templateSources)
        trace.phase("config and templates")

        let sources = documentSources ?? inventory.documents.keys.sorted { $0.precedesInUTF8($1) }.compactMap { path -> DocumentSource? in
            guard case .document(let kind, let bundle) = inventory.documents[path] else { return nil }
            return DocumentSource(path: path, displayPath: display(path), kind: kind, bundle: bundle)
        }
        documentSources = sources
        let documents = try await memo.documents(sources, changed: pendingChanges, folder: SourceFolder(path: siteDirectory.path),
            config: config, templates: templates.set)
        trace.phase("read and parse documents")
        let model = try SiteModel(config: config, documents: documents, options: options)
        for document in model.posts + model.pages {
            if let name = document.frontMatter.template, !templates.set.has(name) {
                let location = document.frontMatter.locations["template"] ?? SourceLocation(file: document.displayPath, line: 1)
                throw SiteBuildError.missingTemplate(name: name, referencedBy: location.description)
            }
        }
        trace.phase("model")

        let files = SiteFiles(inventory: inventory, themeStatic: templates.set.staticFiles, siteDirectory: siteDirectory, display: display)
        let shownDocuments = model.posts + model.pages
        let images = try SiteImages(documents: shownDocuments, files: files.imageFiles(of: shownDocuments), sizes: config.imageSizes,
            urls: SiteURLs(baseURL: config.baseURL), headers: &memo.imageHeaders)
        let imageWork = ImageWork(cacheDirectory: options.cacheDirectory)
        let site = SiteContext(
            SiteContext.Inputs(configText: configText, templates: templates.key, includeDrafts: options.includeDrafts,
                includeFuture: options.includeFuture, menu: model.pages.map(DocumentLink.init), year: model.year, favicon: files.favicon),
            config: config, templates: templates.set, imageWork: imageWork)
        // The index is gathered on other cores while the pages are planned.
        let searchCache = config.search ? memo.searchIndex : nil
        async let searched = Self.searchIndex(searchCache, of: shownDocuments)
        var plan = try OutputPlan(model: model, site: site, files: files, images: images, search: config.search)
        if let (index, cache) = try await searched {
            plan.add(index)
            memo.searchIndex = cache
        }
        let outputFiles = try await Parallel.map(plan.outputs) { $0.file }
        trace.phase("search index and plan")

        memo.reusableOutput = await reusableOutput?()
        defer { memo.reusableOutput = nil }
        let made = try await memo.outputs(plan.outputs, files: outputFiles, site: site, sink: sink)
        trace.phase("outputs")

        var result = result(of: made, files: outputFiles)
        if reusableOutput != nil { result.outputKeys = Dictionary(uniqueKeysWithValues: zip(outputFiles, made.keys)) }
        result.stats.posts = model.posts.count
        result.stats.pages = model.pages.count
        result.stats.draftsLeftOut = model.draftsLeftOut
        result.stats.futureLeftOut = model.futureLeftOut
        result.stats.htmlPages = plan.htmlPages
        result.stats.documentsParsed = memo.parsedDocuments
        result.stats.pagesRendered = made.rendered.count { $0 < plan.htmlPages }
        result.stats.imagesResized = imageWork.resized
        result.stats.resizedImagesFromCache = imageWork.cached
        result.stats.duration = ContinuousClock.now - started
        if warnings == nil { warnings = inventory.warnings(display: display) }
        let used = Set(documents.compactMap(\.frontMatter.template))
        let unusedTemplates = templates.set.unusedSiteTemplates(roots: used).map { template in
            BuildWarning(path: template.file, message: "no page uses this template\(NearestName.hint(for: template.name, among: Array(TemplateSet.rendered)))"
                + "; the pages a site renders are \(TemplateSet.rendered.sorted().joined(separator: ", ")), and any a post names with template:")
        }
        result.warnings = warnings! + images.warnings + documents.compactMap(\.escapedTagsWarning) + unusedTemplates
        pendingChanges = []
        trace.phase("changes")
        return result
    }

    /// The search index of `documents` from `cache` (which learns it); nil without a cache (search off).
    private static func searchIndex(_ cache: SearchIndexCache?, of documents: [Document]) async throws -> (SearchIndex, SearchIndexCache)? {
        guard var cache else { return nil }
        let index = try await cache.index(of: documents)
        return (index, cache)
    }

    /// The result of a build that made `made` for `files`: its output, and what changed since
    /// the last one. Only outputs rendered or kept now can differ from the last build's (a copy
    /// rendered now has a changed source), so only they are compared and replaced.
    private func result(of made: MadeOutputs, files: [String]) -> BuildResult {
        var output = previousOutput
        previousOutput = SiteOutput()
        var changed: [String] = []
        for index in made.rendered + made.kept {
            let file = files[index]
            let content = made.contents[index]
            if case .bytes = content, output.files[file] == content { continue }
            changed.append(file)
            output.files[file] = content
        }
        var removed: [String] = []
        if output.files.count != files.count {
            let present = Set(files)
            removed = output.files.keys.filter { !present.contains($0) }
            for file in removed { output.files[file] = nil }
        }
        previousOutput = output
        let byBytes: (String, String) -> Bool = { $0.precedesInUTF8($1) }
        var result = BuildResult(output: output, changedPaths: changed.sorted(by: byBytes), removedPaths: removed.sorted(by: byBytes),
            stats: BuildStats())
        result.stats.files = files.count
        return result
    }

    /// `site.yml`'s text.
    private func readConfig() throws -> String {
        guard FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent("site.yml").path) else {
            throw SiteBuildError.io(path: display("site.yml"), "no site.yml here; is this a site folder? (blogctl init makes one)")
        }
        guard let text = String(data: try read("site.yml"), encoding: .utf8) else { throw SiteBuildError.notUTF8(file: display("site.yml")) }
        return text
    }

    private func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: siteDirectory.appendingPathComponent(path))
        } catch {
            throw SiteBuildError.io(path: display(path), "cannot read: \(fileErrorReason(error, path: siteDirectory.appendingPathComponent(path).path))")
        }
    }
}
