/// Parses `value; attr=val; attr*0*=charset'lang'%XX...` (RFC 2045 §5.1, RFC 2231, and the
/// RFC 2047 words that Outlook puts inside quoted parameters), leniently.
struct ParameterParser {
    /// The result: the main value (before the first `;`) and the parameters in order of first
    /// appearance; `rawBoundary` keeps the boundary's bytes exactly as written.
    struct Result {
        var value: [UInt8]
        var parameters: [MIMEParameter]
        var rawBoundary: [UInt8]?
    }

    private struct Section {
        var index: Int
        var encoded: Bool
        var bytes: [UInt8]
    }

    // content   = value *(";" parameter)
    // parameter = attribute "=" (token / quoted-string)
    // RFC 2231:  attribute "*" [section] ["*"] "=" value
    static func parse(_ input: [UInt8], fallback: String = CharsetDecoder.defaultFallback) -> Result {
        var i = 0
        let n = input.count
        func skipSpace() { while i < n, input[i] == 0x20 || input[i] == 0x09 { i += 1 } }
        skipSpace()
        let valueStart = i
        // The main value ends at ";" or white space (`text/plain charset=x` without the ";" happens).
        while i < n, input[i] != UInt8(ascii: ";"), input[i] != 0x20, input[i] != 0x09, input[i] != UInt8(ascii: "(") { i += 1 }
        var value = Array(input[valueStart..<i])
        if value.contains(UInt8(ascii: "=")) {
            // No main value, only parameters (`filename=x` without a disposition type).
            value = []
            i = valueStart
        }
        var order: [String] = []
        var plain: [String: [UInt8]] = [:]
        var sections: [String: [Section]] = [:]
        var rawBoundary: [UInt8]?
        while i < n {
            // Skip separators, white space and comments.
            if input[i] == UInt8(ascii: ";") || input[i] == 0x20 || input[i] == 0x09 { i += 1; continue }
            if input[i] == UInt8(ascii: "(") {
                var depth = 0
                while i < n {
                    if input[i] == UInt8(ascii: "(") { depth += 1 }
                    if input[i] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; break } }
                    i += 1
                }
                continue
            }
            let nameStart = i
            while i < n, input[i] != UInt8(ascii: "="), input[i] != UInt8(ascii: ";") { i += 1 }
            var nameBytes = Array(input[nameStart..<i])
            while let l = nameBytes.last, l == 0x20 || l == 0x09 { nameBytes.removeLast() }
            guard i < n, input[i] == UInt8(ascii: "=") else { continue }  // junk without "=": skipped
            i += 1
            if nameBytes.isEmpty { continue }  // "=value" without a name: the value is skipped as junk
            skipSpace()
            var valueBytes: [UInt8] = []
            var quoted = false
            if i < n, input[i] == UInt8(ascii: "\"") {
                quoted = true
                i += 1
                while i < n, input[i] != UInt8(ascii: "\"") {
                    if input[i] == UInt8(ascii: "\\"), i + 1 < n {
                        // Windows paths in unescaped file names: keep a backslash before anything
                        // that is not a quote or a backslash.
                        let next = input[i + 1]
                        if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") {
                            valueBytes.append(next); i += 2; continue
                        }
                    }
                    valueBytes.append(input[i])
                    i += 1
                }
                if i < n { i += 1 }
                // Anything after the closing quote up to ";" is junk.
                while i < n, input[i] != UInt8(ascii: ";") { i += 1 }
            } else {
                let start = i
                while i < n, input[i] != UInt8(ascii: ";") { i += 1 }
                valueBytes = Array(input[start..<i])
                // Drop a trailing comment and white space: `us-ascii (Plain text)`.
                if let paren = valueBytes.firstIndex(of: UInt8(ascii: "(")), paren > 0 {
                    valueBytes = Array(valueBytes[..<paren])
                }
                while let l = valueBytes.last, l == 0x20 || l == 0x09 { valueBytes.removeLast() }
            }
            var name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            // RFC 2231: name*, name*N, name*N*
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                var rest = name[name.index(after: star)...]
                var encoded = false
                if rest.hasSuffix("*") { encoded = true; rest = rest.dropLast() }
                var index = 0
                if rest.isEmpty {
                    encoded = true  // "name*=" is always encoded
                } else if let v = Int(rest), v >= 0, v < 10_000 {
                    index = v
                } else {
                    continue
                }
                if quoted && rest.isEmpty { encoded = true }
                if sections[base] == nil, plain[base] == nil { order.append(base) }
                sections[base, default: []].append(Section(index: index, encoded: encoded, bytes: valueBytes))
                continue
            }
            name = name.trimmingSpaces()
            if name == "boundary", rawBoundary == nil { rawBoundary = valueBytes }
            if plain[name] == nil {
                if sections[name] == nil { order.append(name) }
                plain[name] = valueBytes
            }
        }
        var parameters: [MIMEParameter] = []
        for name in order {
            if let secs = sections[name], let joined = join(secs, fallback: fallback) {
                parameters.append(MIMEParameter(name: name, value: TextSanitizer.headerText(joined)))
            } else if let bytes = plain[name] {
                let text = CharsetDecoder.decode(bytes, charset: nil, fallback: fallback)
                parameters.append(MIMEParameter(name: name, value: EncodedWord.decode(text, fallback: fallback)))
            }
        }
        return Result(value: value, parameters: parameters, rawBoundary: rawBoundary)
    }

    /// Joins RFC 2231 sections 0, 1, 2, ... (stopping at the first gap), percent-decoding the
    /// encoded ones and converting from the charset named in section 0.
    private static func join(_ secs: [Section], fallback: String) -> String? {
        let sorted = secs.sorted { $0.index < $1.index }
        var bytes: [UInt8] = []
        var charset: String?
        var expected = 0
        for s in sorted {
            if s.index < expected { continue }  // duplicate section
            guard s.index == expected else { break }
            expected += 1
            var value = s.bytes[...]
            if s.index == 0 && s.encoded {
                // charset'language'value; a value without the two quotes is taken as it is.
                if let q1 = value.firstIndex(of: UInt8(ascii: "'")),
                   let q2 = value[(q1 + 1)...].firstIndex(of: UInt8(ascii: "'")) {
                    let cs = String(decoding: value[..<q1], as: UTF8.self)
                    charset = cs.isEmpty ? nil : cs
                    value = value[(q2 + 1)...]
                }
            }
            if s.encoded {
                bytes += percentDecode(value)
            } else {
                bytes += value
            }
        }
        guard expected > 0 else { return nil }
        let text = CharsetDecoder.decode(bytes, charset: charset ?? "utf-8", fallback: fallback)
        return text.contains("=?") ? EncodedWord.decodeRaw(text, fallback: fallback) : text
    }

    static func percentDecode(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        let hex = QuotedPrintable.hexTable
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "%"), i + 2 < s.endIndex, hex[Int(s[i + 1])] < 16, hex[Int(s[i + 2])] < 16 {
                out.append(hex[Int(s[i + 1])] << 4 | hex[Int(s[i + 2])])
                i += 3
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }
}
