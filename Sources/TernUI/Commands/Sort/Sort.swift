import TernConfig

/// `sort`: asks for the field to sort by: (d)ate, (f)rom, (s)ubject, si(z)e, (t)hread;
/// `:sort reverse-size` sorts at once.
public struct SortCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `sort`.
    public var name: CommandName { .sort }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.list] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        SortChoice.run(&state, reverse: false, argument: invocation.argument)
    }
}

/// What `sort` and `sort-reverse` share.
enum SortChoice {
    static func run(_ state: inout AppState, reverse: Bool, argument: String?) -> [Effect] {
        if let argument, !argument.isEmpty {
            guard var order = TernConfig.SortOrder(argument).map(ListOrder.init) else {
                state.show(.error, "cannot sort by \"\(argument)\"; use one of \(TernConfig.SortOrder.allNames.joined(separator: ", "))")
                return []
            }
            if reverse { order.reverse.toggle() }
            return state.setOrder(order)
        }
        state.choice = ChoiceState(purpose: .sort(reverse: reverse),
                                   question: reverse ? "Reverse sort by (d)ate, (f)rom, (s)ubject, si(z)e or (t)hread?"
                                       : "Sort by (d)ate, (f)rom, (s)ubject, si(z)e or (t)hread?",
                                   choices: ["d", "f", "s", "z", "t"])
        return []
    }
}
