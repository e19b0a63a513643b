import TernConfig

/// `forward-as-attachment`: forwards the whole message attached as message/rfc822.
public struct ForwardAsAttachmentCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `forward-as-attachment`.
    public var name: CommandName { .forwardAsAttachment }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.startCompose(.forward(attached: true), in: invocation.context)
    }
}
