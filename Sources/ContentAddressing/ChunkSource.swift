import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a file's bytes come from: an open file read at offsets, or bytes already in memory.
enum ChunkSource: Sendable {
    case disk(path: String, length: Int)
    case memory([UInt8])
    /// Bytes shared with their owner (a built site's pages), not copied.
    case data(Data)

    var length: Int {
        switch self {
        case .disk(_, let length): length
        case .memory(let bytes): bytes.count
        case .data(let data): data.count
        }
    }

    /// Runs `body` with a reader of this source; a disk file stays open only for the call.
    func withReader<T>(_ body: (ChunkReader) throws(ImportError) -> T) throws(ImportError) -> T {
        switch self {
        case .memory(let bytes):
            return try body(ChunkReader(memory: bytes))
        case .data(let data):
            return try body(ChunkReader(data: data))
        case .disk(let path, _):
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { throw ImportError.system(errno, path: path) }
            defer { close(fd) }
            #if canImport(Glibc)
            _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
            #endif
            return try body(ChunkReader(fd: fd, path: path))
        }
    }
}

/// Fills buffers from a `ChunkSource` at given offsets.
struct ChunkReader {
    private let fd: Int32
    private let path: String
    private let memory: [UInt8]
    private let data: Data?

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        self.memory = []
        self.data = nil
    }

    init(memory: [UInt8]) {
        self.fd = -1
        self.path = ""
        self.memory = memory
        self.data = nil
    }

    init(data: Data) {
        self.fd = -1
        self.path = ""
        self.memory = []
        self.data = data
    }

    /// Fills all of `buffer` with the bytes at `offset`; a file shorter than planned is an error.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(ImportError) {
        if let data {
            data.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + buffer.count)])) }
            return
        }
        guard fd >= 0 else {
            memory.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + buffer.count)])) }
            return
        }
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw ImportError.system(errno, path: path)
            }
            if n == 0 { throw ImportError.changedWhileReading(path: path) }
            done += n
        }
    }
}
