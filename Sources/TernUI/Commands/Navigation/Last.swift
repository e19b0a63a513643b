import TernConfig

/// `last`: goes to the last line (O(1) in the number of messages).
public struct LastCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `last`.
    public var name: CommandName { .last }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.sidebar, .list, .viewer, .attachments, .urls, .help, .composer, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if invocation.context == .composer {
            state.selectAttachment(by: .max)
            return []
        }
        state.move(.bottom, in: invocation.context)
        return []
    }
}
