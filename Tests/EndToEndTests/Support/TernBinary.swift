import Foundation
import TernTestSupport

/// The `tern` binary the tests drive and a private home for it (data, cache and config folders).
struct TernBinary {
    /// The binary next to the test bundle or in .build/debug (SwiftPM builds every product).
    static func path() throws -> String { try Program.ternPath() }

    /// `env XDG_DATA_HOME=... XDG_CACHE_HOME=... XDG_CONFIG_HOME=... TERN_PIDFILE=... tern ARGS`, all
    /// under `home`, so a test never touches the user's files.
    static func commandLine(_ arguments: String, home: URL) throws -> String {
        let binary = try path()
        let env = ["XDG_DATA_HOME=\(home.path)/data", "XDG_CACHE_HOME=\(home.path)/cache", "XDG_CONFIG_HOME=\(home.path)/config",
                   "HOME=\(home.path)", "TERN_PIDFILE=\(home.path)/pid"]
        return "env \(env.joined(separator: " ")) \(binary) \(arguments)"
    }
}
