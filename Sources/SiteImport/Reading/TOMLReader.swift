import TOMLKit

/// Reads TOML (a config file or front matter) into an `ImportTable` with each key's line.
enum TOMLReader {
    /// Parses `text`, whose first line is line `firstLine` of `file`.
    static func table(_ text: String, file: String, firstLine: Int) throws(ImportError) -> ImportTable {
        let parsed: TOMLTable
        do {
            parsed = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .invalid(location: SourceLocation(file: file, line: error.source.begin.line + firstLine - 1, column: error.source.begin.column),
                reason: error.description)
        } catch {
            throw .invalid(location: SourceLocation(file: file, line: firstLine), reason: "\(error)")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        return table(parsed, lines: lines, searchFrom: 0, firstLine: firstLine)
    }

    /// TOMLKit keeps no positions, so a key's line is found in the text: the first line from
    /// `searchFrom` (the enclosing table's header) that starts with the key, bare or quoted.
    private static func table(_ toml: TOMLTable, lines: [String], searchFrom: Int, firstLine: Int) -> ImportTable {
        var result = ImportTable()
        var found: [(index: Int?, entry: ImportTable.Entry)] = []
        for key in toml.keys {
            let index = lineIndex(of: key, in: lines, from: searchFrom)
            let value = toml[key].map { convert($0, lines: lines, searchFrom: index ?? searchFrom, firstLine: firstLine) } ?? .null
            found.append((index, .init(key: key, value: value, line: index.map { $0 + firstLine })))
        }
        // Written order (TOMLKit lists keys sorted), so reports and extra keep the author's order.
        found.sort { ($0.index ?? Int.max, $0.entry.key) < ($1.index ?? Int.max, $1.entry.key) }
        result.entries = found.map(\.entry)
        return result
    }

    private static func lineIndex(of key: String, in lines: [String], from start: Int) -> Int? {
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        for index in lines.indices where index >= start {
            var line = Substring(lines[index]).drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") {
                line = line.drop(while: { $0 == "[" }).drop(while: { $0 == " " })
                // `[params]` or `[params.x]` inside the search range's own header line counts too.
                for spelling in spellings where line.hasPrefix(spelling) {
                    let rest = line.dropFirst(spelling.count)
                    if rest.hasPrefix("]") || rest.hasPrefix(".") || rest.hasPrefix(" ") { return index }
                }
                continue
            }
            for spelling in spellings where line.hasPrefix(spelling) {
                let rest = line.dropFirst(spelling.count).drop(while: { $0 == " " || $0 == "\t" })
                if rest.hasPrefix("=") || rest.hasPrefix(".") { return index }
            }
        }
        return nil
    }

    private static func convert(_ toml: TOMLValueConvertible, lines: [String], searchFrom: Int, firstLine: Int) -> ImportValue {
        if let table = toml.table { return .table(self.table(table, lines: lines, searchFrom: searchFrom, firstLine: firstLine)) }
        if let array = toml.array { return .array(array.map { convert($0, lines: lines, searchFrom: searchFrom, firstLine: firstLine) }) }
        if let string = toml.string { return .string(string) }
        if let bool = toml.bool { return .bool(bool) }
        if let int = toml.int { return .int(int) }
        if let double = toml.double { return .double(double) }
        if let dateTime = toml.dateTime {
            var text = "\(dateText(dateTime.date))T\(timeText(dateTime.time))"
            // TOMLKit's offset is in minutes.
            if let offset = dateTime.offset {
                let minutes = offset.offset
                text += minutes == 0 ? "Z" : (minutes < 0 ? "-" : "+") + two(abs(minutes) / 60) + ":" + two(abs(minutes) % 60)
            }
            return .date(text)
        }
        if let date = toml.date { return .date(dateText(date)) }
        if let time = toml.time { return .string(timeText(time)) }
        return .null
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func dateText(_ date: TOMLDate) -> String {
        String(repeating: "0", count: max(0, 4 - String(date.year).count)) + "\(date.year)-\(two(date.month))-\(two(date.day))"
    }

    private static func timeText(_ time: TOMLTime) -> String { "\(two(time.hour)):\(two(time.minute)):\(two(time.second))" }
}
