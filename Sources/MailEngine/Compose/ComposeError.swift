import MailCore

/// Why a draft could not be started, read back or turned into a message. Each case says what was
/// wrong and what to do.
public enum ComposeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A reply to the list was asked for a message without a usable `List-Post` (RFC 2369).
    case noListPost
    /// The list says posting is not allowed (`List-Post: NO`).
    case listPostingNotAllowed
    /// An attached file cannot be read when the message is built.
    case attachmentUnreadable(name: String, path: String, reason: String)
    /// A file to attach cannot be used.
    case cannotAttach(path: String, reason: String)
    /// The signature file or command failed.
    case signature(String)
    /// The message could not be built (an invalid address, a control character, no recipients).
    case build(BuildError)

    public var description: String {
        switch self {
        case .noListPost:
            return "This message has no List-Post header with a mailto: address, so there is no list to reply to; "
                + "use reply (r) or reply to all (g) instead."
        case .listPostingNotAllowed:
            return "The list does not accept posts (List-Post: NO); reply to the sender (r) instead."
        case .attachmentUnreadable(let name, let path, let reason):
            return "The attachment \"\(TextSanitizer.headerText(name))\" (\(TextSanitizer.headerText(path))) cannot be sent: "
                + "\(reason). Attach it again or remove it."
        case .cannotAttach(let path, let reason):
            return "Cannot attach \(TextSanitizer.headerText(path)): \(reason)."
        case .signature(let message):
            return message
        case .build(let error):
            return error.description
        }
    }
}
