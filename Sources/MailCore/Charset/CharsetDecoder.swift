#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes in a declared charset to a `String`.
///
/// UTF-8, US-ASCII and windows-1252/ISO-8859-1 are decoded in Swift (the fast path); every other
/// charset goes through iconv. Invalid byte sequences become U+FFFD; text is never dropped. An
/// unknown charset is read as UTF-8 when the bytes are valid UTF-8, else as the fallback charset.
/// The result is not sanitised: see ``TextSanitizer``.
public enum CharsetDecoder {
    /// The charset used for 8-bit bytes that are neither declared nor valid UTF-8.
    public static let defaultFallback = "windows-1252"

    /// Decodes `bytes` labelled with `charset`.
    ///
    /// - Parameters:
    ///   - bytes: The encoded text.
    ///   - charset: The label from the message (`Content-Type` charset, encoded-word charset), or nil.
    ///   - fallback: The charset for undeclared 8-bit text that is not valid UTF-8.
    /// - Returns: The text; never fails.
    public static func decode<C: Collection<UInt8>>(_ bytes: C, charset: String?,
                                                    fallback: String = defaultFallback) -> String {
        if let s = bytes.withContiguousStorageIfAvailable({ decode(buffer: $0, charset: charset, fallback: fallback) }) {
            return s
        }
        return Array(bytes).withUnsafeBufferPointer { decode(buffer: $0, charset: charset, fallback: fallback) }
    }

    /// True when the charset label is one this machine can decode (fast path or iconv).
    public static func isKnown(_ charset: String) -> Bool {
        switch CharsetName.resolve(charset) {
        case .utf8, .ascii, .windows1252: return true
        case .unknown: return false
        case .iconv(let name): return IconvConverter.canConvert(from: name)
        }
    }

    static func decode(buffer: UnsafeBufferPointer<UInt8>, charset: String?, fallback: String) -> String {
        switch CharsetName.resolve(charset) {
        case .utf8:
            return String(decoding: buffer, as: UTF8.self)
        case .ascii, .unknown:
            return decodeUndeclared(buffer, fallback: fallback)
        case .windows1252:
            return isASCII(buffer) ? String(decoding: buffer, as: UTF8.self) : Windows1252.decode(buffer)
        case .iconv(let name):
            if let s = IconvConverter.convert(buffer, from: name) { return s }
            return decodeUndeclared(buffer, fallback: fallback)
        }
    }

    /// Bytes with no usable label: ASCII or valid UTF-8 as such, else the fallback charset.
    static func decodeUndeclared(_ buffer: UnsafeBufferPointer<UInt8>, fallback: String) -> String {
        if isASCII(buffer) || isValidUTF8(buffer) { return String(decoding: buffer, as: UTF8.self) }
        switch CharsetName.resolve(fallback) {
        case .iconv(let name):
            if let s = IconvConverter.convert(buffer, from: name) { return s }
            return Windows1252.decode(buffer)
        default:
            return Windows1252.decode(buffer)
        }
    }

    /// True when every byte is below 0x80 (checked eight bytes at a time).
    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let n = buffer.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// True when the bytes are well-formed UTF-8.
    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        // Skip the ASCII prefix eight bytes at a time; validate the rest scalar by scalar.
        guard let base = buffer.baseAddress else { return true }
        var i = 0
        let n = buffer.count
        while i + 8 <= n, UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
        }
        var it = UnsafeBufferPointer(rebasing: buffer[i...]).makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// A thin wrapper over iconv(3) converting to UTF-8.
enum IconvConverter {
    private static var failed: iconv_t? { iconv_t(bitPattern: -1) }

    static func canConvert(from name: String) -> Bool {
        let cd = iconv_open("UTF-8", name)
        if cd == failed { return false }
        iconv_close(cd)
        return true
    }

    /// Converts to a String, replacing each invalid byte with U+FFFD; nil when iconv does not
    /// know the charset.
    static func convert(_ input: UnsafeBufferPointer<UInt8>, from name: String) -> String? {
        let cd = iconv_open("UTF-8", name)
        if cd == failed { return nil }
        defer { iconv_close(cd) }
        guard let base = input.baseAddress, input.count > 0 else { return "" }
        var out = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var written = 0
        var inPtr = UnsafeMutablePointer<CChar>(OpaquePointer(base))
        var inLeft = input.count
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        while inLeft > 0 {
            if out.count - written < 16 { out.append(contentsOf: repeatElement(0, count: out.count)) }
            let outCapacity = out.count - written
            var outLeft = outCapacity
            let result: Int = out.withUnsafeMutableBufferPointer { ob in
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer<CChar>(OpaquePointer(ob.baseAddress! + written))
                var inP: UnsafeMutablePointer<CChar>? = inPtr
                let r = iconv(cd, &inP, &inLeft, &outPtr, &outLeft)
                if let inP { inPtr = inP }
                return r
            }
            written += outCapacity - outLeft
            if result == -1 {
                let err = errno
                if err == E2BIG {
                    out.append(contentsOf: repeatElement(0, count: out.count))
                    continue
                }
                // EILSEQ: an invalid sequence; EINVAL: an incomplete one at the end.
                if out.count - written < 3 { out.append(contentsOf: repeatElement(0, count: out.count)) }
                out.replaceSubrange(written..<written + 3, with: replacement)
                written += 3
                if err == EINVAL { break }
                inPtr += 1
                inLeft -= 1
                if err != EILSEQ && inLeft > 0 { continue }
            }
        }
        // Flush the shift state of stateful charsets (ISO-2022-JP, UTF-7).
        out.append(contentsOf: repeatElement(0, count: 16))
        var outLeft = out.count - written
        out.withUnsafeMutableBufferPointer { ob in
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer<CChar>(OpaquePointer(ob.baseAddress! + written))
            _ = iconv(cd, nil, nil, &outPtr, &outLeft)
        }
        written = out.count - outLeft
        return String(decoding: out[..<written], as: UTF8.self)
    }
}
