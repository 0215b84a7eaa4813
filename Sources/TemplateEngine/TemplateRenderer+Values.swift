import Foundation  // `capitalized`, the same function swift-mustache's transform calls

/// A value as swift-mustache holds it while rendering. `isObject` marks a DataValue itself (the
/// root, a list element, a map); other frames are the unwrapped Swift values a map lookup
/// yields (String, Int, Double, Bool, a list as a Swift array), which sections, printing and
/// transforms treat differently: a DataValue `false` is truthy, a DataValue list prints nothing.
struct Frame {
    let value: DataValue
    let isObject: Bool

    init(value: DataValue, isObject: Bool) {
        self.value = value
        self.isObject = isObject
    }

    /// A value found under a key: maps stay DataValues, everything else is unwrapped.
    init(child: DataValue) {
        value = child
        if case .map = child { isObject = true } else { isObject = false }
    }
}

extension TemplateRenderer {
    /// The value of `reference`, or nil when swift-mustache would find nothing.
    func resolve(_ reference: ValueReference, _ scope: Scope) -> Frame? {
        var frame: Frame
        var transforms = reference.transforms[...]
        switch reference.path {
        case .top:
            frame = stack[stack.count - 1]
        case .sequence:
            guard let position = scope.sequence, let first = transforms.popFirst(),
                let value = Self.apply(first, to: position)
            else { return nil }
            frame = value
        case .anchored(let names):
            guard let value = Self.descend(stack[stack.count - 1].value, names[...]) else { return nil }
            frame = Frame(child: value)
        case .climbing(let first, let rest):
            guard let value = climb(first, rest) else { return nil }
            frame = Frame(child: value)
        }
        for transform in transforms {
            guard let next = Self.apply(transform, to: frame) else { return nil }
            frame = next
        }
        return frame
    }

    /// The first name from the nearest object that has it (null counts as absent), the rest
    /// from there without climbing.
    private func climb(_ first: String, _ rest: [String]) -> DataValue? {
        var index = stack.count - 1
        while index >= 0 {
            if case .map(let map) = stack[index].value, let child = map[first] {
                if case .null = child {} else { return rest.isEmpty ? child : Self.descend(child, rest[...]) }
            }
            index -= 1
        }
        return nil
    }

    private static func descend(_ value: DataValue, _ names: ArraySlice<String>) -> DataValue? {
        var current = value
        for name in names {
            guard case .map(let map) = current, let child = map[name] else { return nil }
            if case .null = child { return nil }
            current = child
        }
        return current
    }

    private static func apply(_ transform: ValueTransform, to position: SequencePosition) -> Frame? {
        switch transform {
        case .first: return plain(.bool(position.isFirst))
        case .last: return plain(.bool(position.isLast))
        case .index: return plain(.int(position.index))
        case .even: return plain(.bool(position.index & 1 == 0))
        case .odd: return plain(.bool(position.index & 1 == 1))
        default: return nil
        }
    }

    /// swift-mustache's String, Int and Array transforms; DataValues, Bools and Doubles have none.
    private static func apply(_ transform: ValueTransform, to frame: Frame) -> Frame? {
        guard !frame.isObject else { return nil }
        switch (frame.value, transform) {
        case (.string(let text), .empty): return plain(.bool(text.isEmpty))
        case (.string(let text), .lowercased): return plain(.string(text.lowercased()))
        case (.string(let text), .uppercased): return plain(.string(text.uppercased()))
        case (.string(let text), .capitalized): return plain(.string(text.capitalized))
        case (.int(let value), .equalZero): return plain(.bool(value == 0))
        case (.int(let value), .plusOne): return plain(.int(value + 1))
        case (.int(let value), .minusOne): return plain(.int(value - 1))
        case (.int(let value), .even): return plain(.bool(value & 1 == 0))
        case (.int(let value), .odd): return plain(.bool(value & 1 == 1))
        case (.array(let elements), .first): return elements.first.map { Frame(value: $0, isObject: true) }
        case (.array(let elements), .last): return elements.last.map { Frame(value: $0, isObject: true) }
        case (.array(let elements), .count): return plain(.int(elements.count))
        case (.array(let elements), .empty): return plain(.bool(elements.isEmpty))
        default: return nil
        }
    }

    private static func plain(_ value: DataValue) -> Frame { Frame(value: value, isObject: false) }
}
