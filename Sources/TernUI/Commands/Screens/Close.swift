import TernConfig

/// `close`: closes the screen on top (help, the log, a message) and goes back.
public struct CloseCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `close`.
    public var name: CommandName { .close }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.viewer, .help, .attachments, .urls, .outbox] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        if state.topAttachments != nil {
            state.closeAttachments()
        } else {
            state.popScreen()
        }
        return []
    }
}
