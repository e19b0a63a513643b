/// Writes the MIME body of an outgoing message: the Content-* fields of the top entity, a blank
/// line and the body, with boundaries that cannot occur in the content.
enum MIMEWriter {
    /// An entity: its Content-* header lines and its body bytes.
    struct Entity {
        var header: [UInt8]
        var body: [UInt8]
    }

    static func body(text: String, html: String?, flowed: Bool, attachments: [OutgoingAttachment],
                     random: inout BuilderRandom) -> [UInt8] {
        var main = textEntity(text, subtype: "plain", flowed: flowed)
        if let html {
            main = multipart("alternative", [main, textEntity(html, subtype: "html", flowed: false)], random: &random)
        }
        if !attachments.isEmpty {
            main = multipart("mixed", [main] + attachments.map(attachmentEntity), random: &random)
        }
        return main.header + [13, 10] + main.body
    }

    /// Text as UTF-8: 7bit when ASCII with short lines, else quoted-printable. Line ends
    /// become CRLF.
    static func textEntity(_ text: String, subtype: String, flowed: Bool) -> Entity {
        let source = flowed ? FlowedText.encode(text) : text
        let bytes = crlf(Array(source.utf8))
        var sevenBit = true
        var column = 0
        for (i, b) in bytes.enumerated() {
            if b >= 0x80 || b == 0 || (b == 13 && (i + 1 >= bytes.count || bytes[i + 1] != 10)) { sevenBit = false; break }
            if b == 10 { column = 0; continue }
            column += 1
            if column > 76 { sevenBit = false; break }
        }
        // Trailing white space on a line would be stripped by quoted-printable readers of some
        // gateways; keep it exact only in format=flowed where it carries meaning and QP protects it.
        var header = "Content-Type: text/\(subtype); charset=utf-8"
        if flowed { header += "; format=flowed" }
        header += "\r\nContent-Transfer-Encoding: \(sevenBit ? "7bit" : "quoted-printable")\r\n"
        return Entity(header: Array(header.utf8), body: sevenBit ? bytes : QuotedPrintable.encode(bytes))
    }

    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 40)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 13 {
                out += [13, 10]
                i += (i + 1 < bytes.count && bytes[i + 1] == 10) ? 2 : 1
                continue
            }
            if b == 10 { out += [13, 10] } else { out.append(b) }
            i += 1
        }
        return out
    }

    static func attachmentEntity(_ a: OutgoingAttachment) -> Entity {
        let type = a.resolvedType
        var header: [UInt8] = []
        let name = a.filename.isEmpty ? "attachment" : a.filename
        header += contentType(type, name: name)
        header += disposition(a.inline ? "inline" : "attachment", filename: name)
        if let cid = a.contentID { header += Array("Content-ID: <\(cid)>\r\n".utf8) }
        switch a.content {
        case .file(let data):
            header += Array("Content-Transfer-Encoding: base64\r\n".utf8)
            var body = Base64.encode(data)
            if !body.isEmpty { body += [13, 10] }
            return Entity(header: header, body: body)
        case .message(let data):
            let body = crlf(data)
            let eight = body.contains { $0 >= 0x80 }
            header += Array("Content-Transfer-Encoding: \(eight ? "8bit" : "7bit")\r\n".utf8)
            return Entity(header: header, body: body)
        }
    }

    /// `Content-Type: type; name=...` with an RFC 2047 name for old readers when not ASCII.
    static func contentType(_ type: String, name: String) -> [UInt8] {
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return HeaderEncoder.fold(name: "Content-Type", tokens: ["\(type);", "name=\(AddressEncoder.quote(name))"])
        }
        // Encoded words inside the quotes (what Outlook and others read), one token each so the
        // line can fold between them.
        var words = HeaderEncoder.encodedWords(name, phrase: true, maxLength: 68)
        words[0] = "name=\"" + words[0]
        words[words.count - 1] += "\""
        return HeaderEncoder.fold(name: "Content-Type", tokens: ["\(type);"] + words)
    }

    /// `Content-Disposition` with `filename=` (ASCII) or RFC 2231 `filename*0*=utf-8''...`
    /// sections of at most 60 characters each.
    static func disposition(_ type: String, filename: String) -> [UInt8] {
        if filename.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && filename.utf8.count < 60 {
            return HeaderEncoder.fold(name: "Content-Disposition", tokens: ["\(type);", "filename=\(AddressEncoder.quote(filename))"])
        }
        let hex = Array("0123456789ABCDEF".utf8)
        var sections: [String] = []
        var current = "utf-8''"
        for scalar in filename.unicodeScalars {
            var piece = ""
            for b in String(scalar).utf8 {
                let safe = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || "!#$&+-.^_`|~".utf8.contains(b)
                piece += safe ? String(UnicodeScalar(b)) : "%" + String(UnicodeScalar(hex[Int(b >> 4)])) + String(UnicodeScalar(hex[Int(b & 15)]))
            }
            if current.utf8.count + piece.utf8.count > 60 {
                sections.append(current)
                current = ""
            }
            current += piece
        }
        sections.append(current)
        var tokens = ["\(type);"]
        for (i, s) in sections.enumerated() {
            tokens.append("filename*\(i)*=\(s)\(i < sections.count - 1 ? ";" : "")")
        }
        return HeaderEncoder.fold(name: "Content-Disposition", tokens: tokens)
    }

    /// A multipart with a fresh boundary that occurs in none of the parts.
    static func multipart(_ subtype: String, _ parts: [Entity], random: inout BuilderRandom) -> Entity {
        var boundary: [UInt8]
        repeat {
            boundary = Array("=_tern_\(random.token())".utf8)
        } while parts.contains(where: { contains($0.header + $0.body, "--".utf8 + boundary) })
        let b = String(decoding: boundary, as: UTF8.self)
        var body: [UInt8] = []
        for p in parts {
            body += Array("--\(b)\r\n".utf8)
            body += p.header
            body += [13, 10]
            body += p.body
            body += [13, 10]
        }
        body += Array("--\(b)--\r\n".utf8)
        let header = Array("Content-Type: multipart/\(subtype);\r\n boundary=\"\(b)\"\r\n".utf8)
        return Entity(header: header, body: body)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
