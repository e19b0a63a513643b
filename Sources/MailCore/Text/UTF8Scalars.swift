/// Decoding of Unicode scalars from valid UTF-8 (the bytes of a Swift `String`) by offset.
enum UTF8Scalars {
    /// The scalar that starts at `s[i]` and the number of bytes it takes.
    ///
    /// The bytes must be valid UTF-8 and `i` the start of a scalar; a truncated sequence at the
    /// end decodes as U+FFFD of the remaining length, so that no read goes past the buffer.
    @inline(__always)
    static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(s[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard i + length <= s.count else { return ("\u{FFFD}", s.count - i) }
        var value: UInt32
        switch length {
        case 2: value = (b0 & 0x1F) << 6 | UInt32(s[i + 1] & 0x3F)
        case 3: value = (b0 & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F)
        default:
            value = (b0 & 0x07) << 18 | UInt32(s[i + 1] & 0x3F) << 12 | UInt32(s[i + 2] & 0x3F) << 6 | UInt32(s[i + 3] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
