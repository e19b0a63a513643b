import MailCore
import TerminalKit

/// What a text prompt's answer is for.
public enum PromptPurpose: Hashable, Sendable {
    /// Search the list (or a page) forward or backward.
    case search(backward: Bool)
    /// Limit the list to matching messages.
    case limit
    /// Tag matching messages.
    case tagPattern
    /// Untag matching messages.
    case untagPattern
    /// Move these messages to the folder typed.
    case moveTo([UID])
    /// Copy these messages to the folder typed.
    case copyTo([UID])
    /// Open the folder typed.
    case changeFolder
    /// Run a command by name (`:`).
    case commandLine
    /// A prompt of the viewer (save path, pipe command, link number).
    case viewer(ViewerPrompt)
    /// A field of the composer (Compose/ComposerPrompt.swift).
    case composer(ComposerPrompt)

    /// The history this prompt shares with others of its kind.
    public var historyKind: String {
        switch self {
        case .search, .limit, .tagPattern, .untagPattern: return "query"
        case .moveTo, .copyTo, .changeFolder: return "folder"
        case .commandLine: return "command"
        case .viewer(let purpose): return purpose.historyKind
        case .composer(let field): return field.historyKind
        }
    }

    /// Whether Tab completes folder names.
    public var completesFolders: Bool { historyKind == "folder" }
}

/// A one-line prompt at the bottom of the screen, with completion and history.
public struct PromptState: Sendable {
    /// What the answer is for.
    public var purpose: PromptPurpose
    /// The label before the field (the program's own text).
    public var label: String
    /// The text being typed.
    public var field: TextFieldState
    /// The completions offered for the text, shown above the prompt.
    public var completions: [String] = []
    /// The completion Tab last put into the field.
    public var completionIndex: Int?
    /// The position in the history while browsing it with Up/Down (nil: the line being typed).
    public var historyIndex: Int?
    /// The line being typed before browsing the history.
    public var draft = ""

    /// Creates a prompt.
    public init(purpose: PromptPurpose, label: String, text: String = "") {
        self.purpose = purpose
        self.label = label
        self.field = TextFieldState(text: text)
    }
}

/// A question answered with one key (`Sort by (d)ate, (f)rom...?`).
public struct ChoiceState: Hashable, Sendable {
    /// What the answer is for.
    public enum Purpose: Hashable, Sendable {
        /// Choose the sort order (reversed or not).
        case sort(reverse: Bool)
        /// A question of the viewer (replace a file?).
        case viewer(ViewerChoice)
        /// A question of the composer or the outbox (Compose/).
        case compose(ComposeChoice)
    }

    /// What the answer is for.
    public var purpose: Purpose
    /// The question.
    public var question: String
    /// The keys that answer.
    public var choices: [Character]
}
