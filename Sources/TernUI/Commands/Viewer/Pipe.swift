import TernConfig

/// `pipe`: asks for a shell command and pipes the message (in the attachment screen: the selected part, decoded) to it; its output is shown.
public struct PipeMessageCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `pipe`.
    public var name: CommandName { .pipe }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer, .attachments] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startPipe(from: invocation.context, argument: invocation.argument)
    }
}
