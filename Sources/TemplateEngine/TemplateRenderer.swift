import HTMLEscaping
/// Walks compiled templates over a DataValue context into one String (appending valid Strings
/// never revalidates UTF-8, which a byte buffer turned String at the end would). Each `render` call
/// stands for one swift-mustache `MustacheTemplate.render`, whose quirks it keeps: partial
/// indentation is added between tokens when that call's own output ends a line, and a list's
/// position is only visible directly inside the list's section.
struct TemplateRenderer {
    /// What swift-mustache keeps in its context besides the object stack.
    struct Scope {
        var indentation = ""
        /// Block name -> body.
        var overrides: [String: Int]?
        var sequence: SequencePosition?
    }

    struct SequencePosition {
        let index: Int
        let isFirst: Bool
        let isLast: Bool
    }

    let program: TemplateProgram
    var output = ""
    var stack: [Frame]
    /// Partials being rendered inside one another, and the template at which `maxNesting` was
    /// reached (from then on every partial renders nothing and the caller reports the error).
    private var nesting = 0
    private(set) var tooDeep: Int?
    /// Far beyond real themes (a few levels) and within the stack of a worker thread.
    static let maxNesting = 200

    init(program: TemplateProgram, root: DataValue) {
        self.program = program
        stack = [Frame(value: root, isObject: true)]
        stack.reserveCapacity(8)
        output.reserveCapacity(16 * 1024)
    }

    /// Renders `program.bodies[body]`.
    mutating func render(_ body: Int, _ scope: Scope) {
        let steps = program.bodies[body]
        if scope.indentation.isEmpty {
            for step in steps { render(step, scope) }
            return
        }
        let start = output.utf8.count
        for step in steps {
            guard endsLine(since: start) else {
                render(step, scope)
                continue
            }
            output += scope.indentation
            let mark = output.utf8.count
            render(step, scope)
            // Only a token that renders something is indented.
            if output.utf8.count == mark {
                output.removeSubrange(output.utf8.index(output.utf8.endIndex, offsetBy: -scope.indentation.utf8.count)...)
            }
        }
    }

    /// swift-mustache tests `string.last == "\n"` on the Characters one render call wrote
    /// (from UTF-8 offset `start`): a CR LF pair is one Character that is not "\n".
    private func endsLine(since start: Int) -> Bool {
        let utf8 = output.utf8
        guard utf8.count > start else { return false }
        let last = utf8.index(before: utf8.endIndex)
        guard utf8[last] == UInt8(ascii: "\n") else { return false }
        return !(utf8.count - 2 >= start && utf8[utf8.index(before: last)] == UInt8(ascii: "\r"))
    }

    private mutating func render(_ step: TemplateStep, _ scope: Scope) {
        switch step {
        case .text(let index):
            output += program.texts[index]

        case .variable(let reference, let escaped):
            if let frame = resolve(program.references[reference], scope) { append(frame, escaped: escaped) }

        case .section(let reference, let body):
            guard let frame = resolve(program.references[reference], scope) else { return }
            switch frame.value {
            case .array(let elements) where !frame.isObject:
                for (index, element) in elements.enumerated() {
                    var inner = scope
                    inner.sequence = SequencePosition(index: index, isFirst: index == 0, isLast: index == elements.count - 1)
                    stack.append(Frame(value: element, isObject: true))
                    render(body, inner)
                    stack.removeLast()
                }
            case .bool(let value) where !frame.isObject:
                if value { render(body, scope) }
            default:
                push(frame, body, scope)
            }

        case .invertedSection(let reference, let body):
            guard let frame = resolve(program.references[reference], scope) else {
                render(body, scope)
                return
            }
            switch frame.value {
            case .array(let elements) where !frame.isObject:
                if elements.isEmpty { push(frame, body, scope) }
            case .bool(let value) where !frame.isObject:
                if !value { render(body, scope) }
            default:
                break
            }

        case .block(let name, let defaultBody, let indentation):
            var inner = scope
            inner.indentation += program.texts[indentation]
            inner.sequence = nil
            render(scope.overrides?[program.blockNames[name]] ?? defaultBody, inner)

        case .partial(let template, let indentation, let overrides):
            guard template >= 0 else { return }
            var inner = scope
            if indentation >= 0 { inner.indentation += program.texts[indentation] }
            if overrides >= 0 {
                let blocks = program.overrideSets[overrides]
                // The outermost override of a block wins.
                inner.overrides = scope.overrides.map { $0.merging(blocks) { current, _ in current } } ?? blocks
            }
            inner.sequence = nil
            guard tooDeep == nil else { return }
            guard nesting < Self.maxNesting else {
                tooDeep = template
                return
            }
            nesting += 1
            render(program.templateBodies[template], inner)
            nesting -= 1
        }
    }

    /// Renders `body` with `frame` as the current object.
    private mutating func push(_ frame: Frame, _ body: Int, _ scope: Scope) {
        var inner = scope
        inner.sequence = nil
        stack.append(frame)
        render(body, inner)
        stack.removeLast()
    }

    /// `String(describing:)` of the value swift-mustache would hold, escaped when asked.
    private mutating func append(_ frame: Frame, escaped: Bool) {
        switch frame.value {
        case .string(let text):
            if escaped {
                HTMLEscaper.append(text, to: &output, .mustache)
            } else {
                output += text
            }
        case .int(let value):
            output += String(value)
        case .double(let value):
            output += value.description
        case .bool(let value):
            output += value ? "true" : "false"
        case .array(let elements):
            // A Swift array prints as `[a, b]`; a DataValue holding one prints nothing.
            guard !frame.isObject else { return }
            let text = "[" + elements.map(\.description).joined(separator: ", ") + "]"
            if escaped {
                HTMLEscaper.append(text, to: &output, .mustache)
            } else {
                output += text
            }
        case .map, .null:
            return
        }
    }
}
