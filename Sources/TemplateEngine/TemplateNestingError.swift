/// Rendering stopped because templates included one another deeper than any page needs: a
/// partial that includes itself through data that never ends the recursion (a section over a
/// value that is always there). Without the limit the stack overflows and the process dies.
public struct TemplateNestingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The template being rendered, and the partial included at the limit.
    public let template: String
    public let partial: String
    public let limit: Int

    public var description: String {
        "template \(template): partials nested more than \(limit) deep (at \(partial)); a template that includes itself "
            + "must do so inside a section whose data ends, such as a list of children"
    }
}
