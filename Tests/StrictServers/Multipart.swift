import Foundation

/// The file parts of a `multipart/form-data` body, as kubo's and Cluster's upload commands read it.
enum Multipart {
    /// The contents of every part that carries a file; throws, with the reason, for a body a Go
    /// `mime/multipart` reader refuses.
    static func files(contentType: String?, body: [UInt8]) throws(StrictServerError) -> [[UInt8]] {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else {
            throw StrictServerError("request Content-Type must be multipart/form-data, not \(contentType ?? "none")")
        }
        guard let boundaryField = contentType.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
            .first(where: { $0.hasPrefix("boundary=") })
        else { throw StrictServerError("no multipart boundary in Content-Type") }
        let boundary = boundaryField.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let data = Data(body)
        let delimiter = Data("--\(boundary)".utf8)
        guard let first = data.range(of: delimiter), data[data.startIndex..<first.lowerBound].allSatisfy({ $0 == 13 || $0 == 10 }) else {
            throw StrictServerError("multipart: NextPart: EOF")
        }
        var files: [[UInt8]] = []
        var cursor = first.upperBound
        while true {
            if data[cursor...].starts(with: Data("--".utf8)) { break }
            guard data[cursor...].starts(with: Data("\r\n".utf8)) else { throw StrictServerError("multipart: malformed boundary line") }
            cursor += 2
            guard let headerEnd = data.range(of: Data("\r\n\r\n".utf8), in: cursor..<data.endIndex) else {
                throw StrictServerError("multipart: part headers not terminated")
            }
            let headers = String(decoding: data[cursor..<headerEnd.lowerBound], as: UTF8.self).lowercased()
            guard let next = data.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<data.endIndex) else {
                throw StrictServerError("multipart: unexpected EOF (the closing boundary is missing)")
            }
            if headers.contains("content-disposition: form-data") && headers.contains("filename=") || headers.contains("content-type: application/vnd.ipld.car") {
                files.append(Array(data[headerEnd.upperBound..<next.lowerBound]))
            }
            cursor = next.upperBound
        }
        return files
    }
}
