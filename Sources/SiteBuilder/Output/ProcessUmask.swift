import Foundation

/// This process's umask, which sets the permissions of every page and folder a build makes; read
/// from /proc (calling umask(2) to read it would change it for a moment under the other threads).
let processUmask: mode_t = {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
    return line.flatMap { mode_t($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
}()
