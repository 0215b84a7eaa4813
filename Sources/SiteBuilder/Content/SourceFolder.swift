import Foundation
import POSIXFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The site folder, opened once to read the many files in it (10,000 posts on every build):
/// each read is one `openat`, `fstat`, `read` and `close` relative to it, where
/// `Data(contentsOf:)` builds a URL, stats the full path and reads through more layers.
final class SourceFolder: Sendable {
    private let descriptor: Int32
    private let path: String

    /// The folder at `path`; if it cannot be opened, reads resolve full paths instead (and
    /// fail with the reason then, naming the file).
    init(path: String) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The bytes of the file at `relativePath` inside the folder; throws the reason it cannot
    /// be read (`strerror` text, such as "Permission denied").
    func read(_ relativePath: String) throws(SourceFolder.ReadFailure) -> Data {
        let file = descriptor >= 0
            ? openat(descriptor, relativePath, O_RDONLY | O_CLOEXEC)
            : open(path + "/" + relativePath, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw ReadFailure(errno) }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { throw ReadFailure(errno) }
        let size = Int(info.st_size)
        guard size > 0 else { return try readUnsized(file) }
        guard let buffer = malloc(size) else { throw ReadFailure(ENOMEM) }
        // A file that shrank since fstat gives fewer bytes; one that grew, its first `size`
        // (as Data(contentsOf:) does).
        let count = readFully(file, into: UnsafeMutableRawBufferPointer(start: buffer, count: size), at: 0)
        guard count >= 0 else {
            let code = errno
            free(buffer)
            throw ReadFailure(code)
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// Files whose size `fstat` does not tell (empty, or special files in /proc): read to the end.
    private func readUnsized(_ file: Int32) throws(SourceFolder.ReadFailure) -> Data {
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(errno)
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// Why a read failed: the system's words for `errno`.
    struct ReadFailure: Error, CustomStringConvertible {
        let code: Int32

        init(_ code: Int32) { self.code = code }

        var description: String { systemErrorMessage(code) }
    }
}

private func systemRead(_ file: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(file, buffer, count)
    #else
    Darwin.read(file, buffer, count)
    #endif
}
