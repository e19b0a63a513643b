/// Checks of the addresses put between `<` and `>` in MAIL FROM and RCPT TO (RFC 5321 §4.1.2,
/// RFC 6531 §3.3), so that no address can end a command early or smuggle another one in.
public enum SMTPPath {
    /// Why an address cannot be used in the envelope.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        /// Empty where an address is needed (RCPT TO).
        case empty
        /// It has a line break, another control character, `<`, `>`, or a space outside quotes.
        case forbiddenCharacter
        /// No `@domain` part (only `postmaster` may go without one).
        case missingDomain
        /// Longer than the 256 octets of RFC 5321 §4.5.3.1.3.
        case tooLong

        /// The problem in words.
        public var description: String {
            switch self {
            case .empty: "it is empty"
            case .forbiddenCharacter: "it contains a line break, a control character, '<', '>' or a space"
            case .missingDomain: "it has no @domain"
            case .tooLong: "it is longer than 256 characters"
            }
        }
    }

    // Path = "<" [ A-d-l ":" ] Mailbox ">"      Mailbox = Local-part "@" ( Domain / address-literal )
    /// The reason `address` cannot be sent in a path, or nil when it can.
    ///
    /// - Parameters:
    ///   - address: `local@domain` without brackets; non-ASCII is allowed (it then needs SMTPUTF8).
    ///   - allowEmpty: True for MAIL FROM, where `<>` (the null reverse-path) is valid.
    public static func problem(with address: String, allowEmpty: Bool) -> Problem? {
        if address.isEmpty { return allowEmpty ? nil : .empty }
        if address.utf8.count > 256 { return .tooLong }
        var inQuotes = false
        var escaped = false
        for byte in address.utf8 {
            if byte < 0x20 || byte == 0x7F { return .forbiddenCharacter }
            if escaped {
                escaped = false
                continue
            }
            switch byte {
            case UInt8(ascii: "\\") where inQuotes: escaped = true
            case UInt8(ascii: "\""): inQuotes.toggle()
            case UInt8(ascii: "<"), UInt8(ascii: ">"): return .forbiddenCharacter
            case UInt8(ascii: " ") where !inQuotes: return .forbiddenCharacter
            default: break
            }
        }
        if inQuotes { return .forbiddenCharacter }
        guard let at = address.lastIndex(of: "@"), address.index(after: at) != address.endIndex,
              at != address.startIndex
        else {
            return address.lowercased() == "postmaster" ? nil : .missingDomain
        }
        return nil
    }

    /// True when the address has a byte outside ASCII, so it can only be sent with SMTPUTF8.
    public static func needsSMTPUTF8(_ address: String) -> Bool {
        address.utf8.contains { $0 >= 0x80 }
    }
}
