/// Base64 (RFC 2045 §6.8), decoded leniently and encoded with 76-column lines.
public enum Base64 {
    /// 0...63 for alphabet bytes, 0xFE for `=`, 0xFF for anything else (skipped).
    static let decodeTable: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        // The URL-safe alphabet is accepted too: some senders use it.
        t[Int(UInt8(ascii: "-"))] = 62
        t[Int(UInt8(ascii: "_"))] = 63
        t[Int(UInt8(ascii: "="))] = 0xFE
        return t
    }()

    static let encodeTable: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Decodes base64, ignoring white space and any byte outside the alphabet, tolerating missing
    /// padding, and continuing after padding (concatenated encodings).
    ///
    /// - Parameter input: The encoded bytes.
    /// - Returns: The decoded bytes. Never fails: a dangling single character is dropped.
    public static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let n = input.count
        guard let src = input.baseAddress, n > 0 else { return [] }
        return decodeTable.withUnsafeBufferPointer { tp in
            let t = tp.baseAddress!
            return [UInt8](unsafeUninitializedCapacity: n / 4 * 3 + 3) { out, count in
                let dst = out.baseAddress!
                var o = 0
                var i = 0
                var acc: UInt32 = 0
                var k = 0
                while i < n {
                    if k == 0 {
                        // Fast path: eight alphabet bytes in a row give six bytes.
                        while i &+ 8 <= n {
                            let p = src + i
                            let a = UInt32(t[Int(p[0])]), b = UInt32(t[Int(p[1])]), c = UInt32(t[Int(p[2])]), d = UInt32(t[Int(p[3])])
                            let e = UInt32(t[Int(p[4])]), f = UInt32(t[Int(p[5])]), g = UInt32(t[Int(p[6])]), h = UInt32(t[Int(p[7])])
                            if (a | b | c | d | e | f | g | h) & 0xC0 != 0 { break }
                            let v = a << 18 | b << 12 | c << 6 | d
                            let w = e << 18 | f << 12 | g << 6 | h
                            let q = dst + o
                            q[0] = UInt8(truncatingIfNeeded: v >> 16)
                            q[1] = UInt8(truncatingIfNeeded: v >> 8)
                            q[2] = UInt8(truncatingIfNeeded: v)
                            q[3] = UInt8(truncatingIfNeeded: w >> 16)
                            q[4] = UInt8(truncatingIfNeeded: w >> 8)
                            q[5] = UInt8(truncatingIfNeeded: w)
                            o &+= 6
                            i &+= 8
                        }
                        while i &+ 4 <= n {
                            let p = src + i
                            let a = UInt32(t[Int(p[0])]), b = UInt32(t[Int(p[1])]), c = UInt32(t[Int(p[2])]), d = UInt32(t[Int(p[3])])
                            if (a | b | c | d) & 0xC0 != 0 { break }
                            let v = a << 18 | b << 12 | c << 6 | d
                            dst[o] = UInt8(truncatingIfNeeded: v >> 16)
                            dst[o &+ 1] = UInt8(truncatingIfNeeded: v >> 8)
                            dst[o &+ 2] = UInt8(truncatingIfNeeded: v)
                            o &+= 3
                            i &+= 4
                        }
                        if i >= n { break }
                    }
                    let v = t[Int(src[i])]
                    i &+= 1
                    if v < 64 {
                        acc = acc << 6 | UInt32(v)
                        k &+= 1
                        if k == 4 {
                            dst[o] = UInt8(truncatingIfNeeded: acc >> 16)
                            dst[o &+ 1] = UInt8(truncatingIfNeeded: acc >> 8)
                            dst[o &+ 2] = UInt8(truncatingIfNeeded: acc)
                            o &+= 3
                            k = 0
                            acc = 0
                        }
                    } else if v == 0xFE {
                        flush(acc, k, dst, &o)
                        k = 0
                        acc = 0
                    }
                }
                flush(acc, k, dst, &o)
                count = o
            }
        }
    }

    @inline(__always)
    private static func flush(_ acc: UInt32, _ k: Int, _ dst: UnsafeMutablePointer<UInt8>, _ o: inout Int) {
        if k == 2 {
            dst[o] = UInt8(truncatingIfNeeded: acc >> 4)
            o += 1
        } else if k == 3 {
            dst[o] = UInt8(truncatingIfNeeded: acc >> 10)
            dst[o + 1] = UInt8(truncatingIfNeeded: acc >> 2)
            o += 2
        }
    }

    /// Decodes base64 from any byte collection (see ``decode(_:)-(UnsafeBufferPointer<UInt8>)``).
    public static func decode<C: Collection<UInt8>>(_ input: C) -> [UInt8] {
        if let r = input.withContiguousStorageIfAvailable({ decode($0) }) { return r }
        return Array(input).withUnsafeBufferPointer { decode($0) }
    }

    /// Encodes bytes as base64.
    ///
    /// - Parameters:
    ///   - input: The bytes.
    ///   - lineLength: Characters per line (a multiple of 4), or 0 for one unbroken line.
    /// - Returns: The encoding, lines separated by CRLF, no line end after the last line.
    public static func encode<C: Collection<UInt8>>(_ input: C, lineLength: Int = 76) -> [UInt8] {
        let bytes = Array(input)
        let n = bytes.count
        let encodedCount = (n + 2) / 3 * 4
        let lines = lineLength > 0 ? max(0, (encodedCount - 1) / lineLength) : 0
        var out = [UInt8]()
        out.reserveCapacity(encodedCount + lines * 2)
        encodeTable.withUnsafeBufferPointer { t in
            var column = 0
            var i = 0
            func put(_ c: UInt8) {
                if lineLength > 0 && column == lineLength {
                    out.append(13); out.append(10)
                    column = 0
                }
                out.append(c)
                column += 1
            }
            while i + 3 <= n {
                let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
                put(t[Int(v >> 18 & 63)]); put(t[Int(v >> 12 & 63)]); put(t[Int(v >> 6 & 63)]); put(t[Int(v & 63)])
                i += 3
            }
            let rest = n - i
            if rest == 1 {
                let v = UInt32(bytes[i]) << 16
                put(t[Int(v >> 18 & 63)]); put(t[Int(v >> 12 & 63)]); put(UInt8(ascii: "=")); put(UInt8(ascii: "="))
            } else if rest == 2 {
                let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
                put(t[Int(v >> 18 & 63)]); put(t[Int(v >> 12 & 63)]); put(t[Int(v >> 6 & 63)]); put(UInt8(ascii: "="))
            }
        }
        return out
    }
}
