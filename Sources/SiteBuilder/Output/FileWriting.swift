import ContentAddressing
import Foundation
import POSIXFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `content` to `path` with open/write/close: no fsync per file (the folder is swapped in
/// as a whole, and Foundation's Data.write syncs each file, which costs seconds on 10,000 pages).
/// A file that may exist is overwritten in place unless it has other hard links, which must not
/// see the change, or is a page whose permissions are not the ones it is created with (a copy
/// takes its source's), which a fresh build would not have.
func writeFile(_ path: String, _ content: OutputContent, mayExist: Bool) throws -> FileIdentity? {
    var descriptor = open(path, (mayExist ? O_RDWR : O_WRONLY) | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw SiteBuildError.io(path: path, "cannot write: \(lastError())") }
    var existingSize = 0
    if mayExist {
        var info = stat()
        let isPage = if case .bytes = content { true } else { false }
        if fstat(descriptor, &info) == 0, info.st_nlink > 1 || (isPage && info.st_mode & 0o7777 != freshFileMode) {
            close(descriptor)
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw SiteBuildError.io(path: path, "cannot write: \(lastError())") }
        } else {
            existingSize = Int(info.st_size)
        }
    }
    defer { close(descriptor) }
    let written: Int
    switch content {
    case .bytes(let data):
        written = data.count
        // Most pages of a rebuild are what the reused file already holds: reading it back from the
        // page cache costs less than dirtying and writing back every page of the site.
        if existingSize == data.count, data.withUnsafeBytes({ holds(descriptor, $0) }) { return FileIdentity(descriptor: descriptor) }
        try data.withUnsafeBytes { try writeAll(descriptor, $0, path: path) }
    case .copy(let source):
        written = try copy(from: source, to: descriptor, existingSize: existingSize, path: path)
    case .kept:
        return nil
    }
    if existingSize > written, ftruncate(descriptor, off_t(written)) != 0 {
        throw SiteBuildError.io(path: path, "cannot write: \(lastError())")
    }
    return FileIdentity(descriptor: descriptor)
}

/// Whether the file open at `descriptor` starts with exactly `bytes` (its size is checked by the caller).
private func holds(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard bytes.count > 0 else { return true }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(bytes.count, 1 << 16), alignment: 16)
    defer { buffer.deallocate() }
    var offset = 0
    while offset < bytes.count {
        let count = min(buffer.count, bytes.count - offset)
        guard readFully(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]), at: UInt64(offset)) == count,
            memcmp(buffer.baseAddress!, bytes.baseAddress! + offset, count) == 0
        else { return false }
        offset += count
    }
    return true
}

private func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
    guard writeFully(descriptor, buffer) else { throw SiteBuildError.io(path: path, "cannot write: \(lastError())") }
}

/// Copies the file at `source` into `descriptor` with its permission bits, a buffer at a time
/// (memory stays bounded for files of any size); returns the byte count. A reused file of the
/// same size is compared first and written only from the first buffer that differs, so
/// unchanged media are not dirtied again on every build.
private func copy(from source: String, to descriptor: Int32, existingSize: Int, path: String) throws -> Int {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw SiteBuildError.io(path: source, "cannot read: \(lastError())") }
    defer { close(input) }
    var info = stat()
    guard fstat(input, &info) == 0 else { throw SiteBuildError.io(path: source, "cannot read: \(lastError())") }
    fchmod(descriptor, info.st_mode & 0o777)
    #if canImport(Glibc)
    _ = posix_fadvise(input, 0, 0, POSIX_FADV_SEQUENTIAL)
    #endif
    let bufferSize = 1 << 18
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
    defer { buffer.deallocate() }
    var comparing = existingSize > 0 && existingSize == Int(info.st_size)
    let existing = comparing ? UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16) : nil
    defer { existing?.deallocate() }
    var total = 0
    while true {
        let count = read(input, buffer.baseAddress, buffer.count)
        if count < 0 {
            if errno == EINTR { continue }
            throw SiteBuildError.io(path: source, "cannot read: \(lastError())")
        }
        if count == 0 { return total }
        if comparing {
            if let existing, readFully(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: existing[..<count]), at: UInt64(total)) == count,
                memcmp(existing.baseAddress!, buffer.baseAddress!, count) == 0
            {
                total += count
                continue
            }
            comparing = false
            guard lseek(descriptor, off_t(total), SEEK_SET) >= 0 else { throw SiteBuildError.io(path: path, "cannot write: \(lastError())") }
        }
        try writeAll(descriptor, UnsafeRawBufferPointer(rebasing: buffer[..<count]), path: path)
        total += count
    }
}
