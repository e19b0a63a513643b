/// One address of an ENVELOPE (RFC 9051 §7.5.2), its four fields as the server sent them
/// (raw bytes: the name may hold RFC 2047 encoded words or, on some servers, raw 8-bit text).
///
/// ```
/// ("Ann Example" NIL "ann" "example.org")
/// ```
///
/// RFC 822 group syntax appears as a marker with a nil ``host``: a non-nil ``mailbox`` starts a
/// group (it holds the group's name), a nil one ends it.
public struct IMAPAddress: Hashable, Sendable {
    /// The display name (`addr-name`).
    public var name: [UInt8]?
    /// The source route (`addr-adl`), obsolete.
    public var adl: [UInt8]?
    /// The local part (`addr-mailbox`), or the group name of a group start.
    public var mailbox: [UInt8]?
    /// The domain (`addr-host`), or nil for a group marker.
    public var host: [UInt8]?

    /// An address from its fields.
    public init(name: [UInt8]?, adl: [UInt8]?, mailbox: [UInt8]?, host: [UInt8]?) {
        self.name = name
        self.adl = adl
        self.mailbox = mailbox
        self.host = host
    }

    /// True for the marker that starts a group.
    public var isGroupStart: Bool { host == nil && mailbox != nil }
    /// True for the marker that ends a group.
    public var isGroupEnd: Bool { host == nil && mailbox == nil }
}

extension GrammarParser {
    // address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
    // addr-name = nstring ; addr-adl = nstring ; addr-mailbox = nstring ; addr-host = nstring
    /// One address.
    mutating func parseAddress() throws(ParseFailure) -> IMAPAddress {
        try openList()
        let name = optionalBytes(of: try parseNString())
        try parseSpace()
        let adl = optionalBytes(of: try parseNString())
        try parseSpace()
        let mailbox = optionalBytes(of: try parseNString())
        try parseSpace()
        let host = optionalBytes(of: try parseNString())
        try closeList()
        return IMAPAddress(name: name, adl: adl, mailbox: mailbox, host: host)
    }

    // env-from = "(" 1*address ")" / nil   (and the other address lists)
    /// A list of addresses; `NIL` and `()` give an empty list. Spaces between addresses (sent
    /// by some servers) are accepted.
    mutating func parseAddressList() throws(ParseFailure) -> [IMAPAddress] {
        if consumeNIL() { return [] }
        try openList()
        var addresses: [IMAPAddress] = []
        while true {
            skipSpaces()
            if consume(ASCII.closeParen) {
                depth -= 1
                return addresses
            }
            // A NIL inside the list is a server bug seen in the wild; skip it.
            if consumeNIL() { continue }
            addresses.append(try parseAddress())
        }
    }
}
