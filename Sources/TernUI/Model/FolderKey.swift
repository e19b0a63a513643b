import MailCore

/// A folder of an account: what the message list shows and what requests to a backend name.
public struct FolderKey: Hashable, Sendable, CustomStringConvertible {
    /// The account's name in the config.
    public var account: String
    /// The folder within the account.
    public var path: MailboxPath

    /// Creates a key.
    public init(account: String, path: MailboxPath) {
        self.account = account
        self.path = path
    }

    /// `account/INBOX`.
    public var description: String { "\(account)/\(path)" }
}
