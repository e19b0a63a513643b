#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes a decimal number from ASCII digits, or nil when the bytes are empty, contain anything but
/// `0`-`9`, or have more than 18 digits (so the value always fits an `Int`).
func parseDecimal(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
        var value = 0
        for byte in buffer {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// The index of the first `byte` in `bytes`, found with `memchr`.
func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
    bytes.withUnsafeBytes { raw -> Int? in
        guard let base = raw.baseAddress, let found = memchr(base, Int32(byte), raw.count) else { return nil }
        return bytes.startIndex + (UnsafeRawPointer(found) - base)
    }
}

/// ASCII bytes POP3 grammar code compares against.
enum ASCII {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let dot = UInt8(ascii: ".")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let crlf: [UInt8] = [cr, lf]
}
