import Testing
@testable import MailCore

/// The fast path of `Address.parseList`: whatever it accepts, it must read exactly as the full
/// RFC 5322 parser does; anything else it must leave to that parser.
@Suite struct PlainAddressListTests {
    static func full(_ text: String) -> [Address] {
        AddressList.parse(text).flatMap(\.addresses)
    }

    @Test(arguments: [
        // (input, whether the fast path takes it)
        ("ann@example.org", true),
        ("Ann Example <ann@example.org>", true),
        ("  Ann   Example\t<ann@example.org>  ", true),
        ("Ann\r\n Example <ann@example.org>", true),
        ("<ann@example.org>", true),
        ("John Q. Public <jqp@example.org>, b@c.example,, ,  Dee <d@e>", true),
        ("x@xn--bcher-kva.example", true),
        ("Bü <x@XN--bcher-kva.example>", false),
        ("Ann <x@XN--bcher-kva.example>", true),
        ("", true),
        (" , ,", true),
        ("a.@b", true),
        ("a@b.", true),
        ("\"Doe, John\" <john@example.org>", false),
        ("a@b (Name)", false),
        ("=?utf-8?q?J=C3=B6rg?= <j@example.org>", true),
        ("=?utf-8?q?J=C3=B6rg?=  =?utf-8?q?_M=C3=BCller?= <j@example.org>", true),
        ("Ann =?iso-8859-1?q?R=E9union?= Bee <a@b>, =?utf-8?b?w7w=?= <c@d>", true),
        ("=?utf-8?q?a=0D=0Ab?= <a@b>", true),
        ("=?utf-8?q??= <a@b>", true),
        ("=?utf-8?q?x?=@b", false),
        ("Ann <=?utf-8?q?x?=@b>", false),
        ("Ann <a@b> =?utf-8?q?x?=", false),
        ("Ann=Bob <a@b>", true),
        ("Jörg <j@example.org>", false),
        ("undisclosed-recipients:;", false),
        ("<@relay.example:user@example.org>", false),
        ("user@[192.0.2.1]", false),
        ("a@b@c", false),
        ("a b@c", false),
        ("a@b c", false),
        ("a@b <c@d>", false),
        ("Ann <a@b> trailing", false),
        ("Ann <a@b", false),
        ("Ann a@b>", false),
        ("Ann <a,b@c>", false),
        ("Ann <>", false),
        ("Ann <a b@c>", false),
        ("<@b>", false),
        ("<a@>", false),
        ("noat", false),
        ("Ann <a@b><c@d>", false),
        ("a\u{7F}@b", false),
        ("a\u{1}@b", false),
    ] as [(String, Bool)])
    func readsThePlainFormAsTheFullParserDoes(input: String, plain: Bool) {
        let fast = PlainAddressList.parse(input)
        #expect((fast != nil) == plain)
        if let fast { #expect(fast == Self.full(input)) }
        #expect(Address.parseList(input) == Self.full(input))
    }

    /// Random lists over an alphabet of the characters that matter to the grammar: the fast path
    /// must agree with the full parser on every list it accepts, and accept many of them.
    @Test func agreesWithTheFullParserOnGeneratedLists() {
        let pieces = ["ann", "Bob", "x", ".", " ", "  ", "\t", "\r\n ", "<", ">", "@", "@", ",", ", ", "\"", "(", ")", ";", ":",
                      "=", "?", "=?", "xn--", "-", "é", "example.org", "[", "]", "\\", "Q."]
        let shapes = ["Ann Example <a@b.example>", "a@b.example", "<c@d>", "Dee  E. <x@xn--bcher-kva.example>",
                      "=?utf-8?q?Jos=C3=A9_N=C3=BA=C3=B1ez?= <j@x.example>", "=?iso-8859-1?b?UulzdW3p?= =?utf-8?q?x?= <r@x>",
                      "Ann =?utf-8?q?=C3=A9?=  Bee <a@b>"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var accepted = 0
        for _ in 0 ..< 20000 {
            var text = ""
            for _ in 0 ..< 1 + next(4) {
                if next(3) == 0 {
                    for _ in 0 ..< 1 + next(8) { text += pieces[next(pieces.count)] }
                } else {
                    // A plain entry, sometimes with one piece spliced in.
                    var entry = Array(shapes[next(shapes.count)])
                    if next(2) == 0 { entry.insert(contentsOf: pieces[next(pieces.count)], at: next(entry.count + 1)) }
                    text += String(entry)
                }
                text += [",", ", ", ",,", " ,"][next(4)]
            }
            if let fast = PlainAddressList.parse(text) {
                accepted += 1
                #expect(fast == Self.full(text), "\(text.debugDescription)")
            }
        }
        #expect(accepted > 2000)
    }

    /// A header field's addresses are read from its raw bytes, folds included, as the full
    /// parser reads the unfolded value.
    @Test(arguments: [
        "Ann Example <ann@example.org>",
        "Ann\r\n Example <ann@example.org>,\r\n\tb@c.example",
        "Ann <ann@example.org>,\r\n \"Doe, J\" <j@d>",
        "Ann\r\n <ann@\r\n example.org>",
        "a@b\r\n (comment)",
        "=?utf-8?q?J=C3=B6rg?=\r\n <j@example.org>",
    ])
    func foldedFieldsReadAsTheirUnfoldedValue(value: String) {
        let header = HeaderSection(parsing: Array("To: \(value)\r\n\r\n".utf8))
        let field = header.fields[0]
        #expect(header.addresses("to") == Self.full(field.value()))
        #expect(field.value() == CharsetDecoder.decode(field.unfoldedBytes, charset: nil))
    }

    @Test(arguments: ["Subject: plain\r\n", "Subject:  two spaces\r\n", "Subject: trailing \r\n", "Subject:\ttab\r\n",
                      "Subject:none\r\n", "Subject: a\r\n b\r\n", "Subject: x\r\n", "Subject: \r\n", "Subject:\r\n",
                      "Subject: caf\u{E9}\r\n", "Subject: lone\rcr\r\n"])
    func aFieldValueIsItsUnfoldedBytesDecoded(line: String) {
        let field = HeaderSection(parsing: Array((line + "\r\n").utf8)).fields[0]
        #expect(field.value() == CharsetDecoder.decode(field.unfoldedBytes, charset: nil))
    }
}
