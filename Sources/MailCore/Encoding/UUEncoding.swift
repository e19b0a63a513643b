/// uuencode, as found in old mail: a `begin MODE NAME` line, encoded lines, and `end`.
public enum UUEncoding {
    /// A file found uuencoded inside text.
    public struct File: Sendable, Hashable {
        /// The file name from the `begin` line (sanitised).
        public var name: String
        /// The decoded bytes.
        public var data: [UInt8]
        /// The byte range of the whole block (`begin` line to `end` line) in the text.
        public var range: Range<Int>
    }

    /// Decodes a body with `Content-Transfer-Encoding: x-uuencode`: the first block if there is a
    /// `begin` line, else every line as uuencoded data.
    public static func decodeBody(_ body: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let bytes = Array(body)
        if let file = extract(from: bytes).first { return file.data }
        var out: [UInt8] = []
        for line in lines(bytes, from: 0) { decodeLine(bytes[line.range], into: &out) }
        return out
    }

    /// Finds the clearly marked uuencoded blocks in text: a line `begin NNN name` (NNN three or
    /// four octal digits), lines whose length matches their count character, and a line `end`.
    /// Anything less regular is left alone as text.
    ///
    /// - Parameter text: The decoded text part.
    /// - Returns: The files in order.
    public static func extract(from text: [UInt8]) -> [File] {
        var files: [File] = []
        var it = lines(text, from: 0).makeIterator()
        while let line = it.next() {
            let l = text[line.range]
            guard l.starts(with: Array("begin ".utf8)) else { continue }
            let parts = l.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count == 3, (3...4).contains(parts[1].count),
                  parts[1].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) else { continue }
            let name = TextSanitizer.fileName(String(decoding: parts[2], as: UTF8.self).trimmingSpaces())
            var data: [UInt8] = []
            var ok = false
            var endLine = line
            while let next = it.next() {
                let d = text[next.range]
                if d.elementsEqual("end".utf8) { ok = true; endLine = next; break }
                if d.isEmpty { continue }
                guard isValidLine(d) else { break }
                decodeLine(d, into: &data)
            }
            if ok { files.append(File(name: name, data: data, range: line.start..<endLine.next)) }
        }
        return files
    }

    struct Line {
        var start: Int
        var range: Range<Int>   // content without the line end
        var next: Int
    }

    static func lines(_ text: [UInt8], from start: Int) -> [Line] {
        var result: [Line] = []
        var i = start
        while i < text.count {
            var j = i
            while j < text.count, text[j] != 0x0A { j += 1 }
            var e = j
            if e > i, text[e - 1] == 0x0D { e -= 1 }
            while e > i, text[e - 1] == 0x20 { e -= 1 }
            result.append(Line(start: i, range: i..<e, next: min(j + 1, text.count)))
            i = j + 1
        }
        return result
    }

    private static func isValidLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first, first >= 0x20, first <= 0x60 else { return false }
        let count = Int((first - 0x20) & 0x3F)
        let needed = (count + 2) / 3 * 4
        return line.count - 1 >= needed && line.count - 1 <= needed + 2 &&
            line.allSatisfy { $0 >= 0x20 && $0 <= 0x60 }
    }

    static func decodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        guard let first = line.first else { return }
        let count = Int((first &- 0x20) & 0x3F)
        var produced = 0
        var i = line.startIndex + 1
        while produced < count, i < line.endIndex {
            let c = (0..<4).map { k -> UInt32 in i + k < line.endIndex ? UInt32((line[i + k] &- 0x20) & 0x3F) : 0 }
            let v = c[0] << 18 | c[1] << 12 | c[2] << 6 | c[3]
            for shift in [16, 8, 0] where produced < count {
                out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift)))
                produced += 1
            }
            i += 4
        }
    }
}
