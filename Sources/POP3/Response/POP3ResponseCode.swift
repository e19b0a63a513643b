/// An extended response code at the start of a status line's text (RFC 2449 §8, RFC 3206,
/// RFC 5034 §5), telling why a command failed.
///
/// ```
/// S: -ERR [AUTH] Authentication failed
/// S: -ERR [SYS/TEMP] Internal error, try again later
/// ```
public enum POP3ResponseCode: Equatable, Sendable {
    /// `[IN-USE]`: another session holds the mailbox lock (RFC 2449 §8.1.1).
    case inUse
    /// `[LOGIN-DELAY]`: logging in again this soon is not allowed (RFC 2449 §8.1.2).
    case loginDelay
    /// `[AUTH]`: the credentials were wrong, as opposed to a server problem (RFC 3206 §4).
    case authenticationFailed
    /// `[SYS/TEMP]`: a temporary server problem; retrying later may work (RFC 3206 §4).
    case temporaryFailure
    /// `[SYS/PERM]`: a permanent server problem (RFC 3206 §4).
    case permanentFailure
    /// Any other code, as sent (printable ASCII only).
    case other(String)

    // resp-code = "[" resp-level *("/" resp-level) "]"
    // resp-level = 1*rchar ; rchar = %x21-2E / %x30-5C / %x5E-7F
    /// Reads a bracketed code at the start of `text`, or nil when there is none.
    static func parse(prefixOf text: [UInt8]) -> POP3ResponseCode? {
        guard text.first == UInt8(ascii: "["),
              let close = text.prefix(64).firstIndex(of: UInt8(ascii: "]")), close > 1 else { return nil }
        let code = text[1..<close]
        guard code.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let name = String(decoding: code, as: UTF8.self).uppercased()
        switch name {
        case "IN-USE": return .inUse
        case "LOGIN-DELAY": return .loginDelay
        case "AUTH": return .authenticationFailed
        case "SYS/TEMP": return .temporaryFailure
        case "SYS/PERM": return .permanentFailure
        default: return .other(name)
        }
    }
}
