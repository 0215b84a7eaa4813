import TemplateEngine
import Yams

/// Parses YAML into nodes that keep their line and column, so every later error can say
/// where the bad value is.
enum YAMLDocument {
    /// Parses `text` (whose first line is line `lineOffset + 1` of `file`) into its root mapping.
    static func rootMapping(_ text: String, file: String, lineOffset: Int) throws(SiteBuildError) -> [(key: String, location: SourceLocation, value: Node)] {
        let node: Node?
        do {
            // No regex resolver and an explicit encoding: Yams' defaults (a regular expression per
            // scalar, an environment lookup per parser) were most of the cost of 10,000 front matters.
            // `typed(_:)` gives scalars their YAML types instead.
            node = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
        } catch let error as YamlError {
            throw describe(error, file: file, lineOffset: lineOffset)
        } catch {
            throw .malformed(SourceLocation(file: file, line: lineOffset + 1), "\(error)")
        }
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            throw .malformed(location(of: node, file: file, lineOffset: lineOffset), "expected a mapping of keys to values")
        }
        var result: [(key: String, location: SourceLocation, value: Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw .malformed(location(of: key, file: file, lineOffset: lineOffset), "keys must be plain strings")
            }
            result.append((name, location(of: key, file: file, lineOffset: lineOffset), value))
        }
        return result
    }

    static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    static func describe(_ error: YamlError, file: String, lineOffset: Int) -> SiteBuildError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .malformed(SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column), detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .malformed(
                SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return .malformed(SourceLocation(file: file, line: lineOffset + 1), "\(error)")
        }
    }

    /// The YAML 1.2 core type of a scalar: unquoted `true`/`false`, `null`/`~`/empty, integers
    /// and floats; everything else (quoted or not) is a string.
    static func typed(_ scalar: Node.Scalar) -> DataValue {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string(text) }
        if let integer = Int(text) { return .int(integer) }
        let numeric = text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x65 || $0 == 0x45 }
        if numeric, let number = Double(text) { return .double(number) }
        return .string(text)
    }

    /// The most values one YAML document may expand to. Aliases let a few lines name a tree of
    /// billions of values (nine aliases nested eight deep: 43 million); a real front matter or
    /// site.yml has hundreds.
    static let valueLimit = 100_000

    /// Converts `node` (at `location`) to a template value; scalars get their YAML type
    /// (`typed(_:)`). `budget` is what may still be made of the document; a tree beyond it is refused.
    static func value(_ node: Node, budget: inout Int, location: SourceLocation) throws(SiteBuildError) -> DataValue {
        budget -= 1
        guard budget >= 0 else {
            throw .malformed(location, "the YAML expands to more than \(valueLimit) values (aliases repeating aliases?); write the values out")
        }
        switch node {
        case .scalar(let scalar):
            return typed(scalar)
        case .sequence(let sequence):
            var array: [DataValue] = []
            for item in sequence { array.append(try value(item, budget: &budget, location: location)) }
            return .array(array)
        case .mapping(let mapping):
            var map: [String: DataValue] = [:]
            for (key, item) in mapping {
                map[key.scalar?.string ?? ""] = try value(item, budget: &budget, location: location)
            }
            return .map(map)
        case .alias:
            return .null
        }
    }

    static func isNull(_ node: Node) -> Bool {
        if let scalar = node.scalar, typed(scalar) == .null { return true }
        return false
    }

    static func string(_ node: Node, key: String, file: String, lineOffset: Int) throws(SiteBuildError) -> String {
        guard let scalar = node.scalar else {
            throw .malformed(location(of: node, file: file, lineOffset: lineOffset), "'\(key)' must be a string")
        }
        return scalar.string
    }

    static func bool(_ node: Node, key: String, file: String, lineOffset: Int) throws(SiteBuildError) -> Bool {
        guard let scalar = node.scalar, case .bool(let value) = typed(scalar) else {
            throw .malformed(location(of: node, file: file, lineOffset: lineOffset), "'\(key)' must be true or false")
        }
        return value
    }

    static func int(_ node: Node, key: String, file: String, lineOffset: Int) throws(SiteBuildError) -> Int {
        guard let scalar = node.scalar, case .int(let value) = typed(scalar) else {
            throw .malformed(location(of: node, file: file, lineOffset: lineOffset), "'\(key)' must be an integer")
        }
        return value
    }

    static func map(_ node: Node, key: String, file: String, lineOffset: Int) throws(SiteBuildError) -> [String: DataValue] {
        if isNull(node) { return [:] }
        var budget = valueLimit
        guard case .map(let map) = try value(node, budget: &budget, location: location(of: node, file: file, lineOffset: lineOffset)) else {
            throw .malformed(location(of: node, file: file, lineOffset: lineOffset), "'\(key)' must be a mapping")
        }
        return map
    }
}
