/// Quoted-printable (RFC 2045 §6.7): a lenient decoder and an encoder for text.
public enum QuotedPrintable {
    /// Hex digit values (upper and lower case), 0xFF for other bytes.
    static let hexTable: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "0123456789ABCDEF".utf8.enumerated() { t[Int(c)] = UInt8(i) }
        for (i, c) in "abcdef".utf8.enumerated() { t[Int(c)] = UInt8(10 + i) }
        return t
    }()

    /// Decodes quoted-printable.
    ///
    /// `=XX` in either case becomes the byte; `=` before a line end (white space allowed between)
    /// is a soft line break and disappears; white space at the end of a line is transport padding
    /// and is removed; any other `=` (a bad escape) is kept literally. Line ends are kept as they are.
    /// - Parameter input: The encoded bytes.
    /// - Returns: The decoded bytes.
    public static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let n = input.count
        guard let src = input.baseAddress, n > 0 else { return [] }
        return hexTable.withUnsafeBufferPointer { hp in
            let hex = hp.baseAddress!
            return [UInt8](unsafeUninitializedCapacity: n) { out, count in
                let dst = out.baseAddress!
                var o = 0
                var i = 0
                // Output before this index is never trimmed: escapes and soft breaks protect it.
                var floor = 0
                let raw = UnsafeRawPointer(src)
                while i < n {
                    // Copy eight bytes at once while none of them is "=" or LF.
                    while i &+ 8 <= n {
                        let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        let eq = x ^ 0x3D3D_3D3D_3D3D_3D3D
                        let lf = x ^ 0x0A0A_0A0A_0A0A_0A0A
                        let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                        if ((eq &- low) & ~eq & high) | ((lf &- low) & ~lf & high) != 0 { break }
                        UnsafeMutableRawPointer(dst + o).storeBytes(of: x, as: UInt64.self)
                        o &+= 8
                        i &+= 8
                    }
                    if i >= n { break }
                    let c = src[i]
                    if c == UInt8(ascii: "=") {
                        if i &+ 2 < n {
                            let h = hex[Int(src[i &+ 1])], l = hex[Int(src[i &+ 2])]
                            if h < 16 && l < 16 {
                                dst[o] = h << 4 | l
                                o &+= 1
                                i &+= 3
                                floor = o
                                continue
                            }
                        }
                        // Soft line break: "=" [WSP...] (CRLF / LF / end of input)
                        var j = i &+ 1
                        while j < n, src[j] == 0x20 || src[j] == 0x09 { j &+= 1 }
                        if j == n || (src[j] == 0x0D && j &+ 1 == n) { i = n; floor = o; continue }
                        if src[j] == 0x0A { i = j &+ 1; floor = o; continue }
                        if src[j] == 0x0D, src[j &+ 1] == 0x0A { i = j &+ 2; floor = o; continue }
                        // A bad escape: kept literally.
                        dst[o] = c
                        o &+= 1
                        i &+= 1
                        floor = o
                        continue
                    }
                    if c == 0x0A {
                        // A hard line end: drop the transport padding (trailing white space).
                        let hasCR = o > floor && dst[o &- 1] == 0x0D
                        if hasCR { o &-= 1 }
                        while o > floor, dst[o &- 1] == 0x20 || dst[o &- 1] == 0x09 { o &-= 1 }
                        if hasCR { dst[o] = 0x0D; o &+= 1 }
                        dst[o] = 0x0A
                        o &+= 1
                        i &+= 1
                        floor = o
                        continue
                    }
                    dst[o] = c
                    o &+= 1
                    i &+= 1
                }
                // White space at the very end is padding too.
                while o > floor, dst[o &- 1] == 0x20 || dst[o &- 1] == 0x09 { o &-= 1 }
                count = o
            }
        }
    }

    /// Decodes quoted-printable from any byte collection.
    public static func decode<C: Collection<UInt8>>(_ input: C) -> [UInt8] {
        if let r = input.withContiguousStorageIfAvailable({ decode($0) }) { return r }
        return Array(input).withUnsafeBufferPointer { decode($0) }
    }

    /// Encodes text as quoted-printable with lines of at most 76 characters.
    ///
    /// Line ends in the input (LF or CRLF) become hard CRLF line breaks; `=`, bytes outside
    /// printable ASCII, white space before a line end, and an `F` starting `From ` or a lone `.`
    /// at the start of a line are encoded; long lines get soft breaks.
    /// - Parameter input: UTF-8 (or other) text bytes.
    /// - Returns: The encoded text with CRLF line ends.
    public static func encode<C: Collection<UInt8>>(_ input: C) -> [UInt8] {
        let bytes = Array(input)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        let digits = Array("0123456789ABCDEF".utf8)
        var column = 0
        var i = 0
        let n = bytes.count
        func emit(_ piece: [UInt8]) {
            if column + piece.count > 75 {
                out.append(UInt8(ascii: "=")); out.append(13); out.append(10)
                column = 0
            }
            out.append(contentsOf: piece)
            column += piece.count
        }
        func escaped(_ b: UInt8) -> [UInt8] { [UInt8(ascii: "="), digits[Int(b >> 4)], digits[Int(b & 15)]] }
        while i < n {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) {
                out.append(13); out.append(10)
                column = 0
                i += b == 0x0D ? 2 : 1
                continue
            }
            let atLineEnd = i + 1 == n || bytes[i + 1] == 0x0A || (bytes[i + 1] == 0x0D && i + 2 < n && bytes[i + 2] == 0x0A)
            var encode = b == UInt8(ascii: "=") || b >= 0x7F || (b < 0x20 && b != 0x09)
            if (b == 0x20 || b == 0x09) && atLineEnd { encode = true }
            if column == 0 {
                if b == UInt8(ascii: "F"), i + 5 <= n, Array(bytes[i..<i + 5]) == Array("From ".utf8) { encode = true }
                if b == UInt8(ascii: "."), atLineEnd { encode = true }
            }
            if encode {
                // Keep the bytes of one UTF-8 character on one line.
                var end = i + 1
                if b >= 0xC0 { while end < n, end - i < 4, bytes[end] & 0xC0 == 0x80 { end += 1 } }
                var piece: [UInt8] = []
                for k in i..<end { piece += escaped(bytes[k]) }
                emit(piece)
                i = end
            } else {
                emit([b])
                i += 1
            }
        }
        return out
    }
}
