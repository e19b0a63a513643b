import MailCore

/// A mailbox name as it travels on the wire: modified UTF-7 (RFC 3501 §5.1.3) or, once
/// `UTF8=ACCEPT` is enabled, UTF-8 (RFC 6855). `INBOX` in any case is stored as `INBOX`
/// (RFC 9051 §5.1).
///
/// ```
/// C: A5 SELECT "Entw&APw-rfe"
/// ```
public struct MailboxName: Hashable, Sendable, CustomStringConvertible {
    /// The bytes as sent or received.
    public let bytes: [UInt8]

    /// A name from its wire bytes.
    public init(bytes: [UInt8]) {
        if bytes.count == 5, bytes.map(ASCII.upper) == Array("INBOX".utf8) {
            self.bytes = Array("INBOX".utf8)
        } else {
            self.bytes = bytes
        }
    }

    /// The wire form of a name: modified UTF-7, or UTF-8 when `utf8` is true.
    ///
    /// - Parameters:
    ///   - name: The name as a person reads it (`Entwürfe`, `Archive/2024`).
    ///   - utf8: True once `UTF8=ACCEPT` is enabled.
    public init(_ name: String, utf8: Bool = false) {
        self.init(bytes: utf8 ? Array(name.utf8) : ModifiedUTF7.encode(name))
    }

    /// `INBOX`.
    public static let inbox = MailboxName(bytes: Array("INBOX".utf8))

    /// True for the inbox.
    public var isInbox: Bool { self == .inbox }

    /// The name as a person reads it.
    ///
    /// - Parameter utf8: True once `UTF8=ACCEPT` is enabled (the bytes are then UTF-8 as they
    ///   are); nil to guess: valid modified UTF-7 is decoded, anything else read as UTF-8.
    public func displayName(utf8: Bool? = nil) -> String {
        if utf8 != true, let decoded = ModifiedUTF7.decode(bytes) { return decoded }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The path of the name for a hierarchy delimiter (`Archive/2024` with `/` gives
    /// `["Archive", "2024"]`); the whole name is one component when there is no delimiter.
    public func path(delimiter: Character?, utf8: Bool? = nil) -> MailboxPath {
        let text = displayName(utf8: utf8)
        guard let delimiter else { return MailboxPath([text]) }
        return MailboxPath(text, separator: delimiter)
    }

    /// The wire name of a path for a hierarchy delimiter.
    public init(path: MailboxPath, delimiter: Character?, utf8: Bool = false) {
        if path.isInbox {
            self = .inbox
            return
        }
        self.init(path.components.joined(separator: delimiter.map(String.init) ?? ""), utf8: utf8)
    }

    /// The name as text (guessing the encoding), for messages.
    public var description: String { displayName() }
}

extension GrammarParser {
    // mailbox = "INBOX" / astring
    /// A mailbox name.
    mutating func parseMailbox() throws(ParseFailure) -> MailboxName {
        MailboxName(bytes: bytes(of: try parseAString()))
    }

    // list-mailbox = 1*list-char / string  (in LIST responses servers send astrings)
    /// A mailbox name in a LIST response, where some servers leave `%` and `*` unquoted.
    mutating func parseListMailbox() throws(ParseFailure) -> MailboxName {
        guard let first = peek() else { throw failure("a mailbox name") }
        if first == ASCII.quote || first == ASCII.openBrace || first == ASCII.tilde {
            return MailboxName(bytes: bytes(of: try parseString()))
        }
        let start = index
        while index < end, ASCII.isListChar(bytes[index]) { index += 1 }
        guard index > start else { throw failure("a mailbox name") }
        return MailboxName(bytes: Array(bytes[start..<index]))
    }
}

// MARK: - Encoding

extension CommandBuffer {
    // mailbox = "INBOX" / astring
    /// Writes a mailbox name as an astring.
    mutating func write(mailbox: MailboxName) {
        write(astring: mailbox.bytes)
    }
}
