/// The ENVELOPE of a message (RFC 9051 §7.5.2): its main header fields as the server parsed
/// them, kept as raw bytes. ``mailEnvelope(fallback:)`` decodes them for display.
///
/// ```
/// S: * 12 FETCH (ENVELOPE ("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)" "IMAP4rev1 WG mtg summary"
///    (("Terry Gray" NIL "gray" "cac.washington.edu")) ... "<B27397-0100000@cac.washington.edu>"))
/// ```
public struct IMAPEnvelope: Hashable, Sendable {
    /// The `Date` field as written.
    public var date: [UInt8]?
    /// The `Subject` field as written (may hold RFC 2047 encoded words).
    public var subject: [UInt8]?
    /// `From`.
    public var from: [IMAPAddress]
    /// `Sender` (servers fill it with From when absent).
    public var sender: [IMAPAddress]
    /// `Reply-To` (servers fill it with From when absent).
    public var replyTo: [IMAPAddress]
    /// `To`.
    public var to: [IMAPAddress]
    /// `Cc`.
    public var cc: [IMAPAddress]
    /// `Bcc`.
    public var bcc: [IMAPAddress]
    /// `In-Reply-To` as written.
    public var inReplyTo: [UInt8]?
    /// `Message-ID` as written.
    public var messageID: [UInt8]?

    /// An envelope from its fields.
    public init(date: [UInt8]? = nil, subject: [UInt8]? = nil, from: [IMAPAddress] = [], sender: [IMAPAddress] = [],
                replyTo: [IMAPAddress] = [], to: [IMAPAddress] = [], cc: [IMAPAddress] = [], bcc: [IMAPAddress] = [],
                inReplyTo: [UInt8]? = nil, messageID: [UInt8]? = nil) {
        self.date = date
        self.subject = subject
        self.from = from
        self.sender = sender
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.inReplyTo = inReplyTo
        self.messageID = messageID
    }
}

extension GrammarParser {
    // envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP
    //            env-cc SP env-bcc SP env-in-reply-to SP env-message-id ")"
    // env-date = nstring ; env-subject = nstring ; env-in-reply-to = nstring ; env-message-id = nstring
    /// An envelope.
    mutating func parseEnvelope() throws(ParseFailure) -> IMAPEnvelope {
        try openList()
        skipSpaces()
        let date = optionalBytes(of: try parseNString())
        try parseSpace()
        let subject = optionalBytes(of: try parseNString())
        try parseSpace()
        let from = try parseAddressList()
        try parseSpace()
        let sender = try parseAddressList()
        try parseSpace()
        let replyTo = try parseAddressList()
        try parseSpace()
        let to = try parseAddressList()
        try parseSpace()
        let cc = try parseAddressList()
        try parseSpace()
        let bcc = try parseAddressList()
        try parseSpace()
        let inReplyTo = optionalBytes(of: try parseNString())
        try parseSpace()
        let messageID = optionalBytes(of: try parseNString())
        try closeList()
        return IMAPEnvelope(date: date, subject: subject, from: from, sender: sender, replyTo: replyTo, to: to, cc: cc,
                            bcc: bcc, inReplyTo: inReplyTo, messageID: messageID)
    }
}
