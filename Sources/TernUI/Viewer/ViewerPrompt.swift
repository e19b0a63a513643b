import MailCore

/// What a prompt opened by the viewer is for (``PromptPurpose/viewer(_:)``).
public enum ViewerPrompt: Hashable, Sendable {
    /// Save part `number` of the attachment screen's message to the path typed.
    case saveAttachment(number: String)
    /// Save every attachment into the folder typed.
    case saveAll
    /// Pipe to the command typed.
    case pipe(PipeTarget)
    /// Open the URL with the number typed.
    case openURL

    /// The history the prompt shares with others of its kind.
    public var historyKind: String {
        switch self {
        case .saveAttachment, .saveAll: return "path"
        case .pipe: return "pipe"
        case .openURL: return "url"
        }
    }
}

/// What `|` pipes.
public enum PipeTarget: Hashable, Sendable {
    /// The message in the viewer, as it is (its raw bytes).
    case shownMessage
    /// Part `number` of the attachment screen's message, decoded.
    case part(number: String)
    /// A message of the list, loaded first.
    case message(MessageReference)
}

/// What a yes/no question of the viewer is for (``ChoiceState/Purpose/viewer(_:)``).
public enum ViewerChoice: Hashable, Sendable {
    /// The file exists: replace it (`y`) or not.
    case replace(SaveRequest)
    /// Some files of a save-all exist: replace them (`y`), keep both (`k`) or cancel.
    case replaceAll(SaveAllRequest)
}
