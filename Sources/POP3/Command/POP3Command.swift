/// A command the client sends (RFC 1939 §4-§7, RFC 2449 §5, RFC 2595 §4, RFC 5034 §4).
///
/// ```
/// C: RETR 1
/// C: TOP 1 10
/// C: AUTH PLAIN AGJvYgBib2Jwdw==
/// ```
///
/// Commands that carry a secret (PASS, APOP, AUTH with an initial response, SASL responses) are
/// built only by ``POP3Client/authenticate(_:options:)``; ``traceText`` hides their secret.
public enum POP3Command: Equatable, Sendable {
    /// `CAPA`: list capabilities (RFC 2449 §5).
    case capa
    /// `STLS`: start TLS (RFC 2595 §4).
    case stls
    /// `USER name`.
    case user(String)
    /// `PASS password`.
    case pass(String)
    /// `APOP name digest`.
    case apop(user: String, digest: String)
    /// `AUTH mechanism [initial-response]`; the response is base64 (`=` for empty).
    case auth(mechanism: String, initialResponse: String?)
    /// A line answering a SASL challenge: base64 text, or `*` to cancel.
    case saslResponse(String)
    /// `STAT`.
    case stat
    /// `LIST [msg]`.
    case list(Int?)
    /// `UIDL [msg]`.
    case uidl(Int?)
    /// `TOP msg n`: the header and the first `lines` lines of the body.
    case top(Int, lines: Int)
    /// `RETR msg`.
    case retr(Int)
    /// `DELE msg`: mark for deletion at QUIT.
    case dele(Int)
    /// `NOOP`.
    case noop
    /// `RSET`: unmark all messages marked for deletion.
    case rset
    /// `QUIT`: end the session; marked messages are deleted now (the UPDATE state).
    case quit

    /// The command keyword (`RETR`, `AUTH`), for messages and errors.
    public var keyword: String {
        switch self {
        case .capa: "CAPA"
        case .stls: "STLS"
        case .user: "USER"
        case .pass: "PASS"
        case .apop: "APOP"
        case .auth: "AUTH"
        case .saslResponse: "AUTH"
        case .stat: "STAT"
        case .list: "LIST"
        case .uidl: "UIDL"
        case .top: "TOP"
        case .retr: "RETR"
        case .dele: "DELE"
        case .noop: "NOOP"
        case .rset: "RSET"
        case .quit: "QUIT"
        }
    }

    /// True for commands whose text holds a password, a digest or a SASL response.
    public var carriesSecret: Bool {
        switch self {
        case .pass, .apop, .saslResponse: true
        case .auth(_, let initialResponse): initialResponse != nil
        default: false
        }
    }

    /// The command as a trace shows it: secrets replaced by `****`, no line ending.
    public var traceText: String {
        switch self {
        case .pass: "PASS ****"
        case .apop(let user, _): "APOP \(user) ****"
        case .auth(let mechanism, let initialResponse): initialResponse == nil ? "AUTH \(mechanism)" : "AUTH \(mechanism) ****"
        case .saslResponse(let text): text == "*" || text.isEmpty ? text : "****"
        default: String(decoding: encoded.dropLast(2), as: UTF8.self)
        }
    }

    // MARK: - Encoding

    /// The bytes to send, CRLF included.
    public var encoded: [UInt8] {
        var line: String
        switch self {
        case .capa, .stls, .stat, .noop, .rset, .quit: line = keyword
        case .user(let name): line = "USER \(name)"
        case .pass(let password): line = "PASS \(password)"
        case .apop(let user, let digest): line = "APOP \(user) \(digest)"
        case .auth(let mechanism, let initialResponse):
            line = "AUTH \(mechanism)"
            if let initialResponse { line += " \(initialResponse)" }
        case .saslResponse(let text): line = text
        case .list(let number): line = number.map { "LIST \($0)" } ?? "LIST"
        case .uidl(let number): line = number.map { "UIDL \($0)" } ?? "UIDL"
        case .top(let number, let lines): line = "TOP \(number) \(lines)"
        case .retr(let number): line = "RETR \(number)"
        case .dele(let number): line = "DELE \(number)"
        }
        return Array(line.utf8) + ASCII.crlf
    }
}
