/// A `YYYY-MM-DD` date at the start of a file name (`2024-03-05-hello`): blogctl takes dates
/// from names with `-` after it, Zola with `-` or `_`.
enum DatePrefix {
    /// (`2024-03-05`, `hello`) when `name` starts with a valid date and one of `separators`.
    static func split(_ name: String, separators: [Character]) -> (date: String, rest: String)? {
        let chars = Array(name)
        guard chars.count > 11, chars[4] == "-", chars[7] == "-", separators.contains(chars[10]) else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ chars[$0].isASCII && chars[$0].isNumber }) else { return nil }
        guard let month = Int(String(chars[5...6])), let day = Int(String(chars[8...9])), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (String(chars[0..<10]), String(chars[11...]))
    }
}
