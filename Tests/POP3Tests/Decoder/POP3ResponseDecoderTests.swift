import POP3
import TernTestSupport
import Testing

/// What a decoder run produced, with consecutive message chunks merged (chunk boundaries depend
/// on how the input was split; the bytes do not).
enum Decoded: Equatable, CustomStringConvertible {
    case line(String)
    case data(String)
    case end

    var description: String {
        switch self {
        case .line(let text): "line(\(text.debugDescription))"
        case .data(let text): "data(\(text.debugDescription))"
        case .end: "end"
        }
    }
}

/// Feeds `chunks` to a decoder, switching modes as a client would: the first line is a status
/// line, then `mode` until the terminator, then line mode again.
func decode(_ chunks: [[UInt8]], mode: POP3ResponseDecoder.Mode, maximumLineLength: Int = 1024) throws -> [Decoded] {
    var decoder = POP3ResponseDecoder(maximumLineLength: maximumLineLength)
    var out: [Decoded] = []
    var sawStatus = false
    func drain() throws {
        while let output = try decoder.next() {
            switch output {
            case .line(let bytes):
                out.append(.line(String(decoding: bytes, as: UTF8.self)))
                if !sawStatus {
                    sawStatus = true
                    decoder.mode = mode
                    decoder.beginMultiLineData()
                }
            case .messageData(let bytes):
                let text = String(decoding: bytes, as: UTF8.self)
                if case .data(let previous) = out.last {
                    out[out.count - 1] = .data(previous + text)
                } else {
                    out.append(.data(text))
                }
            case .end:
                out.append(.end)
                decoder.mode = .line
            }
        }
    }
    for chunk in chunks {
        decoder.append(chunk)
        try drain()
    }
    return out
}

struct MessageDataCase: CustomStringConvertible, Sendable {
    let name: String
    let input: String
    let expected: [Decoded]
    var description: String { name }
}

@Suite struct POP3ResponseDecoderTests {
    static let messageCases: [MessageDataCase] = [
        MessageDataCase(name: "plain message", input: "+OK 12 octets\r\nSubject: x\r\n\r\nhi\r\n.\r\n",
                        expected: [.line("+OK 12 octets"), .data("Subject: x\r\n\r\nhi\r\n"), .end]),
        MessageDataCase(name: "dot-stuffed lines", input: "+OK\r\n..\r\n...x\r\n.y\r\n.\r\n",
                        expected: [.line("+OK"), .data(".\r\n..x\r\ny\r\n"), .end]),
        MessageDataCase(name: "empty message", input: "+OK\r\n.\r\n", expected: [.line("+OK"), .end]),
        MessageDataCase(name: "a dot inside a line is data", input: "+OK\r\na.b\r\n a .\r\n.\r\n",
                        expected: [.line("+OK"), .data("a.b\r\n a .\r\n"), .end]),
        MessageDataCase(name: "dot then CR then other byte is stuffed",
                        input: "+OK\r\n.\rx\r\n.\r\n", expected: [.line("+OK"), .data("\rx\r\n"), .end]),
        MessageDataCase(name: "bare LF terminator", input: "+OK\r\nline\n.\n",
                        expected: [.line("+OK"), .data("line\n"), .end]),
        MessageDataCase(name: "bytes after the terminator are the next line",
                        input: "+OK\r\nbody\r\n.\r\n+OK next\r\n",
                        expected: [.line("+OK"), .data("body\r\n"), .end, .line("+OK next")]),
        MessageDataCase(name: "binary bytes and a line without CR", input: "+OK\r\n\u{0}\u{7f}\nz\r\n.\r\n",
                        expected: [.line("+OK"), .data("\u{0}\u{7f}\nz\r\n"), .end]),
    ]

    @Test(arguments: messageCases)
    func messageDataUnderEverySplit(_ testCase: MessageDataCase) throws {
        let bytes = Array(testCase.input.utf8)
        for split in ByteSplits.all(bytes) {
            let decoded = try decode(split.chunks, mode: .messageData)
            #expect(decoded == testCase.expected, "split \(split)")
        }
    }

    static let listingCases: [MessageDataCase] = [
        MessageDataCase(name: "UIDL listing", input: "+OK\r\n1 abc\r\n2 def\r\n.\r\n",
                        expected: [.line("+OK"), .line("1 abc"), .line("2 def"), .end]),
        MessageDataCase(name: "stuffed listing line", input: "+OK\r\n..odd\r\n.\r\n",
                        expected: [.line("+OK"), .line(".odd"), .end]),
        MessageDataCase(name: "bare LF lines", input: "+OK\nTOP\nUIDL\n.\n",
                        expected: [.line("+OK"), .line("TOP"), .line("UIDL"), .end]),
        MessageDataCase(name: "empty line inside", input: "+OK\r\n\r\n.\r\n",
                        expected: [.line("+OK"), .line(""), .end]),
    ]

    @Test(arguments: listingCases)
    func listingUnderEverySplit(_ testCase: MessageDataCase) throws {
        let bytes = Array(testCase.input.utf8)
        for split in ByteSplits.all(bytes) {
            let decoded = try decode(split.chunks, mode: .multiLine)
            #expect(decoded == testCase.expected, "split \(split)")
        }
    }

    @Test func incompleteInputYieldsNothingYet() throws {
        for partial in ["+OK", "+OK\r", "+OK\r\nbody\r\n.", "+OK\r\nbody\r\n.\r"] {
            let decoded = try decode([Array(partial.utf8)], mode: .messageData)
            #expect(!decoded.contains(.end), "\(partial.debugDescription) must not end the data")
        }
    }

    @Test func aLineLongerThanTheLimitThrows() {
        var decoder = POP3ResponseDecoder(maximumLineLength: 16)
        decoder.append(Array("+OK 0123456789abcdefghij".utf8))
        #expect(throws: POP3ResponseDecoder.DecodingError.self) { try decoder.next() }
    }

    @Test func aLineOfExactlyTheLimitIsAccepted() throws {
        var decoder = POP3ResponseDecoder(maximumLineLength: 16)
        decoder.append(Array("+OK 0123456789\r\n".utf8))  // 16 bytes with CRLF
        #expect(try decoder.next() == .line(Array("+OK 0123456789".utf8)[...]))
    }

    @Test func messageDataHasNoLineLimit() throws {
        let long = String(repeating: "x", count: 10_000)
        let decoded = try decode([Array("+OK\r\n\(long)\r\n.\r\n".utf8)], mode: .messageData, maximumLineLength: 512)
        #expect(decoded == [.line("+OK"), .data(long + "\r\n"), .end])
    }

    @Test func discardReportsAndDropsBufferedBytes() throws {
        var decoder = POP3ResponseDecoder()
        decoder.append(Array("+OK Begin TLS\r\n-ERR injected\r\n".utf8))
        #expect(try decoder.next() == .line(Array("+OK Begin TLS".utf8)[...]))
        #expect(decoder.discardBufferedBytes() == 15)
        #expect(try decoder.next() == nil)
        decoder.append(Array("+OK real\r\n".utf8))
        #expect(try decoder.next() == .line(Array("+OK real".utf8)[...]))
    }

    @Test func byteByByteLongLineIsLinear() throws {
        // 200,000 single-byte appends of one line: quadratic rescanning would take minutes.
        var decoder = POP3ResponseDecoder(maximumLineLength: 300_000)
        for _ in 0..<200_000 {
            decoder.append(CollectionOfOne(UInt8(ascii: "a")))
            if try decoder.next() != nil { Issue.record("a line before its end") }
        }
        decoder.append(Array("\r\n".utf8))
        guard case .line(let line) = try decoder.next() else {
            Issue.record("expected a line")
            return
        }
        #expect(line.count == 200_000)
    }
}
