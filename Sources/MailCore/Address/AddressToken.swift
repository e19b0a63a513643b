/// A lexical token of structured header syntax (RFC 5322 §3.2): atoms, quoted strings, comments,
/// domain literals and single special characters.
struct AddressToken: Equatable {
    enum Kind: Equatable {
        /// A run of atext (dots included, so that `John Q. Public` and `a.b` are single words).
        case atom
        /// A quoted string; `text` holds the content with quoted-pairs undone.
        case quoted
        /// A comment; `text` holds the content (nested comments flattened).
        case comment
        /// A domain literal; `text` holds the whole `[...]`.
        case domainLiteral
        /// One of `< > @ , ; :`.
        case special(UInt8)
        /// Broken syntax: an unterminated quote, comment or literal, or a stray `)`, `]`, `"` or `\`.
        case error
    }

    var kind: Kind
    var text: String
    /// True when white space (or a comment) came before this token.
    var spaceBefore: Bool
    /// The byte range of the token in the source.
    var range: Range<Int>
}

/// Splits structured header text into ``AddressToken``s in one linear pass.
struct AddressTokenizer {
    static func tokenize(_ bytes: [UInt8]) -> [AddressToken] {
        var tokens: [AddressToken] = []
        var i = 0
        let n = bytes.count
        var space = false
        while i < n {
            let c = bytes[i]
            switch c {
            case 0x20, 0x09, 0x0D, 0x0A:
                space = true
                i += 1
            case UInt8(ascii: "\""):
                let start = i
                var content: [UInt8] = []
                i += 1
                var closed = false
                while i < n {
                    let d = bytes[i]
                    if d == UInt8(ascii: "\\"), i + 1 < n {
                        content.append(bytes[i + 1]); i += 2; continue
                    }
                    if d == UInt8(ascii: "\"") { closed = true; i += 1; break }
                    if d != 0x0D && d != 0x0A { content.append(d) }
                    i += 1
                }
                tokens.append(.init(kind: closed ? .quoted : .error, text: String(decoding: content, as: UTF8.self),
                                    spaceBefore: space, range: start..<i))
                space = false
            case UInt8(ascii: "("):
                let start = i
                var depth = 0
                var content: [UInt8] = []
                while i < n {
                    let d = bytes[i]
                    if d == UInt8(ascii: "\\"), i + 1 < n {
                        content.append(bytes[i + 1]); i += 2; continue
                    }
                    if d == UInt8(ascii: "(") {
                        if depth > 0 { content.append(d) }
                        depth += 1
                    } else if d == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { i += 1; break }
                        content.append(d)
                    } else if d != 0x0D && d != 0x0A {
                        content.append(d)
                    }
                    i += 1
                }
                tokens.append(.init(kind: depth == 0 ? .comment : .error,
                                    text: String(decoding: content, as: UTF8.self), spaceBefore: space, range: start..<i))
                space = true
            case UInt8(ascii: "["):
                let start = i
                i += 1
                var closed = false
                while i < n {
                    let d = bytes[i]
                    i += 1
                    if d == UInt8(ascii: "]") { closed = true; break }
                    if d == UInt8(ascii: "[") { break }
                }
                tokens.append(.init(kind: closed ? .domainLiteral : .error,
                                    text: String(decoding: bytes[start..<i], as: UTF8.self), spaceBefore: space, range: start..<i))
                space = false
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"), UInt8(ascii: ","),
                 UInt8(ascii: ";"), UInt8(ascii: ":"):
                tokens.append(.init(kind: .special(c), text: String(UnicodeScalar(c)), spaceBefore: space, range: i..<i + 1))
                space = false
                i += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "\\"):
                tokens.append(.init(kind: .error, text: String(UnicodeScalar(c)), spaceBefore: space, range: i..<i + 1))
                space = false
                i += 1
            default:
                let start = i
                while i < n, !isDelimiter(bytes[i]) { i += 1 }
                tokens.append(.init(kind: .atom, text: String(decoding: bytes[start..<i], as: UTF8.self),
                                    spaceBefore: space, range: start..<i))
                space = false
            }
        }
        return tokens
    }

    @inline(__always)
    static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\\"):
            return true
        default:
            return false
        }
    }
}
