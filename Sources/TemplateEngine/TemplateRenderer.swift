import HTMLEscaping
/// Walks compiled templates over a DataValue context into UTF-8 bytes. Each `render` call
/// stands for one swift-mustache `MustacheTemplate.render`, whose quirks it keeps: partial
/// indentation is added between tokens when that call's own output ends a line, and a list's
/// position is only visible directly inside the list's section.
struct TemplateRenderer {
    /// What swift-mustache keeps in its context besides the object stack.
    struct Scope {
        /// UTF-8.
        var indentation: [UInt8] = []
        /// Block name -> body.
        var overrides: [String: Int]?
        var sequence: SequencePosition?
    }

    struct SequencePosition {
        let index: Int
        let isFirst: Bool
        let isLast: Bool
    }

    /// The caller keeps it alive while rendering: the tables below point into it.
    unowned(unsafe) let program: TemplateProgram
    private let steps: UnsafeMutableBufferPointer<TemplateStep>
    private let bodies: UnsafeMutableBufferPointer<Range<Int>>
    private let references: UnsafeMutableBufferPointer<ValueReference>
    /// UTF-8: every piece appended is a whole String or text, so the whole is valid.
    var output: [UInt8] = []
    var stack: [Frame]
    /// Partials being rendered inside one another, and the template at which `maxNesting` was
    /// reached (from then on every partial renders nothing and the caller reports the error).
    private var nesting = 0
    private(set) var tooDeep: Int?
    /// Far beyond real themes (a few levels) and within the stack of a worker thread.
    static let maxNesting = 200

    init(program: TemplateProgram, root: DataValue) {
        self.program = program
        steps = program.steps
        bodies = program.bodies
        references = program.references
        stack = [Frame(value: root, isObject: true)]
        stack.reserveCapacity(8)
        output.reserveCapacity(16 * 1024)
    }

    /// Renders `program.bodies[body]`.
    mutating func render(_ body: Int, _ scope: Scope) {
        let range = bodies[body]
        if scope.indentation.isEmpty {
            for index in range { render(steps[index], scope) }
            return
        }
        let start = output.count
        for index in range {
            guard endsLine(since: start) else {
                render(steps[index], scope)
                continue
            }
            output += scope.indentation
            let mark = output.count
            render(steps[index], scope)
            // Only a token that renders something is indented.
            if output.count == mark { output.removeLast(scope.indentation.count) }
        }
    }

    /// swift-mustache tests `string.last == "\n"` on the Characters one render call wrote
    /// (from byte `start`): a CR LF pair is one Character that is not "\n".
    private func endsLine(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == UInt8(ascii: "\n") else { return false }
        return !(count - 2 >= start && output[count - 2] == UInt8(ascii: "\r"))
    }

    private mutating func render(_ step: TemplateStep, _ scope: Scope) {
        switch step {
        case .text(let index):
            output.append(contentsOf: program.text(index))

        case .variable(let reference, let escaped):
            if let frame = resolve(references[reference], scope) { append(frame, escaped: escaped) }

        case .section(let reference, let body):
            guard let frame = resolve(references[reference], scope) else { return }
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
            guard let frame = resolve(references[reference], scope) else {
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
            inner.indentation += program.text(indentation)
            inner.sequence = nil
            render(scope.overrides?[program.blockNames[name]] ?? defaultBody, inner)

        case .partial(let template, let indentation, let overrides):
            guard template >= 0 else { return }
            var inner = scope
            if indentation >= 0 { inner.indentation += program.text(indentation) }
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
            append(text, escaped: escaped)
        case .int(let value):
            output += String(value).utf8
        case .double(let value):
            output += value.description.utf8
        case .bool(let value):
            output += (value ? "true" : "false").utf8
        case .array(let elements):
            // A Swift array prints as `[a, b]`; a DataValue holding one prints nothing.
            guard !frame.isObject else { return }
            append("[" + elements.map(\.description).joined(separator: ", ") + "]", escaped: escaped)
        case .map, .null:
            return
        }
    }

    private mutating func append(_ text: String, escaped: Bool) {
        if !escaped || !HTMLEscaper.append(text, to: &output, .mustache) { output += text.utf8 }
    }
}
