import TernConfig

/// `first`: goes to the first line (O(1) in the number of messages).
public struct FirstCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `first`.
    public var name: CommandName { .first }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .viewer, .attachments, .urls, .help, .composer, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if invocation.context == .composer {
            state.selectAttachment(by: .min)
            return []
        }
        state.move(.top, in: invocation.context)
        return []
    }
}
