/// Copies text (a URL) to the desktop's clipboard with the first clipboard program found:
/// `wl-copy` under Wayland, `xclip` or `xsel` under X11, `pbcopy` on macOS. The text goes on the
/// program's standard input, never on a command line.
public enum Clipboard {
    /// The programs tried, in order, with the environment variable that must be set for each.
    static let candidates: [(arguments: [String], needs: String?)] = [
        (["wl-copy"], "WAYLAND_DISPLAY"),
        (["xclip", "-selection", "clipboard", "-in"], "DISPLAY"),
        (["xsel", "--clipboard", "--input"], "DISPLAY"),
        (["pbcopy"], nil),
    ]

    /// The argument vector of the clipboard program to use, or nil when none is available.
    public static func program(environment: [String: String]) -> [String]? {
        for candidate in candidates {
            if let variable = candidate.needs, (environment[variable] ?? "").isEmpty { continue }
            if ExternalProcess.findExecutable(candidate.arguments[0], environment: environment) != nil {
                return candidate.arguments
            }
        }
        return nil
    }

    /// Copies `text`.
    /// - Throws: ``ExternalProcessError`` when no clipboard program is available or it fails.
    public static func copy(_ text: String, environment: [String: String]) async throws {
        guard let arguments = program(environment: environment) else {
            throw ExternalProcessError(command: [], reason: "No clipboard program found: install wl-copy (Wayland), xclip or xsel (X11).")
        }
        let result = try await ExternalProcess.run(arguments, input: .bytes(Array(text.utf8)), output: .null,
                                                   environment: environment)
        guard result.succeeded else {
            throw ExternalProcessError(command: arguments, reason: "\(arguments[0]) failed with status \(result.status).")
        }
    }
}
