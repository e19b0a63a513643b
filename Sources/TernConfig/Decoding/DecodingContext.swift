/// Collects the diagnostics of one file while its decoders walk it.
///
/// Decoders report every problem they find and go on, so that one run shows the user all of them.
final class DecodingContext {
    /// The file being decoded.
    let document: TOMLDocument
    /// The environment used to expand `$VARS` and `~` in paths.
    let environment: [String: String]
    /// Problems found so far.
    private(set) var diagnostics: [ConfigDiagnostic] = []

    /// Creates a context for `document`.
    init(document: TOMLDocument, environment: [String: String]) {
        self.document = document
        self.environment = environment
    }

    /// The line `path` is written on (see ``SourceLocator/line(of:)``).
    func line(of path: KeyPath) -> Int? {
        document.locator.line(of: path)
    }

    /// Records a problem at `path`.
    /// - Parameters:
    ///   - path: The key or table concerned; its line is looked up.
    ///   - message: What is wrong.
    ///   - hint: What to write instead.
    func report(at path: KeyPath, _ message: String, hint: String? = nil) {
        diagnostics.append(ConfigDiagnostic(
            file: document.file, line: line(of: path),
            keyPath: path.components.isEmpty ? nil : path.description,
            message: message, hint: hint))
    }

    /// Records a problem found in another file (a theme the config names).
    func append(_ diagnostic: ConfigDiagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records a problem concerning the whole file.
    func reportFile(_ message: String, hint: String? = nil) {
        diagnostics.append(ConfigDiagnostic(file: document.file, line: nil, message: message, hint: hint))
    }

    /// Throws the collected diagnostics, if any.
    func throwIfNeeded() throws(ConfigError) {
        if !diagnostics.isEmpty { throw ConfigError(diagnostics) }
    }

    /// Expands `~` and `$VARS` in a path value, reporting a problem and returning nil if it cannot.
    func expandPath(_ value: String, at path: KeyPath) -> String? {
        switch PathExpander(environment: environment).expand(value) {
        case .success(let expanded):
            return expanded
        case .failure(let failure):
            report(at: path, "cannot expand \(path.lastKey.map { "\"\($0)\"" } ?? "the path"): \(failure.message)",
                   hint: failure.hint)
            return nil
        }
    }
}
