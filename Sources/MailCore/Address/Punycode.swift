/// Punycode (RFC 3492) and the IDNA label forms built on it (RFC 5891): `xn--` ASCII labels
/// converted to Unicode for display and back for the wire.
public enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN = 0x80

    /// The domain with every valid `xn--` label decoded to Unicode; invalid labels are kept as they are.
    ///
    /// A decoded label that contains control characters is not decoded (it would hide what the
    /// sender wrote).
    public static func toUnicode(domain: String) -> String {
        guard domain.utf8.count >= 4, hasACELabel(domain) else { return domain }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false).map { label -> String in
            guard label.count > 4, label.lowercased().hasPrefix("xn--"),
                  let decoded = decode(String(label.dropFirst(4))),
                  !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
            else { return String(label) }
            return decoded
        }
        return labels.joined(separator: ".")
    }

    /// Whether `domain` holds `xn--` in any case, tested on bytes (every address of every message
    /// goes through ``toUnicode(domain:)``; lower-casing and searching a String cost more than
    /// the rest of its parse).
    static func hasACELabel(_ domain: String) -> Bool {
        let bytes = Array(domain.utf8)
        guard bytes.count >= 4 else { return false }
        for i in 0 ... bytes.count - 4 where bytes[i] | 0x20 == UInt8(ascii: "x") && bytes[i + 1] | 0x20 == UInt8(ascii: "n")
            && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-") {
            return true
        }
        return false
    }

    /// The domain with every non-ASCII label encoded as `xn--` Punycode (lower-cased first).
    public static func toASCII(domain: String) -> String {
        guard domain.utf8.contains(where: { $0 >= 0x80 }) else { return domain }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false).map { label -> String in
            guard label.utf8.contains(where: { $0 >= 0x80 }), let encoded = encode(label.lowercased()) else {
                return String(label)
            }
            return "xn--" + encoded
        }
        return labels.joined(separator: ".")
    }

    private static func adapt(_ delta: Int, _ numPoints: Int, _ firstTime: Bool) -> Int {
        var delta = firstTime ? delta / damp : delta / 2
        delta += delta / numPoints
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(c - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(c - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0")) + 26
        default: nil
        }
    }

    private static func digitChar(_ d: Int) -> Character {
        Character(UnicodeScalar(UInt8(d < 26 ? d + 97 : d + 22)))
    }

    /// Decodes a Punycode string (without `xn--`), or nil when it is invalid.
    public static func decode(_ input: String) -> String? {
        let bytes = Array(input.utf8)
        guard bytes.count <= 256 else { return nil }
        var output: [UInt32] = []
        var basicEnd = 0
        if let lastDash = bytes.lastIndex(of: UInt8(ascii: "-")) {
            for b in bytes[..<lastDash] {
                guard b < 0x80 else { return nil }
                output.append(UInt32(b))
            }
            basicEnd = lastDash + 1
        }
        var n = initialN, i = 0, bias = initialBias
        var idx = basicEnd
        while idx < bytes.count {
            let oldi = i
            var w = 1
            var k = base
            while true {
                guard idx < bytes.count, let digit = digitValue(bytes[idx]) else { return nil }
                idx += 1
                guard digit <= (Int(Int32.max) - i) / w else { return nil }
                i += digit * w
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                guard w <= Int(Int32.max) / (base - t) else { return nil }
                w *= base - t
                k += base
            }
            bias = adapt(i - oldi, output.count + 1, oldi == 0)
            guard i / (output.count + 1) <= Int(Int32.max) - n else { return nil }
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, !(0xD800...0xDFFF).contains(n) else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var s = ""
        for v in output {
            guard let scalar = UnicodeScalar(v) else { return nil }
            s.unicodeScalars.append(scalar)
        }
        return s
    }

    /// Encodes a Unicode label as Punycode (without `xn--`), or nil on overflow.
    public static func encode(_ input: String) -> String? {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output = ""
        for c in scalars where c < 0x80 { output.append(Character(UnicodeScalar(UInt8(c)))) }
        let b = output.utf8.count
        var h = b
        if b > 0 { output.append("-") }
        var n = initialN, delta = 0, bias = initialBias
        while h < scalars.count {
            guard let m = scalars.filter({ $0 >= n }).min() else { break }
            guard (m - n) <= (Int(Int32.max) - delta) / (h + 1) else { return nil }
            delta += (m - n) * (h + 1)
            n = m
            for c in scalars {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digitChar(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digitChar(q))
                    bias = adapt(delta, h + 1, h == b)
                    delta = 0
                    h += 1
                }
            }
            delta += 1
            n += 1
        }
        return output
    }
}
