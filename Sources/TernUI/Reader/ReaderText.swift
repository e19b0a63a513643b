import Foundation
import MailCore

/// Small text helpers of the viewer.
enum ReaderText {
    /// Text from a message made safe for one line: controls, bidi overrides and line separators
    /// replaced (``DisplaySanitizer``, tabs included), the private sentinels of ``ReaderURLMarks``
    /// replaced too.
    static func clean(_ text: String, keepTabs: Bool = false) -> String {
        ReaderURLMarks.neutralise(DisplaySanitizer.sanitize(text, allowTab: keepTabs))
    }

    /// `240 KB`, `1.5 MB`, `512 B`.
    static func size(_ n: Int) -> String {
        func format(_ value: Double, _ unit: String) -> String {
            value < 10 ? String(format: "%.1f %@", value, unit) : "\(Int(value.rounded())) \(unit)"
        }
        if n < 1024 { return "\(n) B" }
        let kb = Double(n) / 1024
        if kb < 1024 { return format(kb, "KB") }
        let mb = kb / 1024
        if mb < 1024 { return format(mb, "MB") }
        return format(mb / 1024, "GB")
    }

    /// The decoded size of a leaf part, estimated without decoding it: base64 from its length
    /// less line ends, quoted-printable and the rest from the encoded length.
    static func decodedSize(_ part: MIMEPart) -> Int {
        let raw = part.rawBody
        switch part.transferEncoding {
        case .base64:
            // Lines have one length (76 by RFC 2045): count them from the first one.
            var payload = raw.count
            if let firstLF = raw.firstIndex(of: 0x0A) {
                let lineEnd = firstLF > raw.startIndex && raw[firstLF - 1] == 0x0D ? 2 : 1
                let lineLength = firstLF - raw.startIndex + 1
                var ends = raw.count / lineLength
                // A last line that is not full has no line end in the body's range.
                if raw.count % lineLength != 0, raw.last == 0x0A { ends += 1 }
                payload -= ends * lineEnd
            }
            // Padding at the end.
            var i = raw.endIndex - 1
            var seen = 0
            while i >= raw.startIndex, seen < 8 {
                let c = raw[i]
                if c == UInt8(ascii: "=") { payload -= 1 } else if c != 0x0A && c != 0x0D { break }
                i -= 1
                seen += 1
            }
            return max(0, payload) * 3 / 4
        default:
            return raw.count
        }
    }

    /// True when `bytes` are valid UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF),
    /// ASCII runs checked eight bytes at a time.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < n {
            while i &+ 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i &+= 8 }
            guard i < n else { return true }
            let b0 = base[i]
            if b0 < 0x80 { i &+= 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard i &+ length <= n, base[i &+ 1] >= low, base[i &+ 1] <= high else { return false }
            for k in 2..<length where base[i &+ k] & 0xC0 != 0x80 { return false }
            i &+= length
        }
        return true
    }

    /// True when `bytes` are valid UTF-8.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// The date as the viewer shows it: `Sun, 29 Nov 2026 16:04:05 +0100`, in `zone`, with
    /// English names whatever the locale (the form of RFC 5322 §3.3); `?` for a date out of range.
    static func date(_ date: Date, zone: DisplayZone) -> String {
        guard let parts = zone.brokenDown(date), (0 ..< 7).contains(parts.tm_wday), (0 ..< 12).contains(parts.tm_mon) else {
            return "?"
        }
        let offset = zone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[Int(parts.tm_wday)]), \(parts.tm_mday) \(months[Int(parts.tm_mon)]) \(Int(parts.tm_year) + 1900) "
            + "\(two(Int(parts.tm_hour))):\(two(Int(parts.tm_min))):\(two(Int(parts.tm_sec))) "
            + "\(sign)\(two(abs(offset) / 60))\(two(abs(offset) % 60))"
    }
}
