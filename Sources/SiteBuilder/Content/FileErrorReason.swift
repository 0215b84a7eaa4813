import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file operation on `path` failed, in words a user can act on. Foundation on Linux often
/// gives only "(NSCocoaErrorDomain error 512.)", so the POSIX cause is used when Foundation kept
/// it, and otherwise the condition is checked on disk.
func fileErrorReason(_ error: any Error, path: String) -> String {
    if let error = error as? SiteBuildError { return error.description }
    let nsError = error as NSError
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    // Check the path from the root down: the first part that is a file, not a folder, is the cause.
    var url = URL(fileURLWithPath: path).standardizedFileURL
    var ancestors: [String] = []
    while url.path != "/" && !url.path.isEmpty {
        ancestors.append(url.path)
        url.deleteLastPathComponent()
    }
    for (index, ancestor) in ancestors.reversed().enumerated() {
        var info = stat()
        guard stat(ancestor, &info) == 0 else {
            return String(cString: strerror(errno)) + (ancestor == path ? "" : " (\(ancestor))")
        }
        let isLast = index == ancestors.count - 1
        if !isLast && (info.st_mode & S_IFMT) != S_IFDIR {
            return "Not a directory (\(ancestor) is a file)"
        }
    }
    if access(path, R_OK) != 0 { return String(cString: strerror(errno)) }
    return nsError.localizedFailureReason ?? nsError.localizedDescription
}
