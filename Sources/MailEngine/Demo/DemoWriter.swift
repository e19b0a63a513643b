import Foundation

/// Writes the bytes of demo messages: headers, MIME parts, base64 and quoted-printable, CRLF.
struct DemoWriter {
    private(set) var bytes: [UInt8] = []

    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(contentsOf: [13, 10])
    }

    mutating func header(_ name: String, _ value: String) {
        line("\(name): \(value)")
    }

    mutating func body(_ body: DemoMessage.Body, boundarySeed: String, now: Date) {
        switch body {
        case .text(let subtype, let charset, let content, let encoding, let flowed):
            header("Content-Type", "text/\(subtype); charset=\(charset)" + (flowed ? "; format=flowed" : ""))
            header("Content-Transfer-Encoding", encoding)
            line("")
            append(content, encoding: encoding)
        case .file(let type, let name, let content, let inline, let rfc2231):
            if rfc2231 {
                let encoded = Self.rfc2231(name)
                header("Content-Type", "\(type); name*=\(encoded)")
                header("Content-Disposition", "\(inline ? "inline" : "attachment"); filename*=\(encoded)")
            } else {
                header("Content-Type", "\(type); name=\"\(name)\"")
                header("Content-Disposition", "\(inline ? "inline" : "attachment"); filename=\"\(name)\"")
            }
            header("Content-Transfer-Encoding", "base64")
            line("")
            append(content, encoding: "base64")
        case .multipart(let subtype, let parts):
            let boundary = "=_tern_demo_\(boundarySeed)_\(subtype)_\(parts.count)"
            header("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"")
            line("")
            line("This is a multi-part message in MIME format.")
            for (index, part) in parts.enumerated() {
                line("")
                line("--\(boundary)")
                self.body(part, boundarySeed: "\(boundarySeed).\(index + 1)", now: now)
            }
            line("")
            line("--\(boundary)--")
        case .message(let inner):
            header("Content-Type", "message/rfc822")
            header("Content-Disposition", "attachment")
            line("")
            bytes.append(contentsOf: inner.render(now: now))
        }
    }

    private mutating func append(_ content: [UInt8], encoding: String) {
        switch encoding {
        case "base64":
            let encoded = Data(content).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            line(encoded)
        case "quoted-printable":
            bytes.append(contentsOf: Self.quotedPrintable(content))
        default:
            for piece in content.split(separator: 10, omittingEmptySubsequences: false) {
                var piece = Array(piece)
                if piece.last == 13 { piece.removeLast() }
                bytes.append(contentsOf: piece)
                bytes.append(contentsOf: [13, 10])
            }
        }
    }

    /// Quoted-printable (RFC 2045 §6.7) with soft breaks at 76 columns; input lines end with LF.
    static func quotedPrintable(_ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for (index, lineBytes) in content.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
            if index > 0 { out.append(contentsOf: [13, 10]) }
            var column = 0
            for (offset, byte) in lineBytes.enumerated() {
                let isLast = offset == lineBytes.count - 1
                var piece: [UInt8]
                if (byte >= 33 && byte <= 126 && byte != 61) || (byte == 32 && !isLast) {
                    piece = [byte]
                } else {
                    piece = [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
                if column + piece.count > 75 {
                    out.append(contentsOf: [61, 13, 10])
                    column = 0
                }
                out.append(contentsOf: piece)
                column += piece.count
            }
        }
        if out.suffix(2) != [13, 10] { out.append(contentsOf: [13, 10]) }
        return out
    }

    /// Text in format=flowed (RFC 3676): long lines broken after a space (the trailing space marks
    /// the soft break), lines that start with a space, `>` or `From ` space-stuffed; the signature
    /// separator `-- ` kept as it is.
    static func flow(_ text: String, width: Int = 72) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "-- " || line.hasPrefix(">") { out.append(String(line)); continue }
            var rest = Substring(line)
            while rest.count > width, let cut = rest.prefix(width).lastIndex(of: " ") {
                out.append(stuffed(String(rest[...cut])))
                rest = rest[rest.index(after: cut)...]
            }
            out.append(stuffed(String(rest)))
        }
        return out.joined(separator: "\n")
    }

    private static func stuffed(_ line: String) -> String {
        line.hasPrefix(" ") || line.hasPrefix("From ") ? " " + line : line
    }

    /// An RFC 2231 extended value: `utf-8''` then percent-encoded bytes.
    static func rfc2231(_ text: String) -> String {
        var out = "utf-8''"
        for byte in text.utf8 {
            let isSafe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F
            out += isSafe ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return out
    }

    /// An RFC 2047 B-encoded word for UTF-8 text.
    static func encodedWord(_ text: String) -> String {
        "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// `alice@example.test` from `Alice <alice@example.test>`.
    static func bareAddress(_ mailbox: String) -> String {
        guard let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close else { return mailbox }
        return String(mailbox[mailbox.index(after: open)..<close])
    }

    /// An RFC 5322 date in UTC, e.g. `Sun, 29 Nov 2026 13:56:04 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
