import TernConfig

/// `check-mail`: syncs the open folder and lists every account's folders again, in the background.
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
        if let key = state.folder?.key { effects.append(.sync(key)) }
        state.show(.info, "Checking for new mail")
        return effects
    }
}
