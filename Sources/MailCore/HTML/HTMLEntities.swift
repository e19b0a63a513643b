/// Decodes HTML character references (`&amp;`, `&#233;`, `&#x1F600;`).
///
/// Follows the HTML standard's tokenizer: named references from ``HTMLEntityTable`` (the legacy
/// HTML 4 names are also recognised without their semicolon, except in an attribute value where a
/// letter, digit or `=` follows); numeric references in decimal or hex with an optional semicolon;
/// code point 0, surrogates and values past U+10FFFF become U+FFFD; 128-159 are read as
/// windows-1252, as browsers do. Anything that is not a reference stays as written.
public enum HTMLEntities {
    /// `text` with every character reference replaced by the character it stands for.
    ///
    /// - Parameters:
    ///   - text: HTML text (no tags are interpreted).
    ///   - inAttribute: apply the attribute-value rule for references without a semicolon.
    public static func decode(_ text: String, inAttribute: Bool = false) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var bytes = Array(text.utf8)
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            let input = UnsafeBufferPointer(rebasing: buffer[0..<(buffer.count - 1)])
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            var i = 0
            while i < input.count {
                if input[i] == UInt8(ascii: "&"), let end = decodeReference(input, at: i, inAttribute: inAttribute, into: &out) {
                    i = end
                } else {
                    out.append(input[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Decodes the reference that starts at `input[start]` (an `&`) and appends its UTF-8 to `out`.
    ///
    /// - Returns: the index just past the reference, or nil when there is none (then nothing is
    ///   appended and the `&` is literal).
    static func decodeReference(
        _ input: UnsafeBufferPointer<UInt8>, at start: Int, inAttribute: Bool, into out: inout [UInt8]
    ) -> Int? {
        var i = start + 1
        guard i < input.count else { return nil }
        if input[i] == UInt8(ascii: "#") {
            return decodeNumeric(input, at: i + 1, into: &out)
        }
        // Named: the longest run of letters and digits, then an optional ';'.
        let nameStart = i
        while i < input.count, i - nameStart < 40, isAlnum(input[i]) { i += 1 }
        let nameEnd = i
        guard nameEnd > nameStart else { return nil }
        if nameEnd < input.count, input[nameEnd] == UInt8(ascii: ";") {
            let name = String(decoding: UnsafeBufferPointer(rebasing: input[nameStart..<nameEnd]), as: UTF8.self)
            if let value = HTMLEntityTable.named[name] {
                out.append(contentsOf: value.utf8)
                return nameEnd + 1
            }
        }
        // Legacy names without a semicolon: the longest one that prefixes the run.
        var length = min(nameEnd - nameStart, 6)
        while length >= 2 {
            let name = String(decoding: UnsafeBufferPointer(rebasing: input[nameStart..<(nameStart + length)]), as: UTF8.self)
            if HTMLEntityTable.legacy.contains(name), let value = HTMLEntityTable.named[name] {
                let after = nameStart + length
                if inAttribute, after < input.count, isAlnum(input[after]) || input[after] == UInt8(ascii: "=") {
                    return nil
                }
                out.append(contentsOf: value.utf8)
                return after
            }
            length -= 1
        }
        return nil
    }

    private static func decodeNumeric(_ input: UnsafeBufferPointer<UInt8>, at start: Int, into out: inout [UInt8]) -> Int? {
        var i = start
        var hex = false
        if i < input.count, input[i] | 0x20 == UInt8(ascii: "x") {
            hex = true
            i += 1
        }
        let digitsStart = i
        var value: UInt32 = 0
        while i < input.count {
            let c = input[i]
            let digit: UInt32
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digit = UInt32(c - UInt8(ascii: "0"))
            } else if hex, c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f") {
                digit = UInt32(c | 0x20 - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < input.count, input[i] == UInt8(ascii: ";") { i += 1 }
        appendUTF8(codePoint(forReference: value), to: &out)
        return i
    }

    /// The character a numeric reference to `value` shows (see the type's documentation).
    static func codePoint(forReference value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F {
            return Unicode.Scalar(HTMLEntityTable.windows1252[Int(value - 0x80)]) ?? "\u{FFFD}"
        }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    @inline(__always)
    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
    }
}
