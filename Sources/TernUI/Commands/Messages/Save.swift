import TernConfig

/// `save`: moves the message (or, after `;`, the tagged ones) to a folder asked for (Tab completes).
public struct SaveCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `save`.
    public var name: CommandName { .save }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list, .viewer] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        let uids = state.targets(useTagged: invocation.useTagged)
        guard !uids.isEmpty else { return [] }
        let noun = uids.count == 1 ? "" : " \(uids.count) messages"
        state.openPrompt(.moveTo(uids), label: "Move\(noun) to: ")
        if let argument = invocation.argument, !argument.isEmpty {
            state.prompt?.field.text = argument
            return state.submitPrompt()
        }
        return []
    }
}
