import MailCore

/// Errors of account backends, for the user: what failed, where, and what to do.
public enum BackendError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The backend cannot do this (e.g. folder management on a POP3 account).
    case unsupported(String, account: String)
    /// No such folder in the account.
    case noSuchFolder(MailboxPath, account: String)
    /// No such message in the folder (it may have been deleted elsewhere).
    case noSuchMessage(UID, folder: MailboxPath)
    /// The server or disk refused; `reason` is its words, with no secret in them.
    case failed(String)

    public var description: String {
        switch self {
        case .unsupported(let what, let account):
            "account \"\(account)\" does not support \(what)"
        case .noSuchFolder(let folder, let account):
            "account \"\(account)\" has no folder \"\(folder)\" (see `tern folders --account \(account)`)"
        case .noSuchMessage(let uid, let folder):
            "folder \"\(folder)\" has no message with uid \(uid) (it may have been deleted; run `tern sync`)"
        case .failed(let reason):
            reason
        }
    }
}
