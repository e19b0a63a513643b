import TerminalKit
import TernConfig

/// The editing commands of a prompt (`cursor-left` ... `delete-to-end`): one value per name, each
/// applying the matching edit of TerminalKit's text field.
public struct PromptEditCommand: UICommand {
    /// The command.
    public let name: CommandName
    /// Where it works.
    public var contexts: Set<KeyContext> { [.prompt] }

    /// The key whose built-in edit (`TextFieldState`) each command performs.
    static let edits: [CommandName: TerminalKit.Key] = [
        .cursorLeft: .left, .cursorRight: .right, .cursorStart: .home, .cursorEnd: .end,
        .wordLeft: .alt("b"), .wordRight: .alt("f"), .deleteBackward: .backspace, .deleteForward: .delete,
        .deleteWordBackward: .ctrl("w"), .deleteToStart: .ctrl("u"), .deleteToEnd: .ctrl("k"),
    ]

    /// Every editing command.
    public static var all: [PromptEditCommand] { edits.keys.sorted { $0.rawValue < $1.rawValue }.map(PromptEditCommand.init) }

    /// Creates the command for `name`.
    /// - Precondition: `name` is one of the editing commands.
    public init(_ name: CommandName) {
        precondition(Self.edits[name] != nil, "\(name) is not a prompt editing command")
        self.name = name
    }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        guard let key = Self.edits[name], state.prompt != nil else { return [] }
        if state.prompt?.field.handle(key) == .edited { state.promptTextChanged() }
        return []
    }
}
