import MailCore
import TernConfig

/// `check-mail`: syncs the open folder, downloads new mail for every account that downloads
/// (POP3: its inbox is synced, which downloads first, whichever folder is open) and lists every
/// account's folders again, in the background. A synced inbox that is shown is reloaded when
/// mail arrived; the sidebar's counts follow the sync's events.
public struct CheckMailCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `check-mail`.
    public var name: CommandName { .checkMail }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        var effects: [Effect] = state.accounts.map { .loadFolders(account: $0.name) }
        let open = state.folder?.key
        if let open { effects.append(.sync(open)) }
        for account in state.accounts where account.downloadsMail {
            let inbox = FolderKey(account: account.name, path: .inbox)
            if inbox != open { effects.append(.sync(inbox)) }
        }
        state.show(.info, "Checking for new mail")
        return effects
    }
}
