import Foundation
import MailCore

extension IMAPEnvelope {
    /// The envelope in tern's model: encoded words decoded, text sanitised, groups flattened,
    /// the date and message ids parsed.
    ///
    /// The common case (ASCII text without encoded words or control characters, a date in the
    /// RFC 5322 form, one bracketed message id) takes a fast path on the bytes; everything else
    /// goes through MailCore's general parsers, with the same results.
    ///
    /// - Parameter fallback: The charset for 8-bit bytes that are not UTF-8.
    public func mailEnvelope(fallback: String = CharsetDecoder.defaultFallback) -> Envelope {
        Envelope(
            subject: subject.map { Self.headerText($0, fallback: fallback) },
            from: Self.addresses(from, fallback: fallback),
            sender: Self.addresses(sender, fallback: fallback).first,
            replyTo: Self.addresses(replyTo, fallback: fallback),
            to: Self.addresses(to, fallback: fallback),
            cc: Self.addresses(cc, fallback: fallback),
            bcc: Self.addresses(bcc, fallback: fallback),
            date: date.flatMap { Self.fastDate($0) ?? MailDate.parse(Self.text($0, fallback: fallback))?.date },
            messageID: messageID.flatMap { Self.fastMessageID($0) ?? MessageIDList.parse(Self.text($0, fallback: fallback)).first },
            inReplyTo: inReplyTo.map { bytes in
                Self.fastMessageID(bytes).map { [$0] } ?? MessageIDList.parse(Self.text(bytes, fallback: fallback))
            } ?? [])
    }

    /// Header bytes as text: UTF-8 when valid, else the fallback charset.
    static func text(_ bytes: [UInt8], fallback: String) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return CharsetDecoder.decode(bytes, charset: nil, fallback: fallback)
    }

    /// True for bytes that are printable ASCII and hold no encoded word: they are their own text.
    private static func isPlain(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            guard byte >= 0x20, byte < 0x7F else { return false }
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return false }
            previous = byte
        }
        return true
    }

    /// Subject or display name: decoded (RFC 2047) and sanitised.
    static func headerText(_ bytes: [UInt8], fallback: String) -> String {
        if isPlain(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return EncodedWord.decode(text(bytes, fallback: fallback), fallback: fallback)
    }

    /// An address part: sanitised text.
    private static func plainText(_ bytes: [UInt8], fallback: String) -> String {
        if isPlain(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return TextSanitizer.headerText(text(bytes, fallback: fallback))
    }

    /// The addresses of a list in tern's model, group markers dropped (members kept).
    static func addresses(_ list: [IMAPAddress], fallback: String) -> [Address] {
        var out: [Address] = []
        out.reserveCapacity(list.count)
        for address in list where address.host != nil {
            let name = address.name.map { headerText($0, fallback: fallback) }
            let mailbox = address.mailbox.map { plainText($0, fallback: fallback) } ?? ""
            let hostBytes = address.host ?? []
            var host = plainText(hostBytes, fallback: fallback)
            // UW-IMAP and its descendants fill a missing domain with a marker.
            if hostBytes.first == UInt8(ascii: "."), host.hasPrefix(".MISSING-HOST-NAME") { host = "" }
            if host == "MISSING_DOMAIN" { host = "" }
            if hasPunycodeLabel(hostBytes) { host = Punycode.toUnicode(domain: host) }
            let spec = host.isEmpty ? mailbox : mailbox + "@" + host
            out.append(Address(name: name, address: spec))
        }
        return out
    }

    /// True when a label of the domain starts with `xn--` (IDNA, RFC 5891).
    private static func hasPunycodeLabel(_ host: [UInt8]) -> Bool {
        var atLabelStart = true
        var index = 0
        while index < host.count {
            if atLabelStart, index + 4 <= host.count, host[index] | 0x20 == UInt8(ascii: "x"),
               host[index + 1] | 0x20 == UInt8(ascii: "n"), host[index + 2] == UInt8(ascii: "-"),
               host[index + 3] == UInt8(ascii: "-") {
                return true
            }
            atLabelStart = host[index] == UInt8(ascii: ".")
            index += 1
        }
        return false
    }

    // msg-id = [CFWS] "<" id-left "@" id-right ">" [CFWS]
    /// One bracketed id with nothing around it, or nil (then the general parser decides).
    static func fastMessageID(_ bytes: [UInt8]) -> MessageID? {
        guard bytes.count > 2, bytes.first == UInt8(ascii: "<"), bytes.last == UInt8(ascii: ">") else { return nil }
        let inner = bytes[1..<(bytes.count - 1)]
        guard inner.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }) else {
            return nil
        }
        return MessageID(String(decoding: inner, as: UTF8.self))
    }

    // date-time = [ day-of-week "," ] date time [CFWS]
    // date = day month year ; time = hour ":" minute [ ":" second ] FWS zone
    /// The instant of a date in the exact RFC 5322 form (`Mon, 4 Mar 2024 10:00:00 +0100`,
    /// optionally followed by a comment), or nil for anything else.
    static func fastDate(_ bytes: [UInt8]) -> Date? {
        var reader = ByteReader(bytes)
        reader.skipSpaces()
        if let first = reader.peek(), first >= UInt8(ascii: "A") {
            guard reader.letters(3) != nil, reader.consume(UInt8(ascii: ",")) else { return nil }
            reader.skipSpaces()
        }
        guard let day = reader.number(1...2), reader.skipSpaces(),
              let monthName = reader.letters(3), let month = monthNumber(monthName), reader.skipSpaces(),
              let year = reader.number(4...4), reader.skipSpaces(),
              let hour = reader.number(2...2), reader.consume(UInt8(ascii: ":")),
              let minute = reader.number(2...2) else { return nil }
        var second = 0
        if reader.consume(UInt8(ascii: ":")) {
            guard let value = reader.number(2...2) else { return nil }
            second = min(value, 59)
        }
        guard reader.skipSpaces(), let sign = reader.next(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let zone = reader.number(4...4) else { return nil }
        reader.skipSpaces()
        if reader.consume(UInt8(ascii: "(")) {
            // A trailing comment such as "(PDT)": only the simple kind.
            while let byte = reader.next(), byte != UInt8(ascii: ")") {
                if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\\") { return nil }
            }
            reader.skipSpaces()
        }
        guard reader.isAtEnd, hour < 24, minute < 60, zone % 100 < 60, zone / 100 < 24, year >= 1000,
              day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let offset = (zone / 100 * 60 + zone % 100) * (sign == UInt8(ascii: "-") ? -60 : 60)
        let days = InternalDate.days(fromCivil: year, month, day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second - offset))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func monthNumber(_ letters: UInt32) -> Int? {
        switch letters {
        case 0x6A616E: 1   // jan
        case 0x666562: 2   // feb
        case 0x6D6172: 3   // mar
        case 0x617072: 4   // apr
        case 0x6D6179: 5   // may
        case 0x6A756E: 6   // jun
        case 0x6A756C: 7   // jul
        case 0x617567: 8   // aug
        case 0x736570: 9   // sep
        case 0x6F6374: 10  // oct
        case 0x6E6F76: 11  // nov
        case 0x646563: 12  // dec
        default: nil
        }
    }
}

/// A cursor over header bytes for the fast paths above.
private struct ByteReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        index += 1
        return bytes[index - 1]
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// Skips spaces; true when there was at least one.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        return index > start
    }

    /// Exactly `count` ASCII letters, lower-cased and packed, followed by a non-letter.
    mutating func letters(_ count: Int) -> UInt32? {
        guard index + count <= bytes.count else { return nil }
        var packed: UInt32 = 0
        for offset in 0..<count {
            let byte = bytes[index + offset] | 0x20
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { return nil }
            packed = packed << 8 | UInt32(byte)
        }
        if index + count < bytes.count, (bytes[index + count] | 0x20) >= UInt8(ascii: "a"),
           (bytes[index + count] | 0x20) <= UInt8(ascii: "z") {
            return nil
        }
        index += count
        return packed
    }

    /// A number of `digits` digits, followed by a non-digit.
    mutating func number(_ digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var read = 0
        while read < digits.upperBound, index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
            read += 1
        }
        guard read >= digits.lowerBound else { return nil }
        if index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { return nil }
        return value
    }
}
