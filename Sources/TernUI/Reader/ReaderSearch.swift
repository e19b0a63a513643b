/// A search in the laid-out lines of a message (`/`, `n`, `N`): every match with its line and
/// UTF-8 range, for highlighting and for jumping.
///
/// Smart case: a query with no upper-case letter ignores case (ASCII letters by folding, other
/// letters through `lowercased()` where that keeps the text's length), one with an upper-case letter
/// matches exactly. Matches do not span lines.
public struct ReaderSearch: Sendable, Hashable {
    /// One match.
    public struct Match: Sendable, Hashable {
        /// The line.
        public var line: Int
        /// UTF-8 offsets in the line's text.
        public var range: Range<Int>
    }

    /// The text searched for.
    public let query: String
    /// Every match, in document order.
    public let matches: [Match]

    /// Searches `lines` for `query`.
    public init(query: String, in lines: [ReaderLine]) {
        self.query = query
        guard !query.isEmpty else {
            matches = []
            return
        }
        let ignoreCase = !query.contains { $0.isUppercase }
        let needle = Array((ignoreCase ? query.lowercased() : query).utf8)
        var found: [Match] = []
        for (index, line) in lines.enumerated() {
            var haystack = Array(line.text.utf8)
            if ignoreCase {
                let lowered = Array(line.text.lowercased().utf8)
                if lowered.count == haystack.count {
                    haystack = lowered
                } else {
                    for i in haystack.indices where haystack[i] >= 0x41 && haystack[i] <= 0x5A { haystack[i] |= 0x20 }
                }
            }
            for start in Self.occurrences(of: needle, in: haystack) {
                found.append(Match(line: index, range: start..<(start + needle.count)))
            }
        }
        matches = found
    }

    /// The start offsets of `needle` in `haystack`, not overlapping.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var result: [Int] = []
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count {
                    result.append(i)
                    i += needle.count
                    continue
                }
            }
            i += 1
        }
        return result
    }

    /// The index of the first match on a line after `line` (or before it, `backward`), wrapping
    /// around the document; nil when there is no match.
    public func next(after line: Int, backward: Bool = false) -> Int? {
        guard !matches.isEmpty else { return nil }
        if backward {
            if let i = matches.lastIndex(where: { $0.line < line }) { return i }
            return matches.count - 1
        }
        if let i = firstIndex(onOrAfter: line + 1) { return i }
        return 0
    }

    /// The index of the first match on line `line` or later (binary search).
    func firstIndex(onOrAfter line: Int) -> Int? {
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid].line < line { low = mid + 1 } else { high = mid }
        }
        return low < matches.count ? low : nil
    }

    /// The matches on `line` with their indexes.
    public func matches(onLine line: Int) -> [(index: Int, range: Range<Int>)] {
        guard var i = firstIndex(onOrAfter: line) else { return [] }
        var result: [(Int, Range<Int>)] = []
        while i < matches.count, matches[i].line == line {
            result.append((i, matches[i].range))
            i += 1
        }
        return result
    }
}
