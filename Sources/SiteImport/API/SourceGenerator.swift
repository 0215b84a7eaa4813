/// The static site generator a site is imported from.
public enum SourceGenerator: String, Sendable, CaseIterable {
    case hugo
    case zola
}
