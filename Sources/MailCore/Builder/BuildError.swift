/// Why a message could not be built. Each case names the field and the problem.
public enum BuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A header value or name contains CR, LF or another control character (header injection).
    case controlCharacter(field: String)
    /// An address is not a usable `local@domain` mailbox.
    case invalidAddress(field: String, address: String)
    /// A header name is not valid (RFC 5322 §2.2: printable ASCII without `:`), or is one the
    /// builder writes itself.
    case invalidHeaderName(String)
    /// The message has no recipient in To, Cc or Bcc.
    case noRecipients

    public var description: String {
        switch self {
        case .controlCharacter(let field):
            "The \(field) contains a line break or control character; remove it (a header cannot contain CR or LF)."
        case .invalidAddress(let field, let address):
            "The \(field) address \"\(TextSanitizer.headerText(address))\" is not a valid mailbox (expected local-part@domain)."
        case .invalidHeaderName(let name):
            "\"\(TextSanitizer.headerText(name))\" cannot be used as an extra header name."
        case .noRecipients:
            "The message has no recipients: add at least one To, Cc or Bcc address."
        }
    }
}
