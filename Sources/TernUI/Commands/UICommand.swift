import TernConfig

/// How a command was invoked.
public struct CommandInvocation: Hashable, Sendable {
    /// The key context it was invoked in (the command may behave differently per context).
    public var context: KeyContext
    /// `;` came first: act on every tagged message.
    public var useTagged: Bool
    /// What followed the command's name on the `:` command line.
    public var argument: String?

    /// Creates an invocation.
    public init(context: KeyContext, useTagged: Bool = false, argument: String? = nil) {
        self.context = context
        self.useTagged = useTagged
        self.argument = argument
    }
}

/// One command of the UI: a value that names its ``CommandName``, says where it works, and runs as a
/// change of ``AppState`` plus the ``Effect``s it asks for. Tested without a terminal.
///
/// Each command lives in its own file, named after it (`Commands/Messages/ToggleFlag.swift` holds
/// `ToggleFlagCommand`), and is listed in ``CommandRegistry/standard``.
public protocol UICommand: Sendable {
    /// The name keymaps bind.
    var name: CommandName { get }
    /// The contexts where it works (``KeyContext/global`` means every context that inherits it).
    var contexts: Set<KeyContext> { get }
    /// Runs the command.
    /// - Parameters:
    ///   - invocation: the context, `;`, and a command-line argument.
    ///   - state: the UI state to change.
    /// - Returns: what the runtime must do (loads, backend changes).
    func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect]
}

/// The commands the UI knows, by name.
public struct CommandRegistry: Sendable {
    private var commands: [CommandName: any UICommand] = [:]

    /// Creates a registry of `commands`.
    public init(_ commands: [any UICommand]) {
        for command in commands { register(command) }
    }

    /// Adds (or replaces) a command.
    public mutating func register(_ command: any UICommand) {
        commands[command.name] = command
    }

    /// The command called `name`, if this build has it.
    public func command(_ name: CommandName) -> (any UICommand)? {
        commands[name]
    }

    /// Whether this build implements `name`.
    public func implements(_ name: CommandName) -> Bool {
        commands[name] != nil
    }
}
