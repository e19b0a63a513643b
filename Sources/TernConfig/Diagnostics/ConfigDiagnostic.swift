/// One problem found in a config or theme file: where it is, what is wrong and what to write instead.
///
/// The description has the compiler-like form `FILE:LINE: MESSAGE; HINT`, for example
/// `config.toml:12: unknown key "hots" in [accounts.alice.imap]; did you mean "host"?`.
/// A diagnostic never contains the value of a secret-bearing key (`password_command`,
/// `password_env`, `oauth_token_command`): the decoders only ever name such keys.
public struct ConfigDiagnostic: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The file as the user named it (a path, or a display name such as `config.toml`).
    public var file: String
    /// The 1-based line the problem is on, or nil when it concerns the whole file.
    public var line: Int?
    /// The 1-based column, known only for TOML syntax errors.
    public var column: Int?
    /// The dotted key path the problem concerns, e.g. `accounts.alice.imap.host`, if any.
    public var keyPath: String?
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// What to write instead, if there is a useful suggestion.
    public var hint: String?

    /// Creates a diagnostic.
    /// - Parameters:
    ///   - file: The file as the user named it.
    ///   - line: The 1-based line, or nil for the whole file.
    ///   - column: The 1-based column, if known.
    ///   - keyPath: The dotted key path concerned, if any.
    ///   - message: What is wrong.
    ///   - hint: What to write instead.
    public init(file: String, line: Int?, column: Int? = nil, keyPath: String? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE[:COLUMN]: MESSAGE[; HINT]`.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = "\(location): \(message)"
        if let hint { text += "; \(hint)" }
        return text
    }

    /// The same as `description`: a diagnostic holds nothing that needs hiding.
    public var debugDescription: String { description }
}
