/// Bytes from the server as text safe to show in an error: printable ASCII as is, every other
/// byte as `\xNN`, cut after `limit` bytes.
func printableText(_ bytes: some Collection<UInt8>, limit: Int = 120) -> String {
    var out = ""
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
