import IMAP
import MailCore

/// The server answered a command with NO or BAD. The session goes on.
public struct IMAPCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command as a trace shows it, without its tag (secrets hidden).
    public var command: String
    /// `.no` or `.bad`.
    public var status: ResponseStatus
    /// The response code, if any.
    public var code: ResponseCode?
    /// What the server said, sanitised for display.
    public var serverMessage: String

    /// An error from its parts.
    public init(command: String, status: ResponseStatus, code: ResponseCode?, serverMessage: String) {
        self.command = command
        self.status = status
        self.code = code
        self.serverMessage = serverMessage
    }

    /// What was refused, what the server said, and a hint for well-known codes.
    public var description: String {
        let verb = status == .bad ? "rejected" : "refused"
        var text = "The IMAP server \(verb) \(command)"
        if !serverMessage.isEmpty { text += ": \"\(serverMessage)\"" }
        switch code {
        case .nonExistent?, .tryCreate?: text += ". The folder does not exist"
        case .alreadyExists?: text += ". The folder exists already"
        case .noPermission?: text += ". The account lacks the permission"
        case .overQuota?: text += ". The mailbox is over its quota"
        case .inUse?, .unavailable?: text += ". This looks temporary: try again later"
        case .limit?: text += ". A server limit was reached"
        default: break
        }
        return text + "."
    }
}

/// The connection ended (the server said BYE, closed it, stopped answering, or broke the
/// protocol; or the client closed it). The session is over: reconnect, select again and
/// resynchronise. ``inFlight`` lists the commands that got no answer.
public struct IMAPConnectionLost: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why the connection ended.
    public enum Reason: Equatable, Sendable {
        /// The server said BYE; its text, sanitised.
        case bye(String)
        /// A network or TLS failure, a timeout, or the server closing without BYE.
        case transport(TransportError)
        /// The server sent something the protocol does not allow.
        case protocolViolation(IMAPProtocolError)
        /// The connection was closed by this client (close, logout, or after an earlier error).
        case closed
    }

    /// Why the connection ended.
    public var reason: Reason
    /// The server.
    public var host: String
    /// Its port.
    public var port: Int
    /// The commands sent and not answered, oldest first.
    public var inFlight: [InFlightCommand]

    /// An error from its parts.
    public init(reason: Reason, host: String, port: Int, inFlight: [InFlightCommand] = []) {
        self.reason = reason
        self.host = host
        self.port = port
        self.inFlight = inFlight
    }

    /// What happened, and which commands were cut off.
    public var description: String {
        var text: String
        switch reason {
        case .bye(let message): text = "The IMAP server \(host):\(port) closed the session (BYE \"\(message)\")"
        case .transport(let error): text = error.description.hasSuffix(".") ? String(error.description.dropLast()) : error.description
        case .protocolViolation(let error): text = error.description.hasSuffix(".") ? String(error.description.dropLast()) : error.description
        case .closed: text = "The IMAP connection to \(host):\(port) is closed"
        }
        if !inFlight.isEmpty {
            text += "; unanswered: " + inFlight.map { Self.withoutTag($0.traceText) }.joined(separator: ", ")
        }
        return text + "."
    }

    static func withoutTag(_ traceText: String) -> String {
        guard let space = traceText.firstIndex(of: " ") else { return traceText }
        return String(traceText[traceText.index(after: space)...])
    }
}

/// An IMAPConnection method cannot do what was asked with this server or these arguments;
/// nothing was sent.
public struct IMAPUsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public enum Kind: Equatable, Sendable {
        /// The server lacks a capability the call needs.
        case unsupported(Capability)
        /// An argument cannot be sent (an empty set, a flag with a space, ...).
        case invalidArgument(String)
        /// The call needs a selected mailbox.
        case noMailboxSelected
    }

    /// What was wrong.
    public var kind: Kind

    /// An error of a kind.
    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// What was wrong.
    public var description: String {
        switch kind {
        case .unsupported(let capability): "The IMAP server does not support \(capability)."
        case .invalidArgument(let reason): "Cannot send this IMAP command: \(reason)."
        case .noMailboxSelected: "No IMAP folder is selected: select one first."
        }
    }
}
