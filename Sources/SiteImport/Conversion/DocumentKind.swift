/// A blogctl post (`content/posts/`) or standalone page (`content/`).
enum DocumentKind: Sendable, Equatable {
    case post
    case page
}
