import MailCore
import TernConfig

/// `change-account`: opens the inbox of the next account (`:change-account NAME` of that one).
public struct ChangeAccountCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `change-account`.
    public var name: CommandName { .changeAccount }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        let names = state.accounts.map(\.name)
        let target: String
        if let argument = invocation.argument, !argument.isEmpty {
            guard names.contains(argument) else {
                state.show(.error, "no account \"\(argument)\"; accounts: \(names.joined(separator: ", "))")
                return []
            }
            target = argument
        } else {
            guard names.count > 1 else {
                state.show(.info, "There is only one account")
                return []
            }
            let current = state.folder.flatMap { names.firstIndex(of: $0.key.account) } ?? 0
            target = names[(current + 1) % names.count]
        }
        state.focus = .list
        return state.openFolder(FolderKey(account: target, path: .inbox))
    }
}
