import MailCore

/// One mailbox of a LIST or LSUB answer (RFC 9051 §7.3.1, RFC 5258 §3).
///
/// ```
/// S: * LIST (\HasChildren) "/" "Archive" ("CHILDINFO" ("SUBSCRIBED"))
/// ```
public struct MailboxListEntry: Hashable, Sendable {
    /// The attributes (`\Noselect`, `\HasChildren`, `\Sent`).
    public var attributes: [MailboxAttribute]
    /// The hierarchy delimiter, or nil for a flat namespace.
    public var delimiter: Character?
    /// The name on the wire.
    public var name: MailboxName
    /// CHILDINFO extended data (RFC 5258 §4): `SUBSCRIBED` when a child is subscribed.
    public var childInfo: [String]
    /// OLDNAME extended data (RFC 9051 §7.3.1): the name before a rename.
    public var oldName: MailboxName?

    /// An entry from its parts.
    public init(attributes: [MailboxAttribute], delimiter: Character?, name: MailboxName, childInfo: [String] = [],
                oldName: MailboxName? = nil) {
        self.attributes = attributes
        self.delimiter = delimiter
        self.name = name
        self.childInfo = childInfo
        self.oldName = oldName
    }

    /// False for `\Noselect` and `\NonExistent` names, which hold no messages.
    public var isSelectable: Bool {
        !attributes.contains(.noSelect) && !attributes.contains(.nonExistent)
    }

    /// The role from a SPECIAL-USE attribute, or `.inbox` for INBOX; nil otherwise.
    public var role: MailboxRole? {
        if name.isInbox { return .inbox }
        return attributes.lazy.compactMap(\.role).first
    }
}

extension GrammarParser {
    // mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
    //                [SP mbox-list-extended]
    // mbox-list-extended = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"
    // mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val
    /// A LIST or LSUB entry (after `LIST SP`).
    mutating func parseMailboxList() throws(ParseFailure) -> MailboxListEntry {
        var attributes: [MailboxAttribute] = []
        try parseList { parser throws(ParseFailure) in
            let start = parser.index
            _ = parser.consume(ASCII.backslash)
            _ = try parser.parseAtom()
            attributes.append(MailboxAttribute(parser.text(start..<parser.index)))
        }
        try parseSpace()
        var delimiter: Character?
        if !consumeNIL() {
            let value = bytes(of: try parseQuoted())
            if let first = value.first { delimiter = Character(Unicode.Scalar(first)) }
        }
        try parseSpace()
        let name = try parseListMailbox()
        var entry = MailboxListEntry(attributes: attributes, delimiter: delimiter, name: name)
        if peek() == ASCII.space, peek(at: 1) == ASCII.openParen {
            try parseSpace()
            try parseList { parser throws(ParseFailure) in
                let tag = parser.text(of: try parser.parseAString()).uppercased()
                try parser.parseSpace()
                switch tag {
                case "CHILDINFO":
                    try parser.parseList { inner throws(ParseFailure) in
                        entry.childInfo.append(inner.text(of: try inner.parseAString()))
                    }
                case "OLDNAME":
                    try parser.openList()
                    entry.oldName = try parser.parseMailbox()
                    try parser.closeList()
                default:
                    try parser.skipValue()
                }
            }
        }
        return entry
    }
}
