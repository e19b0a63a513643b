/// Modified UTF-7, the encoding of mailbox names in IMAP4rev1 (RFC 3501 §5.1.3): printable
/// ASCII stands for itself except `&`, which is written `&-`; other characters are UTF-16,
/// base64-encoded with `,` instead of `/`, between `&` and `-`.
///
/// ```
/// "Entwürfe" <-> "Entw&APw-rfe"
/// ```
public enum ModifiedUTF7 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    /// The modified UTF-7 form of `text`.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            out.append(ASCII.ampersand)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(pending.count * 2)
            for unit in pending {
                bytes.append(UInt8(unit >> 8))
                bytes.append(UInt8(unit & 0xFF))
            }
            var index = 0
            while index < bytes.count {
                let b0 = bytes[index]
                let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
                let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
                out.append(alphabet[Int(b0 >> 2)])
                out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
                if index + 1 < bytes.count { out.append(alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)]) }
                if index + 2 < bytes.count { out.append(alphabet[Int(b2 & 0x3F)]) }
                index += 3
            }
            out.append(ASCII.minus)
            pending.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                out.append(UInt8(scalar.value))
                if scalar == "&" { out.append(ASCII.minus) }
            } else {
                pending.append(contentsOf: Array(String(scalar).utf16))
            }
        }
        flush()
        return out
    }

    /// The text of a modified UTF-7 name, or nil when the bytes are not valid modified UTF-7
    /// (a byte outside printable ASCII, a bad base64 run, an unpaired surrogate).
    public static func decode(_ bytes: some Collection<UInt8>) -> String? {
        var out = String.UnicodeScalarView()
        var units: [UInt16] = []
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte >= 0x20 && byte <= 0x7E else { return nil }
            guard byte == ASCII.ampersand else {
                out.append(Unicode.Scalar(byte))
                continue
            }
            var sextets: [UInt8] = []
            var closed = false
            while let next = iterator.next() {
                if next == ASCII.minus {
                    closed = true
                    break
                }
                guard let value = sextet(next) else { return nil }
                sextets.append(value)
            }
            guard closed else { return nil }
            if sextets.isEmpty {
                out.append("&")
                continue
            }
            // 6-bit groups to bytes; the leftover bits must be zero and fewer than a byte.
            var decoded: [UInt8] = []
            var accumulator: UInt32 = 0
            var bits = 0
            for value in sextets {
                accumulator = accumulator << 6 | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    decoded.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
                }
            }
            guard bits < 6, accumulator & ((1 << UInt32(bits)) - 1) == 0, decoded.count % 2 == 0 else { return nil }
            units.removeAll(keepingCapacity: true)
            for pair in stride(from: 0, to: decoded.count, by: 2) {
                units.append(UInt16(decoded[pair]) << 8 | UInt16(decoded[pair + 1]))
            }
            var sawScalar = false
            for result in Unicode.decode(units) {
                guard let scalar = result else { return nil }
                // A base64 run must not encode printable ASCII (RFC 3501 §5.1.3).
                if scalar.value >= 0x20 && scalar.value <= 0x7E { return nil }
                out.append(scalar)
                sawScalar = true
            }
            guard sawScalar else { return nil }
        }
        return String(out)
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte - 0x41
        case 0x61...0x7A: byte - 0x61 + 26
        case 0x30...0x39: byte - 0x30 + 52
        case ASCII.plus: 62
        case ASCII.comma: 63
        default: nil
        }
    }
}

extension Unicode {
    /// The scalars of UTF-16 code units; nil for each unpaired surrogate.
    fileprivate static func decode(_ units: [UInt16]) -> [Unicode.Scalar?] {
        var result: [Unicode.Scalar?] = []
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.append(scalar)
            case .emptyInput: break loop
            case .error: result.append(nil)
            }
        }
        return result
    }
}
