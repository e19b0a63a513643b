/// One parsed item of a FETCH answer.
enum FetchItem {
    /// A complete attribute.
    case attribute(MessageAttribute)
    /// A body section and where its bytes are.
    case body(BodySection, origin: UInt32?, value: BodyValue)
    /// An attribute this parser does not know; skipped.
    case skipped
}

/// Where the bytes of a body section are.
enum BodyValue {
    /// `NIL`: the section does not exist.
    case none
    /// In the framed response (a quoted string or a literal within the frame).
    case inline(StringValue)
    /// A literal of this many bytes that starts right after the framed bytes: it is streamed.
    case streaming(count: Int)
}

extension GrammarParser {
    // msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
    // msg-att-dynamic = "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")" / "MODSEQ" SP "(" mod-sequence-value ")"
    // msg-att-static = "ENVELOPE" SP envelope / "INTERNALDATE" SP date-time / "RFC822.SIZE" SP number64 /
    //     "BODY" ["STRUCTURE"] SP body / "BODY" section ["<" number ">"] SP nstring /
    //     "BINARY" section-binary SP (nstring / literal8) / "BINARY.SIZE" section-binary SP number /
    //     "UID" SP uniqueid / "RFC822" [".HEADER" / ".TEXT"] SP nstring /
    //     "EMAILID" SP "(" objectid ")" / "THREADID" SP ("(" objectid ")" / nil) /
    //     "PREVIEW" SP nstring / "SAVEDATE" SP (date-time / nil) /
    //     "X-GM-MSGID" SP number64 / "X-GM-THRID" SP number64 / "X-GM-LABELS" SP "(" [astring *(SP astring)] ")"
    /// One item of a FETCH answer (without the separating space).
    mutating func parseMessageAttribute() throws(ParseFailure) -> FetchItem {
        let start = index
        while index < end, ASCII.isAtomChar(bytes[index]), bytes[index] != ASCII.openBracket,
              bytes[index] != ASCII.lessThan {
            index += 1
        }
        let name = start..<index
        guard !name.isEmpty else { throw failure("a FETCH item name") }
        switch name.count {
        case 3 where range(name, is: "UID"):
            try parseSpace()
            return .attribute(.uid(try parseNZNumber()))
        case 4 where range(name, is: "BODY"):
            if peek() == ASCII.openBracket { return try parseBodySectionItem(.body) }
            try parseSpace()
            return try parseOrSkip("BODY") { parser throws(ParseFailure) in
                .bodyStructure(try parser.parseBody(), extended: false)
            }
        case 5 where range(name, is: "FLAGS"):
            try parseSpace()
            return .attribute(.flags(try parseFlagList()))
        case 6 where range(name, is: "RFC822"):
            return try parseBodyValueItem(BodySection(.body, .complete), origin: nil)
        case 6 where range(name, is: "MODSEQ"):
            try parseSpace()
            try openList()
            let value = try parseNumber64()
            try closeList()
            return .attribute(.modSeq(value))
        case 6 where range(name, is: "BINARY"):
            let part = try parseBinarySection()
            return try parseBodyValueItem(BodySection(.binary, SectionSpecifier(part: part)), origin: try parseOrigin())
        case 7 where range(name, is: "EMAILID"):
            try parseSpace()
            try openList()
            let id = text(of: try parseAString())
            try closeList()
            return .attribute(.emailID(id))
        case 7 where range(name, is: "PREVIEW"):
            try parseSpace()
            return .attribute(.preview(optionalText(of: try parseNString())))
        case 8 where range(name, is: "ENVELOPE"):
            try parseSpace()
            return try parseOrSkip("ENVELOPE") { parser throws(ParseFailure) in .envelope(try parser.parseEnvelope()) }
        case 8 where range(name, is: "THREADID"):
            try parseSpace()
            if consumeNIL() { return .attribute(.threadID(nil)) }
            try openList()
            let id = text(of: try parseAString())
            try closeList()
            return .attribute(.threadID(id))
        case 8 where range(name, is: "SAVEDATE"):
            try parseSpace()
            if consumeNIL() { return .attribute(.saveDate(nil)) }
            return .attribute(.saveDate(try parseDateTime()))
        case 10 where range(name, is: "X-GM-MSGID"):
            try parseSpace()
            return .attribute(.gmailMessageID(try parseNumber64()))
        case 10 where range(name, is: "X-GM-THRID"):
            try parseSpace()
            return .attribute(.gmailThreadID(try parseNumber64()))
        case 11 where range(name, is: "RFC822.SIZE"):
            try parseSpace()
            return .attribute(.rfc822Size(Int(clamping: try parseNumber64())))
        case 11 where range(name, is: "RFC822.TEXT"):
            return try parseBodyValueItem(BodySection(.body, .text), origin: nil)
        case 11 where range(name, is: "BINARY.SIZE"):
            let part = try parseBinarySection()
            try parseSpace()
            return .attribute(.binarySize(part: part, size: Int(clamping: try parseNumber64())))
        case 11 where range(name, is: "X-GM-LABELS"):
            try parseSpace()
            return .attribute(.gmailLabels(try parseGmailLabels()))
        case 12 where range(name, is: "INTERNALDATE"):
            try parseSpace()
            return .attribute(.internalDate(try parseDateTime()))
        case 13 where range(name, is: "BODYSTRUCTURE"):
            try parseSpace()
            return try parseOrSkip("BODYSTRUCTURE") { parser throws(ParseFailure) in
                .bodyStructure(try parser.parseBody(), extended: true)
            }
        case 13 where range(name, is: "RFC822.HEADER"):
            return try parseBodyValueItem(BodySection(.body, .header), origin: nil)
        default:
            try skipUnknownAttribute()
            return .skipped
        }
    }

    /// An ENVELOPE or BODYSTRUCTURE, or, when it does not parse but is a well-formed value
    /// (balanced lists, valid strings), `.malformed` so that one server bug does not end the
    /// session. Nesting past the limit and unframed literals stay errors.
    private mutating func parseOrSkip(
        _ name: String, _ rule: (inout GrammarParser) throws(ParseFailure) -> MessageAttribute
    ) throws(ParseFailure) -> FetchItem {
        let (start, openLists) = (index, depth)
        do throws(ParseFailure) {
            return .attribute(try rule(&self))
        } catch {
            guard case .malformed(let expected) = error.kind else { throw error }
            (index, depth) = (start, openLists)
            try skipValue()
            return .attribute(.malformed(name: name, problem: "expected \(expected)"))
        }
    }

    /// `section ["<" number ">"] SP nstring` after `BODY`.
    private mutating func parseBodySectionItem(_ kind: BodySection.Kind) throws(ParseFailure) -> FetchItem {
        let section = try parseSection()
        return try parseBodyValueItem(BodySection(kind, section), origin: try parseOrigin())
    }

    // ["<" number ">"]
    private mutating func parseOrigin() throws(ParseFailure) -> UInt32? {
        guard consume(ASCII.lessThan) else { return nil }
        let origin = try parseNumber()
        try expect(ASCII.greaterThan, "\">\" after a body section's origin")
        return origin
    }

    /// `SP (nstring / literal8)` of a body section: where its bytes are.
    private mutating func parseBodyValueItem(_ section: BodySection, origin: UInt32?) throws(ParseFailure) -> FetchItem {
        try parseSpace()
        if consumeNIL() { return .body(section, origin: origin, value: .none) }
        guard let first = peek() else { throw failure("a body section's value") }
        if first == ASCII.quote { return .body(section, origin: origin, value: .inline(try parseQuoted())) }
        guard first == ASCII.openBrace || first == ASCII.tilde else { throw failure("a string, literal or NIL") }
        do throws(ParseFailure) {
            return .body(section, origin: origin, value: .inline(.range(try parseLiteral())))
        } catch {
            if case .literalNotFramed(let count) = error.kind, index == end {
                return .body(section, origin: origin, value: .streaming(count: count))
            }
            throw error
        }
    }

    // X-GM-LABELS: "(" [astring *(SP astring)] ")"; labels such as \Inbox are flag-like.
    private mutating func parseGmailLabels() throws(ParseFailure) -> [String] {
        var labels: [String] = []
        try parseList { parser throws(ParseFailure) in
            if parser.peek() == ASCII.backslash {
                let start = parser.index
                parser.index += 1
                _ = try parser.parseAtom()
                labels.append(parser.text(start..<parser.index))
            } else {
                labels.append(parser.text(of: try parser.parseAString()))
            }
        }
        return labels
    }

    /// Skips `name[...]<...> SP value` of an item this parser does not know.
    private mutating func skipUnknownAttribute() throws(ParseFailure) {
        if peek() == ASCII.openBracket || peek() == ASCII.lessThan {
            // Reuse the generic skipper for the bracketed and angled parts.
            while let byte = peek(), byte == ASCII.openBracket || byte == ASCII.lessThan {
                if byte == ASCII.openBracket {
                    try skipBracketedValue()
                } else {
                    while let next = peek(), next != ASCII.greaterThan {
                        guard next != ASCII.cr, next != ASCII.lf else { throw failure("\">\"") }
                        index += 1
                    }
                    index += 1
                }
            }
        }
        try parseSpace()
        try skipValue()
    }
}
