import Foundation

/// Writes an `ImportPlan` as a blogctl site into the staging folder and fills in the report's counts.
enum SiteFolderWriter {
    static func write(_ plan: ImportPlan, source: URL, into staged: StagedFolder, report: inout ImportReport) throws(ImportError) {
        try staged.write(try YAMLWriter.siteYAML(plan.settings, generator: report.generator), to: "site.yml")
        var written: Set<String> = []
        for document in plan.documents {
            try staged.write(try YAMLWriter.frontMatter(document.matter) + document.body, to: document.destination)
            if document.kind == .post { report.posts += 1 } else { report.pages += 1 }
            if document.matter.draft { report.drafts += 1 }
            guard let bundle = document.source.bundleFolder else { continue }
            report.bundles += 1
            let folder = (document.destination as NSString).deletingLastPathComponent
            for asset in document.source.assets {
                try staged.copy(source.appendingPathComponent(bundle + "/" + asset), to: folder + "/" + asset, display: bundle + "/" + asset)
                report.bundleFiles += 1
            }
        }
        // The source's static/ first: it wins over content files copied to the same path, as in Hugo.
        let staticFolder = source.appendingPathComponent("static")
        if FileManager.default.fileExists(atPath: staticFolder.path) {
            for file in try ContentScan.files(root: source, relative: "static", hidden: true) {
                try staged.copy(staticFolder.appendingPathComponent(file), to: "static/" + file, display: "static/" + file)
                written.insert(file)
                report.staticFiles += 1
            }
        }
        // Files in content/ outside bundles keep their URL as static files.
        for file in plan.scan.looseFiles {
            let sitePath = String(file.dropFirst("content/".count))
            if written.contains(sitePath) {
                report.add(SourceLocation(file: file), "not copied: static/\(sitePath) has the same URL")
                continue
            }
            try staged.copy(source.appendingPathComponent(file), to: "static/" + sitePath, display: file)
            written.insert(sitePath)
            report.staticFiles += 1
        }
        for name in plan.placeholders.sorted() {
            try staged.write(BlogctlShortcodes.placeholderTemplate(name), to: "templates/shortcodes/\(name).mustache")
            report.shortcodeTemplates.append(name)
        }
        try staged.write(report.markdown, to: "IMPORT-REPORT.md")
    }
}
