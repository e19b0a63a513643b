/// One header field (RFC 5322 §2.2): a name and its raw value bytes, decoded on demand.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written (`Subject`), without surrounding white space.
    public let name: String
    /// The name in lower case, for lookups.
    public let lowercasedName: String
    /// The bytes after the colon up to the end of the field, folds (line breaks) included,
    /// the final line end excluded. A slice of the message buffer: no copy.
    public let rawValue: ArraySlice<UInt8>

    /// A field from its name and raw value.
    ///
    /// - Parameters:
    ///   - name: The field name.
    ///   - rawValue: The value bytes, possibly folded.
    public init(name: String, rawValue: ArraySlice<UInt8>) {
        self.name = name
        self.lowercasedName = Self.lowercased(name)
        self.rawValue = rawValue
    }

    /// A field read from a message: `nameBytes` are its name (printable ASCII, as the header
    /// scanner reads names), both forms of which are made from them.
    init(nameBytes: UnsafeBufferPointer<UInt8>, rawValue: ArraySlice<UInt8>) {
        self.rawValue = rawValue
        if let known = KnownFieldName.find(nameBytes) {
            self.name = known.name
            self.lowercasedName = known.lowercasedName
            return
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        self.name = name
        self.lowercasedName = Self.lowercased(name, bytes: nameBytes)
    }

    /// `name.lowercased()`, without its Unicode machinery for the ASCII names fields have: the
    /// name itself when it has no upper-case letter, else its bytes with A-Z lowered.
    static func lowercased(_ name: String) -> String {
        var utf8 = name
        return utf8.withUTF8 { lowercased(name, bytes: $0) }
    }

    /// ``lowercased(_:)`` of `name`, whose UTF-8 is `bytes`.
    private static func lowercased(_ name: String, bytes: UnsafeBufferPointer<UInt8>) -> String {
        var upper = false
        for byte in bytes {
            if byte >= 0x80 { return name.lowercased() }
            if byte >= 0x41, byte <= 0x5A { upper = true }
        }
        guard upper else { return name }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered in
            for (i, byte) in bytes.enumerated() { lowered[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return String(decoding: lowered, as: UTF8.self)
        }
    }

    /// A field from a name and an unfolded string value (for building headers in code).
    public init(name: String, value: String) {
        self.init(name: name, rawValue: ArraySlice(value.utf8))
    }

    /// The unfolded value bytes (RFC 5322 §2.2.3): line breaks removed, white space kept, leading
    /// and trailing white space trimmed.
    public var unfoldedBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rawValue.count)
        var i = rawValue.startIndex
        let end = rawValue.endIndex
        while i < end {
            let c = rawValue[i]
            if c == 0x0A || (c == 0x0D && i + 1 < end && rawValue[i + 1] == 0x0A) {
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        var s = 0
        while s < out.count, out[s] == 0x20 || out[s] == 0x09 { s += 1 }
        var e = out.count
        while e > s, out[e - 1] == 0x20 || out[e - 1] == 0x09 || out[e - 1] == 0x0D { e -= 1 }
        if s > 0 || e < out.count { return Array(out[s..<e]) }
        return out
    }

    /// The unfolded value as text: UTF-8 when valid (RFC 6532), else the fallback charset.
    /// Encoded words are not decoded and nothing is sanitised; use ``text(fallback:)`` for display.
    public func value(fallback: String = CharsetDecoder.defaultFallback) -> String {
        // Most values are one line with one space after the colon: decoded as they are, without
        // the copy that unfolding makes.
        if isUnfolded { return CharsetDecoder.decode(rawValue.dropFirst(), charset: nil, fallback: fallback) }
        return CharsetDecoder.decode(unfoldedBytes, charset: nil, fallback: fallback)
    }

    /// True when ``rawValue`` is a space followed by ``unfoldedBytes`` (no line break, no other
    /// white space at either end).
    private var isUnfolded: Bool {
        guard rawValue.count >= 2, rawValue.first == 0x20 else { return false }
        let second = rawValue[rawValue.startIndex + 1]
        let last = rawValue[rawValue.endIndex - 1]
        if second == 0x20 || second == 0x09 || last == 0x20 || last == 0x09 || last == 0x0D { return false }
        return !rawValue.contains { $0 == 0x0A || $0 == 0x0D }
    }

    /// The value as unstructured text for display (RFC 5322 §3.2.5, RFC 2047): unfolded, 8-bit
    /// bytes decoded (UTF-8, else `fallback`), encoded words decoded, and sanitised (CR, LF and
    /// TAB become spaces, other control characters U+FFFD).
    public func text(fallback: String = CharsetDecoder.defaultFallback) -> String {
        EncodedWord.decode(value(fallback: fallback), fallback: fallback).trimmingSpaces()
    }
}
