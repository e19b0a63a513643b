@testable import MailCore

/// Random header sections for comparing the fast paths of header reading with the general
/// ones: field names of the envelope in any case (and near misses), values built from pieces
/// that matter to the grammars, with folds, 8-bit bytes (valid UTF-8 and not), encoded words,
/// comments, control characters and broken forms. Deterministic (a fixed seed).
struct GeneratedHeaders {
    private var state: UInt64

    init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) {
        state = seed
    }

    /// A number in `0 ..< bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }

    static let names = ["From", "FROM", "from", "To", "TO", "Cc", "cc", "Bcc", "BCC", "Reply-To", "reply-TO", "Sender",
                        "Subject", "SUBJECT", "Date", "date", "Message-ID", "Message-Id", "In-Reply-To", "References",
                        "REFERENCES", "Content-Type", "X-Mailer", "Fromage", "Tos", "Dates", "Received", "List-Id"]

    /// Pieces of values, as bytes (some are not UTF-8).
    static let pieces: [[UInt8]] = ([
        "ann", "Bob", "x", ".", " ", "  ", "\t", "\r\n ", "\r\n\t", "\r", "\n", "<", ">", "@", "@", ",", ", ", "\"", "(", ")",
        ";", ":", "=?", "?=", "=?utf-8?q?J=C3=B6rg?=", "=?iso-8859-1?b?UulzdW3p?=", "xn--", "é", "ü", "\u{1}", "\u{7F}",
        "\u{1E}", "example.org", "[", "]", "\\", "Re: ", "[list] ", "Mon, ", "2 Mar 2026 ", "10:00:00 ", "+0100", "-0730",
        "GMT", "(UTC)", "<a@b>", "<c.d@e.example>", " <f@g>", "<a@b>", "<x y@z>", "<\u{1}@q>", "<é@x>", "<>",
    ] as [String]).map { Array($0.utf8) } + [[0xE9], [0xFF, 0xFE], [0xC3], [0x80]]

    /// Whole values that the fast paths take.
    static let shapes = [
        "Ann Example <ann@example.org>", "a@b.example", "Dee  E. <x@xn--bcher-kva.example>, <c@d>",
        "Mon, 2 Mar 2026 10:00:00 +0100", "2 Mar 2026 10:00 -0730", " Tue, 29 Feb 2028 23:59:60 +1400 ",
        "<id.1@example.org>", "<a@b> <c@d> <a@b>", "<1@x>\r\n <2@x>\r\n\t<3@x>", "bare@example.org",
        "Re: [list] Notes from the call", "=?utf-8?q?Gr=C3=BC=C3=9Fe?= aus Köln", "plain subject",
    ]

    /// A value: a shape, a shape with pieces spliced in, or pieces only.
    mutating func value() -> [UInt8] {
        switch next(4) {
        case 0:
            var bytes: [UInt8] = []
            for _ in 0 ..< 1 + next(8) { bytes += pick(Self.pieces) }
            return bytes
        case 1:
            var bytes = Array(pick(Self.shapes).utf8)
            for _ in 0 ..< 1 + next(2) { bytes.insert(contentsOf: pick(Self.pieces), at: next(bytes.count + 1)) }
            return bytes
        default:
            return Array(pick(Self.shapes).utf8)
        }
    }

    /// A list of ids long enough to pass the linear duplicate search, with duplicates.
    mutating func longIDList() -> [UInt8] {
        var text = ""
        for _ in 0 ..< 10 + next(40) { text += "<\(next(30))@example.org>" + pick([" ", "\r\n ", "", " (c) "]) }
        return Array(text.utf8)
    }

    /// The bytes of a header section (with its empty line).
    mutating func header() -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0 ..< 1 + next(14) {
            bytes += Array(pick(Self.names).utf8)
            bytes += Array(pick([":", ": ", ":  ", " : ", ":\t"]).utf8)
            bytes += next(10) == 0 ? longIDList() : value()
            bytes += Array(pick(["\r\n", "\r\n", "\n"]).utf8)
        }
        return bytes + Array("\r\n".utf8)
    }
}
