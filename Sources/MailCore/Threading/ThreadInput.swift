import Foundation

/// What the threader needs to know about one message, independent of how it was stored.
///
/// An adapter maps the library's envelope to this; `index` is whatever identifies the message to
/// the caller (a position in its list, a row id) and comes back in ``ThreadForest`` and
/// ``ThreadRow``.
public struct ThreadInput: Sendable, Equatable {
    /// The caller's identifier for the message, returned in the results.
    public var index: Int
    /// The Message-ID (RFC 5322 §3.6.4), with or without angle brackets; nil or empty when absent.
    public var messageID: String?
    /// The first message id of In-Reply-To, with or without angle brackets.
    public var inReplyTo: String?
    /// The message ids of References, oldest first.
    public var references: [String]
    /// The Subject, decoded.
    public var subject: String
    /// The Date, or nil when missing or unreadable.
    public var date: Date?

    /// A message as the threader sees it.
    public init(
        index: Int, messageID: String?, inReplyTo: String? = nil, references: [String] = [],
        subject: String = "", date: Date? = nil
    ) {
        self.index = index
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.subject = subject
        self.date = date
    }

    /// An id with white space and angle brackets removed (ids compare exactly otherwise).
    static func normalizedID(_ id: String?) -> String? {
        guard let id, let first = id.utf8.first, let last = id.utf8.last else { return nil }
        if first > 0x20, first != 0x3C, last > 0x20, last != 0x3E { return id }
        var v = Substring(id)
        while let f = v.first, f == " " || f == "\t" || f == "\r" || f == "\n" || f == "<" { v = v.dropFirst() }
        while let l = v.last, l == " " || l == "\t" || l == "\r" || l == "\n" || l == ">" { v = v.dropLast() }
        return v.isEmpty ? nil : String(v)
    }
}
