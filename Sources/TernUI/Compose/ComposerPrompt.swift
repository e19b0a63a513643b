import MailCore

/// What a composer prompt's answer is for.
public enum ComposerPrompt: Hashable, Sendable {
    /// `m`: the recipients of a new message (then ``newSubject``).
    case newTo(account: String)
    /// `m`: the subject of a new message (then the editor).
    case newSubject(account: String)
    /// A header of the draft on top.
    case header(ComposerHeader)
    /// A file or glob pattern to attach.
    case attach
    /// The new name of attachment `index`.
    case rename(index: Int)
    /// The new MIME type of attachment `index`.
    case contentType(index: Int)
    /// The addresses to bounce a message to.
    case bounce(MessageReference)

    /// The history shared with prompts of the same kind.
    var historyKind: String {
        switch self {
        case .newTo, .bounce: return "address"
        case .header(let header): return header.isAddressList || header == .from ? "address" : "subject"
        case .newSubject: return "subject"
        case .attach: return "path"
        case .rename: return "file-name"
        case .contentType: return "content-type"
        }
    }

    /// What Tab completes.
    var completion: ComposeCompletion? {
        switch self {
        case .newTo, .bounce: return .address
        case .header(let header): return header.isAddressList ? .address : nil
        case .attach: return .path
        case .newSubject, .rename, .contentType: return nil
        }
    }
}

/// A header the review screen edits.
public enum ComposerHeader: String, Hashable, Sendable, CaseIterable {
    /// From (an identity, or any address typed).
    case from = "From"
    /// To.
    case to = "To"
    /// Cc.
    case cc = "Cc"
    /// Bcc.
    case bcc = "Bcc"
    /// Subject.
    case subject = "Subject"
    /// Reply-To.
    case replyTo = "Reply-To"

    /// Whether the field holds a list of addresses.
    var isAddressList: Bool { self == .to || self == .cc || self == .bcc || self == .replyTo }
}

/// Address lists written so they read back as they were: names with a comma, a semicolon or a
/// quote are quoted.
enum AddressText {
    /// `Ann <ann@example.org>, "Doe, John" <john@example.org>`.
    static func list(_ addresses: [Address]) -> String {
        addresses.map(one).joined(separator: ", ")
    }

    /// One address for a field.
    static func one(_ address: Address) -> String {
        guard let name = address.name, !name.isEmpty, !address.address.isEmpty else { return address.description }
        let special = name.contains { ",;<>@\"()[]:\\".contains($0) }
        guard special else { return "\(name) <\(address.address)>" }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\" <\(address.address)>"
    }
}
