import TOMLKit

/// A TOML file parsed into a ``TOMLNode`` tree, with a ``SourceLocator`` for its key positions.
struct TOMLDocument: Sendable {
    /// The largest file accepted; a config or theme file is a few kilobytes.
    static let maximumSize = 1 << 20

    /// The file as the user named it, used in diagnostics.
    let file: String
    /// The root table's entries.
    let root: [String: TOMLNode]
    /// Where each key path is written.
    let locator: SourceLocator

    /// Parses `text`.
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The file as the user named it, for diagnostics.
    /// - Throws: ``ConfigError`` with `FILE:LINE:COLUMN` and TOMLKit's message for a syntax error.
    init(text: String, file: String) throws(ConfigError) {
        self.file = file
        guard text.utf8.count <= Self.maximumSize else {
            throw ConfigError(ConfigDiagnostic(
                file: file, line: nil,
                message: "the file is \(text.utf8.count) bytes, more than the \(Self.maximumSize) a config file may have",
                hint: "check that this is the right file"))
        }
        if let nul = Self.firstNUL(in: text) {
            throw ConfigError(ConfigDiagnostic(
                file: file, line: nul, message: "the file contains a NUL byte",
                hint: "a TOML file is UTF-8 text; check that this is the right file"))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(ConfigDiagnostic(
                file: file,
                line: error.source.begin.line > 0 ? error.source.begin.line : nil,
                column: error.source.begin.column > 0 ? error.source.begin.column : nil,
                message: "TOML syntax error: \(Self.clean(error.description))",
                hint: "see https://toml.io/en/v1.0.0 for the syntax"))
        } catch {
            throw ConfigError(ConfigDiagnostic(file: file, line: nil, message: "cannot parse the file as TOML"))
        }
        guard case .table(let entries) = TOMLNode(table) else {
            throw ConfigError(ConfigDiagnostic(file: file, line: nil, message: "the file is not a TOML table"))
        }
        self.root = entries
        self.locator = SourceLocator(text: text)
    }

    /// The line of the first NUL byte (TOMLKit would stop reading there), if any.
    private static func firstNUL(in text: String) -> Int? {
        var line = 1
        for byte in text.utf8 {
            if byte == 0 { return line }
            if byte == UInt8(ascii: "\n") { line += 1 }
        }
        return nil
    }

    /// TOMLKit's message without control characters or a trailing period.
    private static func clean(_ message: String) -> String {
        var text = String(message.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : Character(scalar)
        })
        while text.hasSuffix(".") || text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
