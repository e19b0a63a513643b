/// The server broke the protocol: it sent something that is not what the command allows, or
/// more than the limits accept. The session cannot continue; the connection must be closed.
public struct POP3ProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of misbehaviour.
    public enum Kind: Equatable, Sendable {
        /// A line that does not follow the grammar of the expected response.
        case malformedResponse
        /// A unique id that is empty, longer than allowed or has a byte outside 0x21-0x7E.
        case invalidUniqueID
        /// A line longer than the limit.
        case lineTooLong(limit: Int)
        /// A listing with more lines than the limit.
        case tooManyLines(limit: Int)
        /// Message text longer than the limit.
        case messageTooLarge(limit: Int)
        /// A SASL challenge (`+ `) where none can come.
        case unexpectedContinuation
        /// Bytes when no command is waiting for an answer.
        case unsolicitedData
        /// The connection closed before the answer was complete.
        case closedByServer
    }

    /// What went wrong.
    public var kind: Kind
    /// Which answer it was (`the greeting`, `the answer to UIDL`).
    public var context: String
    /// What the grammar allows there.
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
        case .malformedResponse: text = "The POP3 server sent a malformed line in \(context)"
        case .invalidUniqueID: text = "The POP3 server sent an invalid unique id in \(context)"
        case .lineTooLong(let limit): text = "The POP3 server sent a line longer than \(limit) bytes in \(context)"
        case .tooManyLines(let limit): text = "The POP3 server sent more than \(limit) lines in \(context)"
        case .messageTooLarge(let limit): text = "The POP3 server sent more than \(limit) bytes in \(context)"
        case .unexpectedContinuation: text = "The POP3 server sent a SASL challenge in \(context)"
        case .unsolicitedData: text = "The POP3 server sent data when no command was waiting"
        case .closedByServer: text = "The POP3 server closed the connection during \(context)"
        }
        text += "; expected \(expected)"
        if !received.isEmpty { text += ", received \"\(received)\"" }
        return text + ". The connection was closed; try again, and report the server if it persists."
    }
}
