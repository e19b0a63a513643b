import MailCore

/// A `mailto:` URL (RFC 6068), read for starting a message: `tern mailto:bob@example.org?subject=hi`.
///
/// Only the fields a link may safely fill are taken: to, cc, bcc, subject, body, in-reply-to and
/// references. Any other field is ignored with a warning, and a field that asks to attach a file
/// (`attach=`, `attachment=`, ...) is refused with a warning, so that a link cannot make tern send
/// one of the user's files (CVE-2020-11879).
public struct MailtoURL: Sendable, Hashable {
    /// The recipients from the path and `to=` fields.
    public var to: [Address] = []
    /// `cc=` recipients.
    public var cc: [Address] = []
    /// `bcc=` recipients.
    public var bcc: [Address] = []
    /// The subject, if given (line breaks become spaces).
    public var subject: String?
    /// The body, if given (line ends LF).
    public var body: String?
    /// `in-reply-to=` ids.
    public var inReplyTo: [MessageID] = []
    /// `references=` ids.
    public var references: [MessageID] = []
    /// What was ignored, one sentence each, for the status line or standard error.
    public var warnings: [String] = []

    /// An empty link.
    public init() {}

    /// True when `text` starts with the `mailto:` scheme (in any case).
    public static func isMailto(_ text: String) -> Bool {
        text.utf8.count >= 7 && text.prefix(7).lowercased() == "mailto:"
    }

    /// Parses a `mailto:` URL.
    ///
    /// `mailtoURI = "mailto:" [ to ] [ hfields ]`, `hfields = "?" hfield *( "&" hfield )`,
    /// `hfield = hfname "=" hfvalue` (RFC 6068 §2). Percent-encoded octets are UTF-8 (§2); `+` is
    /// a plus sign, not a space.
    ///
    /// - Throws: ``MailtoError`` for a text that is not a mailto URL, a bad percent escape,
    ///   bytes that are not UTF-8 or an address that cannot be read.
    public static func parse(_ text: String) throws -> MailtoURL {
        guard isMailto(text) else {
            throw MailtoError("\"\(TextSanitizer.headerText(String(text.prefix(40))))\" is not a mailto: URL (it must start with mailto:)")
        }
        var url = MailtoURL()
        var rest = text.dropFirst(7)
        if let fragment = rest.firstIndex(of: "#") {
            // RFC 6068 §2: a mailto URI has no fragment; a "#" meant literally is written %23.
            url.warnings.append("Ignored \"\(TextSanitizer.headerText(String(rest[fragment...].prefix(40))))\" at the end of the mailto: link "
                + "(a \"#\" starts a fragment, which mailto: links do not have; write %23 for a literal #).")
            rest = rest[..<fragment]
        }
        let question = rest.firstIndex(of: "?")
        let path = rest[..<(question ?? rest.endIndex)]
        if !path.isEmpty {
            url.to += try addresses(try decode(path, column: 8, field: "the address part"), field: "to")
        }
        guard let question else { return url }
        var column = rest.distance(from: rest.startIndex, to: question) + 9
        for pair in rest[rest.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false) {
            defer { column += pair.count + 1 }
            if pair.isEmpty { continue }
            guard let equals = pair.firstIndex(of: "=") else {
                url.warnings.append("Ignored \"\(TextSanitizer.headerText(String(pair)))\" in the mailto: link: it is not name=value.")
                continue
            }
            let name = try decode(pair[..<equals], column: column, field: "a field name").lowercased()
            let valueColumn = column + pair.distance(from: pair.startIndex, to: equals) + 1
            let value = try decode(pair[pair.index(after: equals)...], column: valueColumn, field: "the \(name) field")
            try url.apply(name: name, value: value)
        }
        return url
    }

    private mutating func apply(name: String, value: String) throws {
        switch name {
        case "to": to += try Self.addresses(value, field: name)
        case "cc": cc += try Self.addresses(value, field: name)
        case "bcc": bcc += try Self.addresses(value, field: name)
        case "subject":
            let clean = TextSanitizer.headerText(value)
            if clean != value.replacingOccurrencesOfNewlines() {
                warnings.append("Control characters in the subject of the mailto: link were replaced.")
            }
            subject = clean
        case "body":
            let text = TextSanitizer.bodyText(value)
            body = body.map { $0 + "\n" + text } ?? text
        case "in-reply-to": inReplyTo += MessageIDList.parse(value)
        case "references": references += MessageIDList.parse(value)
        default:
            let shown = TextSanitizer.headerText(name)
            if name.contains("attach") || name == "file" {
                warnings.append("Ignored \"\(shown)=\" in the mailto: link: a link may not attach files (CVE-2020-11879); "
                    + "attach them yourself in the composer if you mean to.")
            } else {
                warnings.append("Ignored the \"\(shown)\" field of the mailto: link (only to, cc, bcc, subject, body, "
                    + "in-reply-to and references are taken from a link).")
            }
        }
    }

    /// The addresses of a field; every entry must be a usable mailbox.
    static func addresses(_ text: String, field: String) throws -> [Address] {
        var result: [Address] = []
        for item in AddressList.parse(text) {
            for address in item.addresses {
                guard address.isUsable else {
                    throw MailtoError("the \(field) field of the mailto: link has \"\(TextSanitizer.headerText(address.name ?? address.address))\", "
                        + "which is not an email address")
                }
                result.append(address)
            }
        }
        return result
    }

    /// Percent-decodes `text` as UTF-8.
    static func decode(_ text: Substring, column: Int, field: String) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < utf8.count, let hi = hexValue(utf8[i + 1]), let lo = hexValue(utf8[i + 2]) else {
                    throw MailtoError("\(field) of the mailto: link has a \"%\" at column \(column + i) not followed by two hex digits "
                        + "(write a percent sign as %25)")
                }
                bytes.append(hi << 4 | lo)
                i += 3
            } else {
                bytes.append(b)
                i += 1
            }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        guard string.utf8.elementsEqual(bytes) else {
            throw MailtoError("\(field) of the mailto: link is not valid UTF-8 once its %-escapes are decoded (RFC 6068 asks for UTF-8)")
        }
        return string
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Why a `mailto:` URL cannot be used.
public struct MailtoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, and where.
    public var message: String

    /// An error with its message.
    public init(_ message: String) { self.message = message }

    public var description: String { "Cannot use the mailto: link: \(message)." }
}

private extension String {
    /// The string with CR and LF turned into spaces (what header sanitising does to them anyway).
    func replacingOccurrencesOfNewlines() -> String {
        String(unicodeScalars.map { $0 == "\r" || $0 == "\n" || $0 == "\t" ? " " : Character($0) })
    }
}
