/// Which part of a message a BODY[...] fetch means (RFC 9051 §6.4.5): a MIME part number and
/// what of it.
///
/// ```
/// C: A5 UID FETCH 42 (BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)] BODY.PEEK[1.2.MIME])
/// ```
///
/// Header field names are kept in upper case, so the section a server echoes in its answer
/// equals the one requested whatever case either used.
public struct SectionSpecifier: Hashable, Sendable, CustomStringConvertible {
    /// What of the part.
    public enum Kind: Hashable, Sendable {
        /// The whole part (or the whole message for the empty part number): `BODY[]`, `BODY[1]`.
        case complete
        /// The header: `HEADER`.
        case header
        /// Only these header fields: `HEADER.FIELDS (...)`.
        case headerFields([String])
        /// Every header field except these: `HEADER.FIELDS.NOT (...)`.
        case headerFieldsNot([String])
        /// The body without the header: `TEXT`.
        case text
        /// The MIME header of a part: `MIME` (needs a part number).
        case mime
    }

    /// The MIME part number (`[1, 2]` for `1.2`); empty for the message itself.
    public var part: [Int]
    /// What of the part.
    public var kind: Kind

    /// Hashes the part number and what of it, but of a field list only its length: equal
    /// sections still hash alike, and a FETCH answer's section (a dictionary key for every
    /// message) is hashed without its dozen field names.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(part)
        switch kind {
        case .complete: hasher.combine(0)
        case .header: hasher.combine(1)
        case .headerFields(let names): hasher.combine(2); hasher.combine(names.count)
        case .headerFieldsNot(let names): hasher.combine(3); hasher.combine(names.count)
        case .text: hasher.combine(4)
        case .mime: hasher.combine(5)
        }
    }

    /// A section; header field names are upper-cased.
    ///
    /// - Precondition: part numbers are positive; `.mime` has a part number.
    public init(part: [Int] = [], kind: Kind = .complete) {
        precondition(part.allSatisfy { $0 > 0 }, "SectionSpecifier: part numbers start at 1")
        precondition(kind != .mime || !part.isEmpty, "SectionSpecifier: MIME needs a part number")
        self.part = part
        switch kind {
        case .headerFields(let names): self.kind = .headerFields(names.map { $0.uppercased() })
        case .headerFieldsNot(let names): self.kind = .headerFieldsNot(names.map { $0.uppercased() })
        default: self.kind = kind
        }
    }

    /// `BODY[]`: the whole message.
    public static let complete = SectionSpecifier()
    /// `BODY[HEADER]`: the message's header.
    public static let header = SectionSpecifier(kind: .header)
    /// `BODY[TEXT]`: the message's body.
    public static let text = SectionSpecifier(kind: .text)

    /// `HEADER.FIELDS (...)` of the message for these field names.
    public static func headerFields(_ names: [String]) -> SectionSpecifier {
        SectionSpecifier(kind: .headerFields(names))
    }

    /// The text between the brackets, `1.2.HEADER.FIELDS (FROM TO)`.
    public var description: String {
        var text = part.map(String.init).joined(separator: ".")
        let suffix: String
        switch kind {
        case .complete: suffix = ""
        case .header: suffix = "HEADER"
        case .headerFields(let names): suffix = "HEADER.FIELDS (" + names.joined(separator: " ") + ")"
        case .headerFieldsNot(let names): suffix = "HEADER.FIELDS.NOT (" + names.joined(separator: " ") + ")"
        case .text: suffix = "TEXT"
        case .mime: suffix = "MIME"
        }
        if !text.isEmpty, !suffix.isEmpty { text += "." }
        return text + suffix
    }
}

/// A body section of a FETCH answer: `BODY[section]` or `BINARY[part]` (RFC 3516). `RFC822`,
/// `RFC822.HEADER` and `RFC822.TEXT` are given as the BODY sections they equal.
public struct BodySection: Hashable, Sendable, CustomStringConvertible {
    /// BODY or BINARY.
    public enum Kind: Hashable, Sendable {
        /// `BODY[...]`: the bytes in their transfer encoding.
        case body
        /// `BINARY[...]`: the part decoded by the server.
        case binary
    }

    /// BODY or BINARY.
    public var kind: Kind
    /// Which section.
    public var section: SectionSpecifier

    /// A section from its parts.
    public init(_ kind: Kind = .body, _ section: SectionSpecifier) {
        self.kind = kind
        self.section = section
    }

    /// `BODY[1.2]`, `BINARY[1]`.
    public var description: String {
        (kind == .body ? "BODY[" : "BINARY[") + section.description + "]"
    }
}

extension GrammarParser {
    // section = "[" [section-spec] "]"
    // section-spec = section-msgtext / (section-part ["." section-text])
    // section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
    // section-part = nz-number *("." nz-number)
    // section-text = section-msgtext / "MIME"
    /// A section with its brackets.
    ///
    /// A FETCH of many messages has the same section in every answer: when the bytes are those
    /// of the last section read (``sectionCache``), that section is returned without reading
    /// them again.
    mutating func parseSection() throws(ParseFailure) -> SectionSpecifier {
        let start = index
        if let cached = sectionCache, cached.depth == depth, cached.matches(bytes, at: start, end: end) {
            index = start + cached.bytes.count
            return cached.section
        }
        let section = try parseSectionSyntax()
        sectionCache = SectionCache(bytes: Array(bytes[start ..< index]), depth: depth, section: section)
        return section
    }

    /// ``parseSection()`` without the cache.
    private mutating func parseSectionSyntax() throws(ParseFailure) -> SectionSpecifier {
        try expect(ASCII.openBracket, "\"[\"")
        var part: [Int] = []
        while let byte = peek(), ASCII.isDigit(byte) {
            part.append(Int(try parseNZNumber()))
            guard consume(ASCII.dot) else { break }
        }
        var kind = SectionSpecifier.Kind.complete
        if peek() != ASCII.closeBracket {
            if consumePrefix("HEADER.FIELDS.NOT") {
                try parseSpace()
                kind = .headerFieldsNot(try parseHeaderList())
            } else if consumePrefix("HEADER.FIELDS") {
                try parseSpace()
                kind = .headerFields(try parseHeaderList())
            } else if consumePrefix("HEADER") {
                kind = .header
            } else if consumePrefix("TEXT") {
                kind = .text
            } else if consumePrefix("MIME"), !part.isEmpty {
                kind = .mime
            } else {
                throw failure("a section (HEADER, HEADER.FIELDS, TEXT, MIME or a part number)")
            }
        }
        try expect(ASCII.closeBracket, "\"]\" after a section")
        return SectionSpecifier(part: part, kind: kind)
    }

    // header-list = "(" header-fld-name *(SP header-fld-name) ")"
    // header-fld-name = astring
    private mutating func parseHeaderList() throws(ParseFailure) -> [String] {
        var names: [String] = []
        try parseList { parser throws(ParseFailure) in names.append(parser.text(of: try parser.parseAString())) }
        return names
    }

    // section-binary = "[" [section-part] "]"
    /// A BINARY section's part number with its brackets.
    mutating func parseBinarySection() throws(ParseFailure) -> [Int] {
        try expect(ASCII.openBracket, "\"[\"")
        var part: [Int] = []
        while let byte = peek(), ASCII.isDigit(byte) {
            part.append(Int(try parseNZNumber()))
            guard consume(ASCII.dot) else { break }
        }
        try expect(ASCII.closeBracket, "\"]\" after a BINARY section")
        return part
    }
}

// MARK: - Encoding

extension CommandBuffer {
    // section = "[" [section-spec] "]"
    /// Writes `[section]`; header field names are written as astrings.
    mutating func write(section: SectionSpecifier) {
        write("[")
        write(bytes: Array(section.part.map(String.init).joined(separator: ".").utf8))
        if !section.part.isEmpty, section.kind != .complete { write(".") }
        switch section.kind {
        case .complete: break
        case .header: write("HEADER")
        case .text: write("TEXT")
        case .mime: write("MIME")
        case .headerFields(let names), .headerFieldsNot(let names):
            if case .headerFields = section.kind { write("HEADER.FIELDS (") } else { write("HEADER.FIELDS.NOT (") }
            for (position, name) in names.enumerated() {
                if position > 0 { writeSpace() }
                write(astring: Array(name.utf8))
            }
            write(")")
        }
        write("]")
    }
}
