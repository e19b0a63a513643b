/// IMAP's modified UTF-7 (RFC 3501 §5.1.3), which Dovecot also uses for Maildir++ folder names
/// on disk (`.Entw&APw-rfe` is "Entwürfe"): printable ASCII stands for itself, `&` is written
/// `&-`, anything else is UTF-16 in base64 (with `,` for `/`) between `&` and `-`.
public enum ModifiedUTF7 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    /// The modified UTF-7 form of `text`.
    public static func encode(_ text: String) -> String {
        var out = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes.append(UInt8(unit >> 8)); bytes.append(UInt8(unit & 0xFF)) }
            out += "&" + base64(bytes) + "-"
            pending = []
        }
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                out += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return out
    }

    /// The text of a modified UTF-7 name, or nil when it is not valid modified UTF-7 (then the
    /// name is probably plain UTF-8 and should be used as it is).
    public static func decode(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var out = ""
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b >= 0x20 && b <= 0x7E else { return nil }
            if b != UInt8(ascii: "&") {
                out.unicodeScalars.append(UnicodeScalar(b))
                i += 1
                continue
            }
            guard let end = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
            if end == i + 1 {
                out += "&"
            } else {
                guard let decoded = unbase64(bytes[(i + 1) ..< end]), decoded.count % 2 == 0 else { return nil }
                var units: [UInt16] = []
                for k in stride(from: 0, to: decoded.count, by: 2) { units.append(UInt16(decoded[k]) << 8 | UInt16(decoded[k + 1])) }
                guard let string = String(validating: units, as: UTF16.self),
                      !string.unicodeScalars.contains(where: { $0.value >= 0x20 && $0.value <= 0x7E }) else { return nil }
                out += string
            }
            i = end + 1
        }
        return out
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i ..< min(i + 3, bytes.count)])
            let n = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            let symbols = chunk.count + 1
            for k in 0 ..< symbols { out.append(alphabet[Int((n >> (18 - 6 * UInt32(k))) & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func unbase64(_ symbols: ArraySlice<UInt8>) -> [UInt8]? {
        var values: [UInt32] = []
        for s in symbols {
            guard let v = alphabet.firstIndex(of: s) else { return nil }
            values.append(UInt32(v))
        }
        if values.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < values.count {
            let group = Array(values[i ..< min(i + 4, values.count)])
            var n: UInt32 = 0
            for (k, v) in group.enumerated() { n |= v << (18 - 6 * UInt32(k)) }
            let produced = group.count - 1
            for k in 0 ..< produced { out.append(UInt8((n >> (16 - 8 * UInt32(k))) & 0xFF)) }
            i += 4
        }
        return out
    }
}
