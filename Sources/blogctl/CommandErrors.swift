import ArgumentParser
import Foundation
import SiteBuilder

/// Writes one line to stderr.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs `body`; any error becomes one `blogctl: error: …` line (prefixed with `file` unless the
/// message already names it) and exit status 1. Exit codes pass through.
func reportingErrors<T>(naming file: String? = nil, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        throw fail(error, naming: file)
    }
}

/// The synchronous form of `reportingErrors`.
func reportingErrors<T>(naming file: String? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        throw fail(error, naming: file)
    }
}

private func fail(_ error: any Error, naming file: String?) -> ExitCode {
    if let error = error as? SiteBuildError, case .several = error {
        for line in error.lines { printError("blogctl: error: \(line)") }
        return .failure
    }
    var message = "\(error)".replacingOccurrences(of: "\n", with: " ")
    if let file, !message.contains(file) { message = "\(file): \(message)" }
    printError("blogctl: error: \(message)")
    return .failure
}
