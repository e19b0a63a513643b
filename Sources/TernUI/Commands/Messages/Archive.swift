import MailCore
import TernConfig

/// `archive`: moves the message (or, after `;`, the tagged ones) to the account's archive folder
/// (`[accounts.NAME.folders] archive`, else the folder the server marks \Archive).
public struct ArchiveCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `archive`.
    public var name: CommandName { .archive }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        let uids = state.targets(useTagged: invocation.useTagged)
        guard !uids.isEmpty, let key = state.folder?.key, let account = state.account(key.account) else { return [] }
        guard let archive = account.folder(withRole: .archive) else {
            state.show(.error, "\(key.account) has no archive folder; name one with `archive = \"FOLDER\"` in [accounts.\(key.account).folders]")
            return []
        }
        if archive == key.path {
            state.show(.info, "This is the archive folder")
            return []
        }
        if invocation.context == .viewer { state.popScreen() }
        return [.perform(.move(to: archive), uids: uids, in: key)]
    }
}
