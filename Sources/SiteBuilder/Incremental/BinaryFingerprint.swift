import Foundation

/// The running blogctl executable's identity (path, size, modification time, inode): a rebuilt
/// or upgraded blogctl may parse or render differently, so no cache made by another binary is
/// ever taken for its own.
let binaryFingerprint: String = {
    let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    var info = stat()
    guard stat(path, &info) == 0 else { return path }
    return "\(path)\u{0}\(info.st_size)\u{0}\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\u{0}\(info.st_ino)"
}()
