/// Where a mailcap entry was read: file and line.
public struct MailcapSource: Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The line the entry starts on, from 1.
    public var line: Int

    /// A source position.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// One entry of a mailcap file (RFC 1524 §3): a content type, the command that views it, and its
/// fields.
///
/// ```
/// application/pdf; pdftotext %s -; copiousoutput
/// text/html; w3m -dump -T text/html %s; needsterminal; nametemplate=%s.html
/// image/*; feh %s; test=test -n "$DISPLAY"
/// ```
public struct MailcapEntry: Sendable, Hashable {
    /// The type in lower case (`text`), or `*`.
    public var type: String
    /// The subtype in lower case (`plain`), or `*` for every subtype (`text/*`, or `text` alone).
    public var subtype: String
    /// The view command: shell text with `%s`, `%t`, `%{parameter}` (RFC 1524 §4). Backslash escapes
    /// are still in it (``MailcapExpansion`` removes them).
    public var viewCommand: String
    /// `needsterminal`: the command talks to the terminal, so the UI must step aside while it runs.
    public var needsTerminal: Bool
    /// `copiousoutput`: the command prints text, which the viewer shows.
    public var copiousOutput: Bool
    /// `test=`: a command that must exit 0 for the entry to apply.
    public var test: String?
    /// `nametemplate=`: how the temporary file is named, such as `%s.html`.
    public var nameTemplate: String?
    /// `description=`.
    public var description: String?
    /// The other named fields (`compose`, `print`, `edit`, `x-...`), names in lower case.
    public var otherFields: [String: String]
    /// Where it was read.
    public var source: MailcapSource

    /// An entry from its parts.
    public init(type: String, subtype: String, viewCommand: String, needsTerminal: Bool = false, copiousOutput: Bool = false,
                test: String? = nil, nameTemplate: String? = nil, description: String? = nil,
                otherFields: [String: String] = [:], source: MailcapSource) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.viewCommand = viewCommand
        self.needsTerminal = needsTerminal
        self.copiousOutput = copiousOutput
        self.test = test
        self.nameTemplate = nameTemplate
        self.description = description
        self.otherFields = otherFields
        self.source = source
    }

    /// `type/subtype` as written in the entry (`text/*` for an implicit wildcard).
    public var typePattern: String { "\(type)/\(subtype)" }

    /// True when the entry applies to `mimeType` (`type/subtype`, any case).
    public func matches(_ mimeType: String) -> Bool {
        let lower = mimeType.lowercased()
        guard let slash = lower.firstIndex(of: "/") else { return false }
        let t = lower[..<slash], s = lower[lower.index(after: slash)...]
        return (type == "*" || type == t) && (subtype == "*" || subtype == s)
    }
}
