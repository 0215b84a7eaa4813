import Foundation
import Hummingbird
#if canImport(Glibc)
import Glibc
#endif

/// The file parts of a `multipart/form-data` body, as kubo's and Cluster's upload commands read it.
enum Multipart {
    /// The file parts of `request`'s body (at most `limit` bytes), read straight into one array of
    /// its `Content-Length`: a big upload is not copied again and again as it grows.
    static func files(of request: Request, limit: Int) async throws -> [[UInt8]] {
        var body: [UInt8] = []
        if let length = request.headers[.contentLength].flatMap(Int.init), length <= limit { body.reserveCapacity(length) }
        for try await chunk in request.body {
            guard body.count + chunk.readableBytes <= limit else { throw StrictServerError("the upload is over \(limit) bytes") }
            body.append(contentsOf: chunk.readableBytesView)
        }
        return try files(contentType: request.headers[.contentType], body: body)
    }

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
        let delimiter = Array("--\(boundary)".utf8)
        // memchr and memcmp over the body's bytes: a 2 GiB upload is searched without copies.
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            body.withUnsafeBufferPointer { haystack -> Int? in
                guard let base = haystack.baseAddress else { return nil }
                var index = start
                while index + needle.count <= haystack.count {
                    guard let hit = memchr(base + index, Int32(needle[0]), haystack.count - needle.count + 1 - index) else { return nil }
                    let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, needle, needle.count) == 0 { return at }
                    index = at + 1
                }
                return nil
            }
        }
        func starts(with prefix: String, at index: Int) -> Bool { body[index...].starts(with: prefix.utf8) }
        guard let first = find(delimiter, from: 0), body[..<first].allSatisfy({ $0 == 13 || $0 == 10 }) else {
            throw StrictServerError("multipart: NextPart: EOF")
        }
        var files: [[UInt8]] = []
        var cursor = first + delimiter.count
        while true {
            if starts(with: "--", at: cursor) { break }
            guard starts(with: "\r\n", at: cursor) else { throw StrictServerError("multipart: malformed boundary line") }
            cursor += 2
            guard let headerEnd = find(Array("\r\n\r\n".utf8), from: cursor) else {
                throw StrictServerError("multipart: part headers not terminated")
            }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self).lowercased()
            let contentStart = headerEnd + 4
            guard let next = find(Array("\r\n".utf8) + delimiter, from: contentStart) else {
                throw StrictServerError("multipart: unexpected EOF (the closing boundary is missing)")
            }
            if headers.contains("content-disposition: form-data") && headers.contains("filename=") || headers.contains("content-type: application/vnd.ipld.car") {
                files.append(Array(body[contentStart..<next]))
            }
            cursor = next + 2 + delimiter.count
        }
        return files
    }
}
