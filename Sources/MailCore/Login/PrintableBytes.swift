/// Bytes from a server as text that is safe to show in an error message or a trace: printable
/// ASCII stays, every other byte (controls, ESC, DEL, non-ASCII) becomes `\xNN`, and the result is
/// cut after `limit` bytes with `...`.
///
/// - Parameters:
///   - bytes: Raw bytes, typically one protocol line without its CRLF.
///   - limit: The number of bytes shown before `...`.
/// - Returns: The escaped, possibly shortened text.
public func printableBytes(_ bytes: some Collection<UInt8>, limit: Int = 120) -> String {
    var out = ""
    out.reserveCapacity(min(bytes.count, limit) + 3)
    var written = 0
    for byte in bytes {
        if written >= limit {
            out += "..."
            break
        }
        if byte >= 0x20 && byte < 0x7F {
            out.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            let hex = String(byte, radix: 16, uppercase: true)
            out += byte < 0x10 ? "\\x0\(hex)" : "\\x\(hex)"
        }
        written += 1
    }
    return out
}
