/// A command of the SMTP client (RFC 5321 §4.1) and its encoding, CRLF included.
///
/// ```
/// C: EHLO [127.0.0.1]
/// C: MAIL FROM:<alice@example.test> SIZE=2048 BODY=8BITMIME
/// C: RCPT TO:<bob@example.test>
/// C: DATA
/// ```
///
/// Arguments are checked by ``SMTPClient`` before a command is built (addresses by
/// ``SMTPPath``); the encoder only puts them together. What is secret (SASL responses) never
/// appears in ``traceText``.
public enum SMTPCommand: Sendable, Hashable {
    /// `EHLO domain` (RFC 5321 §4.1.1.1).
    case ehlo(String)
    /// `HELO domain`, for servers that do not know EHLO.
    case helo(String)
    /// `STARTTLS` (RFC 3207).
    case startTLS
    /// `AUTH mechanism [initial-response]` (RFC 4954 §4); the response is base64 text.
    case auth(mechanism: String, initialResponse: String?)
    /// A line answering a SASL challenge (base64 text, `*` to cancel, or empty).
    case saslResponse(String)
    /// `MAIL FROM:<path> [parameters]` (RFC 5321 §4.1.1.2); parameters such as `SIZE=2048`.
    case mail(from: String, parameters: [String])
    /// `RCPT TO:<path> [parameters]` (RFC 5321 §4.1.1.3).
    case recipient(String, parameters: [String])
    /// `DATA` (RFC 5321 §4.1.1.4).
    case data
    /// `RSET` (RFC 5321 §4.1.1.5).
    case rset
    /// `NOOP` (RFC 5321 §4.1.1.9).
    case noop
    /// `QUIT` (RFC 5321 §4.1.1.10).
    case quit

    /// The command's keyword (`MAIL`), for messages.
    public var keyword: String {
        switch self {
        case .ehlo: "EHLO"
        case .helo: "HELO"
        case .startTLS: "STARTTLS"
        case .auth: "AUTH"
        case .saslResponse: "AUTH response"
        case .mail: "MAIL"
        case .recipient: "RCPT"
        case .data: "DATA"
        case .rset: "RSET"
        case .noop: "NOOP"
        case .quit: "QUIT"
        }
    }

    /// The command line without CRLF, secrets included: only for ``encoded``.
    private var line: String {
        switch self {
        case .ehlo(let domain): "EHLO \(domain)"
        case .helo(let domain): "HELO \(domain)"
        case .startTLS: "STARTTLS"
        case .auth(let mechanism, let response?): "AUTH \(mechanism) \(response)"
        case .auth(let mechanism, nil): "AUTH \(mechanism)"
        case .saslResponse(let response): response
        case .mail(let from, let parameters): (["MAIL FROM:<\(from)>"] + parameters).joined(separator: " ")
        case .recipient(let to, let parameters): (["RCPT TO:<\(to)>"] + parameters).joined(separator: " ")
        case .data: "DATA"
        case .rset: "RSET"
        case .noop: "NOOP"
        case .quit: "QUIT"
        }
    }

    /// The bytes to send, CRLF included.
    public var encoded: [UInt8] {
        Array(line.utf8) + [0x0D, 0x0A]
    }

    /// The command as a protocol trace shows it: SASL data as `****`, everything else as sent.
    public var traceText: String {
        switch self {
        case .auth(let mechanism, .some): "AUTH \(mechanism) ****"
        case .saslResponse(let response): response.isEmpty || response == "*" ? response : "****"
        default: line
        }
    }
}

/// Bytes the client must send, and how a protocol trace shows them (one line per command, secrets
/// as `****`).
public struct SMTPOutbound: Sendable, Equatable {
    /// The commands (one or, when pipelining, several), CRLF included.
    public var bytes: [UInt8]
    /// The trace form of each command, without line ends.
    public var traceLines: [String]

    /// The outbound form of commands sent together.
    public init(_ commands: [SMTPCommand]) {
        bytes = commands.flatMap(\.encoded)
        traceLines = commands.map(\.traceText)
    }

    /// Raw bytes with their trace lines (the end of message data).
    public init(bytes: [UInt8], traceLines: [String]) {
        self.bytes = bytes
        self.traceLines = traceLines
    }
}
