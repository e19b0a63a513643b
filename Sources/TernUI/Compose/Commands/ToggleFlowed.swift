import TernConfig

/// `toggle-flowed`: sends the text as format=flowed (RFC 3676) or not.
public struct ToggleFlowedCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `toggle-flowed`.
    public var name: CommandName { .toggleFlowed }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.composer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        state.toggleFlowed()
    }
}
