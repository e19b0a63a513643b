/// Byte values and character classes of the IMAP grammar (RFC 9051 §9).
enum ASCII {
    static let nul: UInt8 = 0x00
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let star: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let lessThan: UInt8 = 0x3C
    static let greaterThan: UInt8 = 0x3E
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let tilde: UInt8 = 0x7E

    /// True for `0`-`9`.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    /// The byte in upper case when it is a lower-case ASCII letter.
    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 { byte &- 0x61 < 26 ? byte &- 0x20 : byte }

    /// True for ATOM-CHAR (RFC 9051 §9). Bytes from 0x80 up count as atom characters: servers put
    /// UTF-8 in atoms (keywords, mailbox names) and rejecting them helps nobody.
    @inline(__always)
    static func isAtomChar(_ byte: UInt8) -> Bool {
        guard byte > space, byte != 0x7F else { return false }
        switch byte {
        case openParen, closeParen, openBrace, percent, star, quote, backslash, closeBracket: return false
        default: return true
        }
    }

    /// True for ASTRING-CHAR (ATOM-CHAR or `]`).
    @inline(__always)
    static func isAStringChar(_ byte: UInt8) -> Bool { byte == closeBracket || isAtomChar(byte) }

    /// True for a tag character (ASTRING-CHAR except `+`).
    @inline(__always)
    static func isTagChar(_ byte: UInt8) -> Bool { byte != plus && isAStringChar(byte) }

    /// True for a byte that may appear in a list-mailbox pattern or a mailbox atom (`%` and `*` too).
    @inline(__always)
    static func isListChar(_ byte: UInt8) -> Bool { byte == percent || byte == star || isAStringChar(byte) }
}
