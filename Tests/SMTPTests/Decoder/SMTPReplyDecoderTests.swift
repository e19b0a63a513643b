import SMTP
import TernTestSupport
import Testing

/// Feeds chunks to a decoder and collects the replies.
func decodeReplies(_ chunks: [[UInt8]], maximumLineLength: Int = 1024, maximumLines: Int = 50) throws -> [SMTPReply] {
    var decoder = SMTPReplyDecoder(maximumLineLength: maximumLineLength, maximumLines: maximumLines)
    var replies: [SMTPReply] = []
    for chunk in chunks {
        decoder.append(chunk)
        while let reply = try decoder.next() { replies.append(reply) }
    }
    return replies
}

struct ReplyCase: Sendable, CustomStringConvertible {
    let name: String
    let input: String
    let expected: [SMTPReply]
    var description: String { name }
}

struct SMTPReplyDecoderTests {
    static let cases: [ReplyCase] = [
        ReplyCase(name: "one line", input: "220 mail.example.test ESMTP\r\n",
                  expected: [SMTPReply(code: 220, lines: ["mail.example.test ESMTP"])]),
        ReplyCase(name: "multi-line EHLO", input: "250-mail.example.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n",
                  expected: [SMTPReply(code: 250, lines: ["mail.example.test", "PIPELINING", "SIZE 10240000", "8BITMIME"])]),
        ReplyCase(name: "code alone", input: "250\r\n", expected: [SMTPReply(code: 250, lines: [""])]),
        ReplyCase(name: "bare LF line ends", input: "250-a\n250 b\n", expected: [SMTPReply(code: 250, lines: ["a", "b"])]),
        ReplyCase(name: "pipelined replies", input: "250 2.1.0 Ok\r\n550 5.1.1 no\r\n354 go\r\n",
                  expected: [SMTPReply(code: 250, lines: ["2.1.0 Ok"]), SMTPReply(code: 550, lines: ["5.1.1 no"]),
                             SMTPReply(code: 354, lines: ["go"])]),
        ReplyCase(name: "empty text after separator", input: "334 \r\n", expected: [SMTPReply(code: 334, lines: [""])]),
        ReplyCase(name: "control characters made safe", input: "550 bad\u{1B}[31m\r\n",
                  expected: [SMTPReply(code: 550, lines: ["bad\u{FFFD}[31m"])]),
        ReplyCase(name: "incomplete reply waits", input: "250-first\r\n250 sec", expected: []),
    ]

    @Test(arguments: cases)
    func decodesTheSameUnderEverySplit(_ fixture: ReplyCase) throws {
        for split in ByteSplits.all(Array(fixture.input.utf8)) {
            let replies = try decodeReplies(split.chunks)
            #expect(replies == fixture.expected, "split \(split)")
        }
    }

    @Test(arguments: [
        ("hello\r\n", "malformed"),
        ("25\r\n", "malformed"),
        ("2500 x\r\n", "malformed"),
        ("250_x\r\n", "malformed"),
        ("650 six is no class\r\n", "malformed"),
        ("150 one is no class\r\n", "malformed"),
        ("250-a\r\n251 b\r\n", "inconsistent"),
    ])
    func rejectsMalformedLines(input: String, kind: String) {
        #expect(throws: SMTPReplyDecoder.DecodingError.self) { try decodeReplies([Array(input.utf8)]) }
        do {
            _ = try decodeReplies([Array(input.utf8)])
        } catch let error as SMTPReplyDecoder.DecodingError {
            switch error {
            case .malformedLine: #expect(kind == "malformed")
            case .inconsistentCode: #expect(kind == "inconsistent")
            default: Issue.record("unexpected \(error)")
            }
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func boundsTheLinesOfOneReply() {
        let input = String(repeating: "250-x\r\n", count: 60) + "250 end\r\n"
        #expect(throws: SMTPReplyDecoder.DecodingError.tooManyLines(limit: 50)) {
            try decodeReplies([Array(input.utf8)])
        }
    }

    /// A megabyte without a line end fails once the limit is reached, however it is split, and
    /// the decoder never holds much more than the limit.
    @Test(arguments: [1, 7, 4096, 65536])
    func anEndlessGreetingFailsAtTheLimitWithBoundedMemory(chunkSize: Int) {
        var decoder = SMTPReplyDecoder(maximumLineLength: 8192)
        let chunk = [UInt8](repeating: UInt8(ascii: "2"), count: chunkSize)
        var fed = 0
        var failure: SMTPReplyDecoder.DecodingError?
        while fed < 1_048_576, failure == nil {
            decoder.append(chunk)
            fed += chunkSize
            do {
                _ = try decoder.next()
            } catch {
                failure = error
            }
            #expect(decoder.bufferedByteCount <= 8192 + chunkSize)
        }
        guard case .lineTooLong(let limit, let prefix)? = failure else {
            Issue.record("no lineTooLong after \(fed) bytes")
            return
        }
        #expect(limit == 8192)
        #expect(prefix.count == 80)
        #expect(fed <= 8192 + chunkSize)
    }

    @Test func discardingDropsBufferedBytesAndAPartialReply() throws {
        var decoder = SMTPReplyDecoder()
        decoder.append(Array("250-partial\r\n250-more".utf8))
        #expect(try decoder.next() == nil)
        #expect(decoder.discardBufferedBytes() == 8)
        decoder.append(Array("220 fresh\r\n".utf8))
        #expect(try decoder.next() == SMTPReply(code: 220, lines: ["fresh"]))
    }

    /// Many replies fed in one piece are decoded in time linear in the input.
    @Test func decodesManyRepliesQuickly() throws {
        let input = Array(String(repeating: "250 2.1.5 Ok\r\n", count: 200_000).utf8)
        let clock = ContinuousClock()
        var count = 0
        // The best of three: a loaded machine may stall one run, not the code.
        var best = Duration.seconds(3600)
        for _ in 0..<3 {
            let elapsed = try clock.measure {
                count = try decodeReplies(ByteSplits.fixed(input, size: 65536), maximumLines: 50).count
            }
            best = min(best, elapsed)
            if best < .seconds(5) { break }
        }
        #expect(count == 200_000)
        #expect(best < .seconds(5), "best of three runs: \(best)")
    }
}
