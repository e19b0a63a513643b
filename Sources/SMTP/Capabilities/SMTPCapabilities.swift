/// What an SMTP server offers, from its answer to EHLO (RFC 5321 §4.1.1.1): the first line is the
/// server's name and greeting, every later line an extension keyword with its parameters.
///
/// ```
/// S: 250-mail.example.test
/// S: 250-PIPELINING
/// S: 250-SIZE 52428800
/// S: 250-AUTH PLAIN LOGIN
/// S: 250 SMTPUTF8
/// ```
///
/// Keywords are compared without regard to case. A server that answered only HELO has no
/// extensions at all (``isExtended`` is false).
public struct SMTPCapabilities: Sendable, Hashable {
    /// The text of the first line (the server's name and greeting).
    public var serverName: String
    /// Every extension in the order listed: the keyword upper-cased, and its parameters.
    public var extensions: [(keyword: String, parameters: [String])] {
        order.map { ($0, table[$0] ?? []) }
    }
    /// False when the server answered HELO, not EHLO: no extension may be used.
    public var isExtended: Bool

    private var order: [String]
    private var table: [String: [String]]

    /// The capabilities from an EHLO reply's lines (the first line is the server's name).
    public init(ehloLines lines: [String]) {
        serverName = lines.first ?? ""
        isExtended = true
        order = []
        table = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard var keyword = words.first.map({ $0.uppercased() }), !keyword.isEmpty else { continue }
            var parameters = words.dropFirst().map(String.init)
            // Old servers list "AUTH=PLAIN LOGIN" beside "AUTH PLAIN LOGIN" (pre-RFC 2554 clients).
            if keyword.hasPrefix("AUTH=") {
                parameters.insert(String(keyword.dropFirst(5)), at: 0)
                keyword = "AUTH"
            }
            if let known = table[keyword] {
                table[keyword] = known + parameters.filter { !known.contains($0) }
            } else {
                order.append(keyword)
                table[keyword] = parameters
            }
        }
    }

    /// The capabilities of a server that answered only HELO: none.
    public static func helo(serverName: String) -> SMTPCapabilities {
        var capabilities = SMTPCapabilities(ehloLines: [serverName])
        capabilities.isExtended = false
        return capabilities
    }

    /// True when the server lists `keyword` (any case).
    public func supports(_ keyword: String) -> Bool {
        table[keyword.uppercased()] != nil
    }

    /// The parameters listed after `keyword`, or nil when it is not listed.
    public func parameters(of keyword: String) -> [String]? {
        table[keyword.uppercased()]
    }

    /// STARTTLS (RFC 3207).
    public var supportsStartTLS: Bool { supports("STARTTLS") }
    /// PIPELINING (RFC 2920).
    public var supportsPipelining: Bool { supports("PIPELINING") }
    /// 8BITMIME (RFC 6152).
    public var supports8BitMIME: Bool { supports("8BITMIME") }
    /// SMTPUTF8 (RFC 6531).
    public var supportsSMTPUTF8: Bool { supports("SMTPUTF8") }
    /// ENHANCEDSTATUSCODES (RFC 2034).
    public var supportsEnhancedStatusCodes: Bool { supports("ENHANCEDSTATUSCODES") }
    /// SIZE (RFC 1870), with or without a limit.
    public var supportsSize: Bool { supports("SIZE") }

    /// The SASL mechanisms of the AUTH line (RFC 4954), upper-cased; empty when AUTH is not offered.
    public var authMechanisms: [String] {
        (table["AUTH"] ?? []).map { $0.uppercased() }
    }

    /// The largest message the server accepts, in octets (`SIZE 52428800`); nil when SIZE is not
    /// listed, lists no number, or lists 0 (no fixed limit, RFC 1870 §4).
    public var maximumMessageSize: Int? {
        guard let value = table["SIZE"]?.first, let size = Int(value), size > 0 else { return nil }
        return size
    }

    /// Equal when the name, the kind of greeting and every extension are the same.
    public static func == (lhs: SMTPCapabilities, rhs: SMTPCapabilities) -> Bool {
        lhs.serverName == rhs.serverName && lhs.isExtended == rhs.isExtended && lhs.order == rhs.order
            && lhs.table == rhs.table
    }

    /// Hashes the name and the keywords.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(serverName)
        hasher.combine(order)
    }
}
