#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds delimiter lines (RFC 2046 §5.1.1) of every open multipart in one forward scan.
///
/// A delimiter is a line that starts with `--` followed by exactly one open boundary, then
/// optional `--` (the close delimiter), then optional white space. The line break before it
/// belongs to the delimiter. Open boundaries live in a stack with a hash lookup, so each line
/// is looked at once whatever the nesting depth: the whole parse is linear in the input.
struct BoundaryScanner {
    /// A delimiter line found in the input.
    struct Hit {
        /// Where the content before the delimiter ends (before the CRLF or LF that precedes it).
        var contentEnd: Int
        /// The index of the first `-` of the delimiter line.
        var lineStart: Int
        /// The index after the delimiter line's line end.
        var next: Int
        /// The stack level of the boundary (0 = outermost).
        var level: Int
        /// True for a close delimiter (`--boundary--`).
        var isClose: Bool
    }

    private(set) var stack: [[UInt8]] = []
    private var lookup: [[UInt8]: Int] = [:]
    private var shadowed: [Int?] = []
    private var minLength = Int.max
    private var maxLength = 0

    var depth: Int { stack.count }

    mutating func push(_ boundary: [UInt8]) {
        shadowed.append(lookup[boundary])
        lookup[boundary] = stack.count
        stack.append(boundary)
        recomputeLengths()
    }

    mutating func pop() {
        guard let b = stack.popLast(), let previous = shadowed.popLast() else { return }
        lookup[b] = previous
        recomputeLengths()
    }

    private mutating func recomputeLengths() {
        minLength = stack.map(\.count).min() ?? Int.max
        maxLength = stack.map(\.count).max() ?? 0
    }

    /// The delimiter line starting at `lineStart` (which must be the start of a line), or nil.
    func delimiter(at lineStart: Int, in p: UnsafeBufferPointer<UInt8>, contentEnd: Int) -> Hit? {
        let n = p.count
        guard !stack.isEmpty, lineStart + 2 <= n, p[lineStart] == UInt8(ascii: "-"),
              p[lineStart + 1] == UInt8(ascii: "-") else { return nil }
        let base = p.baseAddress!
        let from = lineStart + 2
        // Find the end of the line, but never look further than the longest boundary plus
        // room for "--" and some trailing white space before giving up on a line.
        var lineEnd: Int
        var next: Int
        if let lf = memchr(base + from, 0x0A, n - from) {
            lineEnd = base.distance(to: lf.assumingMemoryBound(to: UInt8.self))
            next = lineEnd + 1
        } else {
            lineEnd = n
            next = n
        }
        var e = lineEnd
        while e > from, p[e - 1] == 0x20 || p[e - 1] == 0x09 || p[e - 1] == 0x0D { e -= 1 }
        let length = e - from
        guard length >= minLength, length <= maxLength + 2 else { return nil }
        if length <= maxLength, let level = lookup[Array(p[from..<e])] {
            return Hit(contentEnd: contentEnd, lineStart: lineStart, next: next, level: level, isClose: false)
        }
        if length >= 2, p[e - 1] == UInt8(ascii: "-"), p[e - 2] == UInt8(ascii: "-"),
           let level = lookup[Array(p[from..<(e - 2)])] {
            return Hit(contentEnd: contentEnd, lineStart: lineStart, next: next, level: level, isClose: true)
        }
        return nil
    }

    /// The first delimiter line at or after `start`, which must be the start of a line.
    func next(from start: Int, in p: UnsafeBufferPointer<UInt8>) -> Hit? {
        guard !stack.isEmpty else { return nil }
        let n = p.count
        if let hit = delimiter(at: start, in: p, contentEnd: start) { return hit }
        let base = p.baseAddress!
        // Look for "-" rather than for every line feed: base64 bodies have no "-" at all, so
        // most of a message is skipped in a single memchr call.
        var i = start + 1
        while i + 1 < n {
            guard let found = memchr(base + i, Int32(UInt8(ascii: "-")), n - i) else { return nil }
            let k = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if k + 1 < n, p[k - 1] == 0x0A, p[k + 1] == UInt8(ascii: "-") {
                let lf = k - 1
                var contentEnd = lf
                if lf > start, p[lf - 1] == 0x0D { contentEnd = lf - 1 }
                if let hit = delimiter(at: k, in: p, contentEnd: contentEnd) { return hit }
            }
            i = k + 1
        }
        return nil
    }
}
