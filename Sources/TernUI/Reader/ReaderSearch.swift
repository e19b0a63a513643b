/// A search in the laid-out lines of a message (`/`, `n`, `N`): every match with its line and
/// UTF-8 range, for highlighting and for jumping.
///
/// The search is lazy: ``matches`` holds every match of the lines in ``scannedLines``, a window
/// that starts where the search started and grows down (``extend(_:through:)``) and up
/// (``extendBackward(_:to:)``) only as far as a jump needs, so neither the search nor the layout
/// goes past the match shown. Lines on screen outside the window are highlighted from
/// ``ranges(in:)``.
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
    /// Every match in the lines scanned, in document order.
    public private(set) var matches: [Match] = []
    /// The lines scanned so far.
    public private(set) var scannedLines: Range<Int>
    /// The end of the lines scanned.
    public var scanned: Int { scannedLines.upperBound }

    private let ignoreCase: Bool
    private let needle: [UInt8]
    private let needleIsASCII: Bool
    /// The ASCII bytes the query starts with (a quick test before folding a line's case).
    private let asciiPrefix: [UInt8]

    /// A search for `query` that has scanned nothing yet; its window starts at line `start`.
    public init(query: String, startingAt start: Int = 0) {
        self.query = query
        scannedLines = max(0, start)..<max(0, start)
        ignoreCase = !query.contains { $0.isUppercase }
        needle = Array((ignoreCase ? query.lowercased() : query).utf8)
        needleIsASCII = needle.allSatisfy { $0 < 0x80 }
        var prefix: [UInt8] = []
        for byte in needle {
            guard byte < 0x80 else { break }
            prefix.append(byte)
        }
        asciiPrefix = prefix
    }

    /// Searches all of `lines` for `query`.
    public init(query: String, in lines: [ReaderLine]) {
        self.init(query: query)
        extend(lines)
    }

    /// Scans the lines of `lines` after those already scanned, up to line `end` (excluded; all of
    /// them when nil).
    public mutating func extend(_ lines: [ReaderLine], through end: Int? = nil) {
        let stop = min(lines.count, end ?? lines.count)
        let start = scannedLines.upperBound
        guard start < stop else { return }
        defer { scannedLines = scannedLines.lowerBound..<stop }
        guard !needle.isEmpty else { return }
        for index in start..<stop {
            for range in ranges(in: lines[index].text) { matches.append(Match(line: index, range: range)) }
        }
    }

    /// Scans the lines before the window, from line `start` on.
    /// - Returns: the number of matches added in front (the indexes of the others grow by it).
    @discardableResult
    public mutating func extendBackward(_ lines: [ReaderLine], to start: Int) -> Int {
        let from = max(0, min(start, lines.count))
        let end = scannedLines.lowerBound
        guard from < end else { return 0 }
        defer { scannedLines = from..<scannedLines.upperBound }
        guard !needle.isEmpty else { return 0 }
        var added: [Match] = []
        for index in from..<end {
            for range in ranges(in: lines[index].text) { added.append(Match(line: index, range: range)) }
        }
        matches.insert(contentsOf: added, at: 0)
        return added.count
    }

    /// The matches in one line's text (UTF-8 ranges), whether it is scanned or not.
    public func ranges(in text: String) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        var text = text
        let needle = self.needle
        let ignoreCase = self.ignoreCase
        let asciiPrefix = self.asciiPrefix
        let found: [Int]? = text.withUTF8 { bytes -> [Int]? in
            if !ignoreCase { return Self.occurrences(of: needle, in: bytes, foldASCII: false) }
            if needleIsASCII { return Self.occurrences(of: needle, in: bytes, foldASCII: true) }
            // A non-ASCII query cannot match a line of ASCII only, nor one without its ASCII start.
            if !bytes.contains(where: { $0 >= 0x80 }) { return [] }
            if !asciiPrefix.isEmpty, Self.occurrences(of: asciiPrefix, in: bytes, foldASCII: true).isEmpty { return [] }
            return nil
        }
        if let found { return found.map { $0..<($0 + needle.count) } }
        var haystack = Array(text.utf8)
        let lowered = Array(text.lowercased().utf8)
        if lowered.count == haystack.count {
            haystack = lowered
        } else {
            for i in haystack.indices where haystack[i] >= 0x41 && haystack[i] <= 0x5A { haystack[i] |= 0x20 }
        }
        let starts = haystack.withUnsafeBufferPointer { Self.occurrences(of: needle, in: $0, foldASCII: false) }
        return starts.map { $0..<($0 + needle.count) }
    }

    /// The start offsets of `needle` in `haystack`, not overlapping; `foldASCII` compares ASCII
    /// letters of the haystack in lower case (the needle is lower case already).
    static func occurrences(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, foldASCII: Bool) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        @inline(__always) func fold(_ b: UInt8) -> UInt8 { foldASCII && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        var result: [Int] = []
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if fold(haystack[i]) == first {
                var j = 1
                while j < needle.count, fold(haystack[i + j]) == needle[j] { j += 1 }
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

    /// The start offsets of `needle` in `haystack`, not overlapping.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        haystack.withUnsafeBufferPointer { occurrences(of: needle, in: $0, foldASCII: false) }
    }

    /// The index of the first match on a line after `line` (or before it, `backward`), wrapping
    /// around the lines scanned; nil when there is no match.
    public func next(after line: Int, backward: Bool = false) -> Int? {
        guard !matches.isEmpty else { return nil }
        if backward {
            return self.last(before: line) ?? matches.count - 1
        }
        return firstIndex(onOrAfter: line + 1) ?? 0
    }

    /// The index of the last match on a line before `line`, without wrapping.
    func last(before line: Int) -> Int? {
        guard let i = firstIndex(onOrAfter: line) else { return matches.isEmpty ? nil : matches.count - 1 }
        return i > 0 ? i - 1 : nil
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

    /// The matches on `line` with their indexes; a line not scanned yet is searched now (its
    /// matches get index -1).
    public func matches(onLine line: Int, text: String) -> [(index: Int, range: Range<Int>)] {
        if scannedLines.contains(line) { return matches(onLine: line) }
        return ranges(in: text).map { (-1, $0) }
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
