/// What the server said it supports in its answer to CAPA (RFC 2449 §5, §6; RFC 2595 §4 for
/// STLS; RFC 5034 §3 for SASL).
///
/// ```
/// C: CAPA
/// S: +OK Capability list follows
/// S: TOP
/// S: UIDL
/// S: STLS
/// S: SASL PLAIN XOAUTH2
/// S: .
/// ```
public struct POP3Capabilities: Equatable, Sendable {
    /// Every capability line: the upper-cased tag and its arguments as sent.
    public var entries: [POP3Capability]

    /// Capabilities from their lines.
    public init(_ entries: [POP3Capability] = []) {
        self.entries = entries
    }

    /// True when the tag (case-insensitive) is listed.
    public func contains(_ tag: String) -> Bool {
        let upper = tag.uppercased()
        return entries.contains { $0.tag == upper }
    }

    /// The arguments of the first line with this tag, or nil when it is not listed.
    public func arguments(of tag: String) -> [String]? {
        let upper = tag.uppercased()
        return entries.first { $0.tag == upper }?.arguments
    }

    /// True when STLS (STARTTLS for POP3, RFC 2595 §4) is offered.
    public var supportsSTLS: Bool { contains("STLS") }

    /// The SASL mechanisms of the `SASL` line, upper-cased; empty when there is none.
    public var saslMechanisms: [String] { (arguments(of: "SASL") ?? []).map { $0.uppercased() } }

    /// True when USER/PASS is offered (RFC 2449 §6.7).
    public var supportsUSER: Bool { contains("USER") }

    /// True when UIDL is offered (RFC 2449 §6.6).
    public var supportsUIDL: Bool { contains("UIDL") }

    /// True when TOP is offered (RFC 2449 §6.2).
    public var supportsTOP: Bool { contains("TOP") }

    /// The minimum number of seconds between logins (`LOGIN-DELAY`, RFC 2449 §6.5), if given.
    public var loginDelay: Int? { arguments(of: "LOGIN-DELAY")?.first.flatMap { Int($0) } }
}

/// One line of a CAPA response: a tag and its space-separated arguments (RFC 2449 §5).
public struct POP3Capability: Equatable, Sendable {
    /// The capability's name, upper-cased (`SASL`, `STLS`, `TOP`).
    public var tag: String
    /// The arguments after the tag (`["PLAIN", "LOGIN"]` for `SASL PLAIN LOGIN`).
    public var arguments: [String]

    /// A capability from its parts.
    public init(tag: String, arguments: [String] = []) {
        self.tag = tag.uppercased()
        self.arguments = arguments
    }

    // capability = capa-tag *(SP param) ; capa-tag = 1*cchar ; param = 1*pchar
    /// Parses one CAPA line; nil when it is empty or holds a control or non-ASCII byte.
    public init?(parsing line: ArraySlice<UInt8>) {
        guard line.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        let words = line.split(separator: ASCII.space).map { String(decoding: $0, as: UTF8.self) }
        guard let first = words.first else { return nil }
        self.init(tag: first, arguments: Array(words.dropFirst()))
    }
}
