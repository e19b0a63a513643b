/// A `-ERR` answer: the server refused a command (RFC 1939 §3).
public struct POP3ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command as a trace shows it (`RETR 3`, `PASS ****`), or `greeting`.
    public var command: String
    /// The `-ERR` line.
    public var statusLine: POP3StatusLine

    /// An error from the command and the server's line.
    public init(command: String, statusLine: POP3StatusLine) {
        self.command = command
        self.statusLine = statusLine
    }

    /// The server's text, made safe to display.
    public var message: String { statusLine.text }

    /// The RFC 2449 / RFC 3206 response code, if the server gave one.
    public var responseCode: POP3ResponseCode? { statusLine.responseCode }

    /// What the server refused and what it said.
    public var description: String {
        let said = message.isEmpty ? "no reason given" : "\"\(message)\""
        return "The POP3 server refused \(command): \(said)."
    }
}
