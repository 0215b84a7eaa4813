import Yams

/// Reads YAML (a config file or front matter) into an `ImportTable` with each key's line.
enum YAMLReader {
    /// Parses `text`, whose first line is line `firstLine` of `file`.
    static func table(_ text: String, file: String, firstLine: Int) throws(ImportError) -> ImportTable {
        let node: Node?
        do {
            // Resolver.basic: scalars are typed here by the YAML 1.2 core schema, as blogctl reads
            // them, not by Yams' YAML 1.1 defaults (which turn `no` into false and dates into Date).
            node = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
        } catch let error as YamlError {
            throw describe(error, file: file, firstLine: firstLine)
        } catch {
            throw .invalid(location: SourceLocation(file: file, line: firstLine), reason: "\(error)")
        }
        guard let node else { return ImportTable() }
        guard case .mapping = node else {
            throw .invalid(location: location(of: node, file: file, firstLine: firstLine), reason: "expected a mapping of keys to values")
        }
        var budget = valueLimit
        guard case .table(let table) = try value(node, file: file, firstLine: firstLine, budget: &budget) else { return ImportTable() }
        return table
    }

    /// Values one document may expand to: a YAML alias bomb is refused instead of filling memory.
    static let valueLimit = 100_000

    private static func value(_ node: Node, file: String, firstLine: Int, budget: inout Int) throws(ImportError) -> ImportValue {
        budget -= 1
        guard budget >= 0 else {
            throw .invalid(location: location(of: node, file: file, firstLine: firstLine),
                reason: "more than \(valueLimit) values (YAML aliases expanding?)")
        }
        switch node {
        case .scalar(let scalar): return typed(scalar)
        case .sequence(let sequence):
            var items: [ImportValue] = []
            for item in sequence { items.append(try value(item, file: file, firstLine: firstLine, budget: &budget)) }
            return .array(items)
        case .mapping(let mapping):
            var table = ImportTable()
            for (key, item) in mapping {
                guard let name = key.scalar?.string else {
                    throw .invalid(location: location(of: key, file: file, firstLine: firstLine), reason: "keys must be plain strings")
                }
                table.entries.append(.init(key: name, value: try value(item, file: file, firstLine: firstLine, budget: &budget),
                    line: key.mark.map { $0.line + firstLine - 1 }))
            }
            return .table(table)
        case .alias:
            return .null
        }
    }

    /// The YAML 1.2 core schema: unquoted true/false, null, integers and floats are typed.
    private static func typed(_ scalar: Node.Scalar) -> ImportValue {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let int = Int(text) { return .int(int) }
        if text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true, let double = Double(text) { return .double(double) }
        return .string(text)
    }

    static func location(of node: Node, file: String, firstLine: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: firstLine) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    private static func describe(_ error: YamlError, file: String, firstLine: Int) -> ImportError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .invalid(location: SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column), reason: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .invalid(location: SourceLocation(file: file, line: context.mark.line + firstLine - 1, column: context.mark.column),
                reason: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return .invalid(location: SourceLocation(file: file, line: firstLine), reason: "\(error)")
        }
    }
}
