#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a header section into fields (RFC 5322 §2.2, obsolete syntax of §4.5) in one pass.
///
/// ```
/// field      = field-name *WSP ":" unstructured CRLF   ; WSP before ":" is obs-optional
/// field-name = 1*ftext                                ; printable ASCII except ":"
/// ```
/// Lines starting with white space continue the previous field. The section ends at an empty
/// line, at a delimiter line of an open multipart, or (with a note) at a line that is neither a
/// field nor a continuation; that line then begins the body. LF alone is accepted as a line end.
struct HeaderScanner {
    struct Result {
        var fields: [HeaderField]
        /// Where the body starts.
        var bodyStart: Int
        /// The delimiter line that ended the header section (the body is then empty).
        var hit: BoundaryScanner.Hit?
        var notes: [ParseNote]
    }

    static func scan(_ buffer: [UInt8], _ p: UnsafeBufferPointer<UInt8>, from start: Int, scanner: BoundaryScanner,
                     limits: ParseLimits, topLevel: Bool) -> Result {
        let n = p.count
        let base = p.baseAddress!
        var fields: [HeaderField] = []
        // A header section has a dozen fields or more: room for them at once, rather than
        // growing the array four times (a little less for a short buffer).
        fields.reserveCapacity(min(16, (n - start) / 32 + 1))
        var notes: [ParseNote] = []
        var pos = start
        var current: (nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int)?
        var limitReached = false

        func finish() {
            guard let c = current else { return }
            current = nil
            if limitReached { return }
            if fields.count >= limits.maxHeaderFields || c.valueEnd - start > limits.maxHeaderBytes {
                limitReached = true
                notes.append(ParseNote(.headerTooLarge, at: c.valueStart,
                                       "The header section is larger than the limit (\(limits.maxHeaderFields) fields, \(limits.maxHeaderBytes) bytes); the remaining fields were ignored."))
                return
            }
            fields.append(HeaderField(nameBytes: UnsafeBufferPointer(rebasing: p[c.nameStart..<c.nameEnd]),
                                      rawValue: buffer[c.valueStart..<c.valueEnd]))
        }

        // An mbox "From " line or stray blank-looking junk before the first field.
        if topLevel, n - pos >= 5, p[pos] == UInt8(ascii: "F"), p[pos + 1] == UInt8(ascii: "r"),
           p[pos + 2] == UInt8(ascii: "o"), p[pos + 3] == UInt8(ascii: "m"), p[pos + 4] == 0x20 {
            if let lf = memchr(base + pos, 0x0A, n - pos) {
                pos = base.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1
            } else {
                pos = n
            }
            notes.append(ParseNote(.headerJunk, at: start, "An mbox \"From \" line before the header was skipped."))
        }

        while pos < n {
            let lineEnd: Int
            let next: Int
            if let lf = memchr(base + pos, 0x0A, n - pos) {
                lineEnd = base.distance(to: lf.assumingMemoryBound(to: UInt8.self))
                next = lineEnd + 1
            } else {
                lineEnd = n
                next = n
            }
            var contentEnd = lineEnd
            if contentEnd > pos, p[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd == pos {
                // The empty line that ends the header section.
                finish()
                return Result(fields: fields, bodyStart: next, hit: nil, notes: notes)
            }
            let c = p[pos]
            if c == UInt8(ascii: "-"), let hit = scanner.delimiter(at: pos, in: p, contentEnd: pos) {
                finish()
                return Result(fields: fields, bodyStart: pos, hit: hit, notes: notes)
            }
            if c == 0x20 || c == 0x09 {
                if current != nil {
                    current!.valueEnd = contentEnd
                } else if fields.isEmpty {
                    // White space before the first field: obsolete junk, skipped.
                    if notes.isEmpty {
                        notes.append(ParseNote(.headerJunk, at: pos, "A continuation line without a field before it was ignored."))
                    }
                } else {
                    // A continuation of a field that was dropped by the limit.
                }
                pos = next
                continue
            }
            // field-name *WSP ":"
            var i = pos
            while i < contentEnd, p[i] > 0x20, p[i] < 0x7F, p[i] != UInt8(ascii: ":") { i += 1 }
            let nameEnd = i
            while i < contentEnd, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
            if nameEnd > pos, i < contentEnd, p[i] == UInt8(ascii: ":") {
                finish()
                current = (pos, nameEnd, i + 1, contentEnd)
                pos = next
                continue
            }
            // Not a field: the header section ends here and this line starts the body.
            finish()
            notes.append(ParseNote(.headerNotTerminated, at: pos,
                                   "A line that is not a header field ended the header section without an empty line."))
            return Result(fields: fields, bodyStart: pos, hit: nil, notes: notes)
        }
        finish()
        return Result(fields: fields, bodyStart: n, hit: nil, notes: notes)
    }
}
