import TemplateEngine

/// A post's own page, with links to the posts before and after it.
struct PostPage: HTMLPage {
    let post: ShownDocument
    /// The next older and the next newer post.
    let previous: DocumentLink?
    let next: DocumentLink?
    let template: String
    let images: PageImages
    /// Its `og:image` and feed picture.
    let image: SocialImage?

    var path: String { post.document.path }
    var owner: String { post.document.displayPath }

    func sitemapEntry(in site: SiteContext) -> String? { post.document.shape.sitemapEntry }

    func context(in site: SiteContext) -> DataValue {
        let document = post.document
        var value = site.common(path: path, kind: .post, title: document.title, description: document.body.descriptionText,
            shown: [document.body.contentHTML])
        var data = post.data(from: path, in: site, template: template)
        for (name, neighbour) in [("previous", previous), ("next", next)] {
            if let neighbour {
                data[name] = .map([
                    "title": .string(neighbour.title),
                    "url": .string(SiteURLs.relative(from: path, to: neighbour.path)),
                ])
            }
        }
        if let image { data["image"] = .map(image.data(from: path, urls: site.urls)) }
        value["post"] = .map(data)
        return .map(value)
    }
}
