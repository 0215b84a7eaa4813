/// Where a tag's value comes from, then the transforms applied to it in order.
struct ValueReference: Sendable {
    enum Path: Sendable {
        /// `{{.}}` (and `{{}}`, `{{..}}`): the current object.
        case top
        /// `{{first()}}`: the position in the enclosing list.
        case sequence
        /// `{{.a.b}}`: from the current object only.
        case anchored([String])
        /// `{{a.b}}`: `a` from the nearest object that has it, then `b` within it.
        case climbing(first: String, rest: [String])
    }

    let path: Path
    let transforms: [ValueTransform]
}

/// The transforms swift-mustache 2.1.1 offers for the values a DataValue context can produce.
enum ValueTransform: Sendable {
    case first, last, index, even, odd, empty, count, equalZero, plusOne, minusOne
    case lowercased, uppercased, capitalized
    /// A name no value type knows (`sorted` included: DataValue is not Comparable): always nil.
    case unknown

    /// The transform for `name`, or nil when its result cannot be reproduced (`reversed` of a
    /// list is a ReversedCollection, printed by its type name).
    init?(name: String) {
        switch name {
        case "first": self = .first
        case "last": self = .last
        case "index": self = .index
        case "even": self = .even
        case "odd": self = .odd
        case "empty": self = .empty
        case "count": self = .count
        case "equalzero": self = .equalZero
        case "plusone": self = .plusOne
        case "minusone": self = .minusOne
        case "lowercased": self = .lowercased
        case "uppercased": self = .uppercased
        case "capitalized": self = .capitalized
        case "reversed": return nil
        default: self = .unknown
        }
    }
}
