/// One mailbox: an optional display name and an address (RFC 5322 §3.4, RFC 6532).
///
/// `address` is `local-part@domain` as shown to a person: a domain written in IDNA ASCII form
/// (`xn--...` labels, RFC 5891) is decoded to Unicode for display; ``asciiAddress`` gives the ASCII
/// form for the wire. An `Address` whose `address` is empty stands for a list entry that could not
/// be parsed (its raw text is in `name`): it is shown but never used as a recipient.
public struct Address: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The display name (already RFC 2047-decoded and sanitised), or nil when there is none.
    public var name: String?
    /// The address, `local-part@domain`, with the domain in Unicode form; empty when unparseable.
    public var address: String

    /// An address from its parts. An empty `name` is stored as nil.
    ///
    /// - Parameters:
    ///   - name: The display name, or nil.
    ///   - address: `local-part@domain`.
    public init(name: String? = nil, address: String) {
        self.name = (name?.isEmpty ?? true) ? nil : name
        self.address = address
    }

    /// The part before the last `@` (the whole address when there is no `@`).
    public var localPart: Substring {
        guard let at = address.lastIndex(of: "@") else { return Substring(address) }
        return address[..<at]
    }

    /// The part after the last `@`, or an empty string.
    public var domain: Substring {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return address[address.index(after: at)...]
    }

    /// True when the address has a local part and a domain, so that mail can be sent to it.
    public var isUsable: Bool {
        !address.isEmpty && !localPart.isEmpty && !domain.isEmpty
    }

    /// The address with its domain in IDNA ASCII form (`xn--` labels), for SMTP and headers.
    public var asciiAddress: String {
        guard !domain.isEmpty else { return address }
        return String(localPart) + "@" + Punycode.toASCII(domain: String(domain))
    }

    /// The address lower-cased for comparisons (same mailbox, whatever the case of the domain).
    ///
    /// The local part is compared case-insensitively too, as practically every server treats it.
    public var comparisonKey: String { asciiAddress.lowercased() }

    /// True when both name the same mailbox (see ``comparisonKey``).
    public func isSameMailbox(as other: Address) -> Bool { comparisonKey == other.comparisonKey }

    /// `Name <address>` or just `address`, for display (not for a header: see ``AddressEncoder``).
    public var description: String {
        if address.isEmpty { return name ?? "" }
        if let name { return "\(name) <\(address)>" }
        return address
    }

    /// Parses an address list header value (To, Cc, From, ...) and flattens groups into their members.
    ///
    /// Unparseable entries are kept as addresses with an empty `address` and their raw text as
    /// `name`, so that a person still sees them; see ``AddressList/parse(_:)`` for the structure.
    /// - Parameter text: The unfolded header value (not RFC 2047-decoded: encoded words are decoded
    ///   inside display names only, as RFC 2047 §5 allows).
    public static func parseList(_ text: String) -> [Address] {
        // Most lists are plain `Name <a@b>` entries: read those without the full grammar.
        if let plain = PlainAddressList.parse(text) { return plain }
        return AddressList.parse(text).flatMap(\.addresses)
    }

    /// Parses a single mailbox such as `Ann <ann@example.org>`, or nil when the text is not
    /// exactly one valid mailbox.
    public static func parse(_ text: String) -> Address? {
        let items = AddressList.parse(text)
        guard items.count == 1, case .mailbox(let a) = items[0], a.isUsable else { return nil }
        return a
    }
}
