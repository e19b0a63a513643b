import Foundation
import MailCore

extension IMAPEnvelope {
    /// The envelope in tern's model: encoded words decoded, text sanitised, groups flattened,
    /// the date and message ids parsed.
    ///
    /// - Parameter fallback: The charset for 8-bit bytes that are not UTF-8.
    public func mailEnvelope(fallback: String = CharsetDecoder.defaultFallback) -> Envelope {
        let subjectText = subject.map { EncodedWord.decode(Self.text($0, fallback: fallback), fallback: fallback) }
        return Envelope(
            subject: subjectText,
            from: Self.addresses(from, fallback: fallback),
            sender: Self.addresses(sender, fallback: fallback).first,
            replyTo: Self.addresses(replyTo, fallback: fallback),
            to: Self.addresses(to, fallback: fallback),
            cc: Self.addresses(cc, fallback: fallback),
            bcc: Self.addresses(bcc, fallback: fallback),
            date: date.flatMap { MailDate.parse(Self.text($0, fallback: fallback))?.date },
            messageID: messageID.flatMap { MessageIDList.parse(Self.text($0, fallback: fallback)).first },
            inReplyTo: inReplyTo.map { MessageIDList.parse(Self.text($0, fallback: fallback)) } ?? [])
    }

    /// Header bytes as text: UTF-8 when valid, else the fallback charset.
    static func text(_ bytes: [UInt8], fallback: String) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return CharsetDecoder.decode(bytes, charset: nil, fallback: fallback)
    }

    /// The addresses of a list in tern's model, group markers dropped (members kept).
    static func addresses(_ list: [IMAPAddress], fallback: String) -> [Address] {
        var out: [Address] = []
        out.reserveCapacity(list.count)
        for address in list where address.host != nil {
            let name = address.name.map { EncodedWord.decode(text($0, fallback: fallback), fallback: fallback) }
            let mailbox = address.mailbox.map { TextSanitizer.headerText(text($0, fallback: fallback)) } ?? ""
            var host = address.host.map { TextSanitizer.headerText(text($0, fallback: fallback)) } ?? ""
            // UW-IMAP and its descendants fill a missing domain with a marker.
            if host.hasPrefix(".MISSING-HOST-NAME") || host == "MISSING_DOMAIN" { host = "" }
            if host.hasPrefix("xn--") || host.contains(".xn--") { host = Punycode.toUnicode(domain: host) }
            let spec = host.isEmpty ? mailbox : mailbox + "@" + host
            out.append(Address(name: name, address: spec))
        }
        return out
    }
}
