/// The server broke the protocol: it sent something no reply may look like, a reply that makes
/// no sense where it came, or more than the limits accept. The session cannot continue; the
/// connection must be closed. Whether a message went out is unknown only if this happened after
/// the end of its data: ``context`` says where.
public struct SMTPProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of misbehaviour.
    public enum Kind: Equatable, Sendable {
        /// A line that is not a reply line (`250 text`, `250-text`).
        case malformedReply
        /// A line longer than the limit.
        case lineTooLong(limit: Int)
        /// A reply with more lines than the limit.
        case tooManyLines(limit: Int)
        /// A reply code that makes no sense for the command (334 to MAIL, 354 to RCPT).
        case unexpectedReply
        /// Bytes when no command was waiting for an answer.
        case unsolicitedData
        /// The connection closed before the answer was complete.
        case closedByServer
    }

    /// What went wrong.
    public var kind: Kind
    /// Which answer it was (`the greeting`, `the reply to RCPT TO:<bob@example.test>`).
    public var context: String
    /// What the protocol allows there.
    public var expected: String
    /// The start of what came instead, escaped so it is safe to display; empty when nothing came.
    public var received: String

    /// An error from its parts.
    public init(_ kind: Kind, context: String, expected: String, received: String = "") {
        self.kind = kind
        self.context = context
        self.expected = expected
        self.received = received
    }

    /// What was expected, what came, and that the connection ends.
    public var description: String {
        var text: String
        switch kind {
        case .malformedReply: text = "The SMTP server sent a malformed line in \(context)"
        case .lineTooLong(let limit): text = "The SMTP server sent a line longer than \(limit) bytes in \(context)"
        case .tooManyLines(let limit): text = "The SMTP server sent more than \(limit) lines in \(context)"
        case .unexpectedReply: text = "The SMTP server sent an unexpected reply in \(context)"
        case .unsolicitedData: text = "The SMTP server sent data when no command was waiting"
        case .closedByServer: text = "The SMTP server closed the connection during \(context)"
        }
        text += "; expected \(expected)"
        if !received.isEmpty { text += ", received \"\(received)\"" }
        return text + ". The connection was closed."
    }
}

/// The server refused a command of the session (not of a message transaction): the greeting
/// (554), EHLO and HELO, STARTTLS, AUTH, RSET, or anything with 421 (the server is closing).
public struct SMTPServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command as a trace shows it (`AUTH PLAIN ****`, `the greeting`).
    public var command: String
    /// The server's reply.
    public var reply: SMTPReply

    /// An error from its parts.
    public init(command: String, reply: SMTPReply) {
        self.command = command
        self.reply = reply
    }

    /// True for 4yz: the same thing may work later.
    public var isTransient: Bool { reply.isTransient }

    /// True for 421: the server is closing the connection.
    public var isServiceClosing: Bool { reply.code == 421 }

    /// `The SMTP server refused STARTTLS: 454 4.7.0 TLS not available`.
    public var description: String {
        if command == "the greeting" { return "The SMTP server refused the connection: \(reply)" }
        if isServiceClosing { return "The SMTP server closed the session during \(command): \(reply)" }
        return "The SMTP server refused \(command): \(reply)"
    }
}
