/// One entry of an address list (RFC 5322 §3.4 `address-list`): a mailbox, a group, or text that
/// could not be parsed as either.
public enum AddressListItem: Sendable, Hashable, Codable {
    /// A single mailbox.
    case mailbox(Address)
    /// A group (`Friends: a@b, c@d;`), possibly empty (`undisclosed-recipients:;`).
    case group(name: String, members: [Address])
    /// An entry that is not valid syntax and could not be read without guessing, with its raw
    /// text (sanitised). It never yields an address (the lesson of CVE-2023-27043).
    case unparsed(String)

    /// The mailboxes of this entry: the mailbox, the group's members, or for unparsed text one
    /// ``Address`` with an empty address and the text as its name.
    public var addresses: [Address] {
        switch self {
        case .mailbox(let a): [a]
        case .group(_, let members): members
        case .unparsed(let raw): raw.isEmpty ? [] : [Address(name: raw, address: "")]
        }
    }
}

/// Address-list parsing (RFC 5322 §3.4 with the obsolete syntax of §4.4 and RFC 6532 UTF-8).
public enum AddressList {
    /// Parses an address list, leniently where the meaning is clear and strictly where it is not.
    ///
    /// Accepted: quoted and unquoted display names (with dots), encoded-word names, comments as
    /// names (`a@b (Name)`), empty list elements (`a@b,, c@d`), groups including empty ones,
    /// route addresses (`<@relay:a@b>`, route dropped), domain literals, IDNA domains (decoded).
    /// Anything else (unbalanced quotes, brackets or parentheses, text after `>`, two addresses
    /// without a comma, `@` twice) becomes ``AddressListItem/unparsed(_:)``.
    /// - Parameter text: The unfolded header value.
    /// - Returns: The entries in order.
    public static func parse(_ text: String) -> [AddressListItem] {
        var parser = AddressParser(text)
        return parser.parseList()
    }
}
