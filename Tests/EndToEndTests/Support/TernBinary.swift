import Foundation
import TernTestSupport

/// The `tern` binary the tests drive and a private home for it (data, cache and config folders).
struct TernBinary {
    /// The binary next to the test bundle or in .build/debug (SwiftPM builds every product).
    static func path() throws -> String {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tern").path]
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        candidates.append(root.appendingPathComponent(".build/debug/tern").path)
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TmuxError("tern is not built (looked in \(candidates)); run `swift build --product tern`")
        }
        return path
    }

    /// `env XDG_DATA_HOME=... XDG_CACHE_HOME=... XDG_CONFIG_HOME=... TERN_PIDFILE=... tern ARGS`, all
    /// under `home`, so a test never touches the user's files.
    static func commandLine(_ arguments: String, home: URL) throws -> String {
        let binary = try path()
        let env = ["XDG_DATA_HOME=\(home.path)/data", "XDG_CACHE_HOME=\(home.path)/cache", "XDG_CONFIG_HOME=\(home.path)/config",
                   "HOME=\(home.path)", "TERN_PIDFILE=\(home.path)/pid"]
        return "env \(env.joined(separator: " ")) \(binary) \(arguments)"
    }
}
