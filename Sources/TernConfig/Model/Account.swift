import MailCore

/// One `[accounts.NAME]` table: where its mail is, how it sends, and who it sends as.
///
/// `description` and `debugDescription` show the account's name, kind and endpoints, never a
/// password or token source.
public struct Account: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The account's name, the `NAME` in `[accounts.NAME]`.
    public var name: String
    /// The main sender address (`from`, required).
    public var from: Address
    /// Whether `default = true` was written, or the account was chosen as the default
    /// (see ``Configuration/defaultAccount``).
    public var isDefault: Bool
    /// Where the mail is: IMAP, POP3 or Maildir.
    public var source: MailSource
    /// How mail is sent, or nil if the account cannot send.
    public var outgoing: OutgoingTransport?
    /// Every sender identity: first the `from` address, then `identities` in file order.
    public var identities: [Identity]
    /// Folder names for special roles that override discovery (`[accounts.NAME.folders]`).
    public var folders: [FolderRole: String]
    /// Where the signature comes from, or nil for none.
    public var signature: SignatureSource?
    /// How often mail is checked in the background (`sync_interval`); zero means only on request.
    public var syncInterval: Duration

    /// Creates an account.
    public init(
        name: String, from: Address, isDefault: Bool = false, source: MailSource,
        outgoing: OutgoingTransport? = nil, identities: [Identity]? = nil, folders: [FolderRole: String] = [:],
        signature: SignatureSource? = nil, syncInterval: Duration = ConfigDefaults.syncInterval
    ) {
        self.name = name
        self.from = from
        self.isDefault = isDefault
        self.source = source
        self.outgoing = outgoing
        self.identities = identities ?? [Identity(name: nil, address: from)]
        self.folders = folders
        self.signature = signature
        self.syncInterval = syncInterval
    }

    /// `NAME (imap host:993 (tls) user alice; smtp host:465 (tls) user alice)`; no credentials.
    public var description: String {
        var parts = [source.description]
        if let outgoing { parts.append(outgoing.description) }
        return "\(name) (\(parts.joined(separator: "; ")))"
    }

    /// The same as `description`.
    public var debugDescription: String { description }
}
