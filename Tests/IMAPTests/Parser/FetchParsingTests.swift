@testable import IMAP
import TernTestSupport
import Testing

@Suite struct FetchParsingTests {
    static let rfc3501Example = "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" "
        + "RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" "
        + "\"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
        + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
        + "((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")"
        + "(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\") "
        + "BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92))\r\n"

    @Test func theRFC3501Example() throws {
        let events = try parseEvents(Self.rfc3501Example)
        #expect(events.first == .fetchBegin(sequenceNumber: 12))
        #expect(events.last == .fetchEnd)
        let attributes = try parseFetchAttributes(Self.rfc3501Example)
        #expect(attributes.count == 5)
        #expect(attributes[0] == .flags([.seen]))
        #expect(attributes[1] == .internalDate(InternalDate(year: 1996, month: 7, day: 17, hour: 2, minute: 44,
                                                            second: 25, zoneMinutes: -420)))
        #expect(attributes[2] == .rfc822Size(4286))
        guard case .envelope(let envelope) = attributes[3] else {
            Issue.record("no envelope")
            return
        }
        #expect(envelope.subject == bytes("IMAP4rev1 WG mtg summary and minutes"))
        #expect(envelope.from == [IMAPAddress(name: bytes("Terry Gray"), adl: nil, mailbox: bytes("gray"),
                                              host: bytes("cac.washington.edu"))])
        #expect(envelope.cc.count == 2)
        #expect(envelope.bcc.isEmpty)
        #expect(envelope.inReplyTo == nil)
        #expect(envelope.messageID == bytes("<B27397-0100000@cac.washington.edu>"))
        let mail = envelope.mailEnvelope()
        #expect(mail.subject == "IMAP4rev1 WG mtg summary and minutes")
        #expect(mail.from.first?.address == "gray@cac.washington.edu")
        #expect(mail.from.first?.name == "Terry Gray")
        #expect(mail.cc.map(\.address) == ["minutes@CNRI.Reston.VA.US", "KLENSIN@MIT.EDU"])
        #expect(mail.messageID?.value == "B27397-0100000@cac.washington.edu")
        #expect(mail.date != nil)
        guard case .bodyStructure(let body, let extended) = attributes[4] else {
            Issue.record("no body")
            return
        }
        #expect(!extended)
        #expect(body.mimeType == "text/plain")
        #expect(body.parameter("charset") == "US-ASCII")
        #expect(body.size == 3028 && body.lineCount == 92 && body.encoding == "7bit")
    }

    @Test func bodySectionsWithOriginsQuotedAndNIL() throws {
        let input = "* 3 FETCH (UID 7 BODY[HEADER.FIELDS (\"From\" SUBJECT)] {22}\r\nSubject: hi\r\nFrom: x\r\n"
            + " BODY[1.2]<0> \"part \\\"two\\\"\" BINARY[2] ~{3}\r\n\u{0}\u{1}\u{2} BODY[TEXT] NIL"
            + " RFC822.HEADER {2}\r\nab)\r\n"
        let events = try parseEvents(input)
        let expected: [ResponseEvent] = [
            .fetchBegin(sequenceNumber: 3),
            .fetchAttribute(.uid(7)),
            .bodyBegin(BodySection(.body, .headerFields(["FROM", "SUBJECT"])), origin: nil, byteCount: 22),
            .bodyBytes(ArraySlice(bytes("Subject: hi\r\nFrom: x\r\n"))),
            .bodyEnd,
            .bodyBegin(BodySection(.body, SectionSpecifier(part: [1, 2])), origin: 0, byteCount: 10),
            .bodyBytes(ArraySlice(bytes("part \"two\""))),
            .bodyEnd,
            .bodyBegin(BodySection(.binary, SectionSpecifier(part: [2])), origin: nil, byteCount: 3),
            .bodyBytes([0, 1, 2]),
            .bodyEnd,
            .bodyBegin(BodySection(.body, .text), origin: nil, byteCount: 0),
            .bodyEnd,
            .bodyBegin(BodySection(.body, .header), origin: nil, byteCount: 2),
            .bodyBytes(ArraySlice(bytes("ab"))),
            .bodyEnd,
            .fetchEnd,
        ]
        #expect(events == expected)
        for split in ByteSplits.all(bytes(input)) {
            #expect(try parseEvents(split.chunks) == expected, "split \(split)")
        }
    }

    @Test func extensionAttributes() throws {
        let input = "* 9 FETCH (MODSEQ (12121231000) X-GM-LABELS (\\Inbox \"My label\" work) X-GM-MSGID 1278455344230334865 "
            + "X-GM-THRID 1266894439832287888 EMAILID (M6d99ac3275bb4e) THREADID NIL PREVIEW \"Hello\" "
            + "BINARY.SIZE[1] 1234 SAVEDATE NIL)\r\n"
        #expect(try parseFetchAttributes(input) == [
            .modSeq(12_121_231_000), .gmailLabels(["\\Inbox", "My label", "work"]),
            .gmailMessageID(1_278_455_344_230_334_865), .gmailThreadID(1_266_894_439_832_287_888),
            .emailID("M6d99ac3275bb4e"), .threadID(nil), .preview("Hello"), .binarySize(part: [1], size: 1234),
            .saveDate(nil),
        ])
    }

    @Test func unknownItemsAreSkipped() throws {
        let input = "* 1 FETCH (X-FOO (a b (c {2}\r\nxy)) UID 4 X-BAR[1.HEADER]<0> \"x\" X-BAZ NIL FLAGS ())\r\n"
        #expect(try parseFetchAttributes(input) == [.uid(4), .flags([])])
    }

    @Test func anUnreadableEnvelopeOrStructureIsSkippedNotFatal() throws {
        let input = "* 1 FETCH (UID 1 BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"x\") NIL NIL \"7bit\" abc) "
            + "ENVELOPE (\"date\" \"subject\") FLAGS (\\Seen))\r\n"
        let attributes = try parseFetchAttributes(input)
        #expect(attributes.count == 4)
        #expect(attributes.first == .uid(1))
        #expect(attributes.last == .flags([.seen]))
        guard case .malformed(let name, let problem) = attributes[1], case .malformed(let second, _) = attributes[2] else {
            Issue.record("expected two malformed items, got \(attributes)")
            return
        }
        #expect(name == "BODYSTRUCTURE" && problem.contains("a number"))
        #expect(second == "ENVELOPE")
        // Unbalanced input is still an error: nothing can be skipped safely.
        #expect(throws: IMAPProtocolError.self) { try parseEvents("* 1 FETCH (UID 1 ENVELOPE (\"a\" (\"b\"\r\n") }
    }

    @Test func aLargeBodyIsStreamedInPieces() throws {
        let body = (0..<5000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let input = bytes("* 1 FETCH (UID 8 BODY[] {5000}\r\n") + body + bytes(" FLAGS (\\Seen))\r\nA1 OK done\r\n")
        let limits = IMAPLimits(maximumBufferedLiteralSize: 1 << 20, streamingThreshold: 100)
        var parser = ResponseParser(limits: limits)
        var pieces = 0
        var received: [UInt8] = []
        var events: [ResponseEvent] = []
        for chunk in ByteSplits.fixed(input, size: 512) {
            parser.append(chunk)
            while let event = try parser.next() {
                if case .bodyBytes(let piece) = event {
                    pieces += 1
                    received += piece
                    // Nothing beyond the current read is held: a piece is never larger than a read.
                    #expect(piece.count <= 512)
                } else {
                    events.append(event)
                }
            }
        }
        #expect(received == body)
        #expect(pieces >= 9)
        #expect(events == [
            .fetchBegin(sequenceNumber: 1), .fetchAttribute(.uid(8)),
            .bodyBegin(BodySection(.body, .complete), origin: nil, byteCount: 5000), .bodyEnd,
            .fetchAttribute(.flags([.seen])), .fetchEnd,
            .tagged(TaggedResponse(tag: "A1", status: .ok, text: ResponseText(text: "done"))),
        ])
    }

    @Test func streamingGivesTheSameEventsHoweverTheInputIsSplit() throws {
        let body = String(repeating: "0123456789abcdef", count: 20)
        let input = "* 2 FETCH (BODY[1] {320}\r\n\(body) BODY[2] {320}\r\n\(body) UID 3)\r\n"
        let limits = IMAPLimits(maximumBufferedLiteralSize: 1 << 20, streamingThreshold: 64)
        let expected = try parseEvents(input, limits: limits)
        #expect(expected.count == 9)
        for split in ByteSplits.all(bytes(input)) {
            #expect(try parseEvents(split.chunks, limits: limits) == expected, "split \(split)")
        }
    }

    @Test func aLargeLiteralOutsideABodyIsHeldAndParsed() throws {
        let subject = String(repeating: "s", count: 300)
        let input = "* 1 FETCH (UID 1 ENVELOPE (NIL {300}\r\n\(subject) NIL NIL NIL NIL NIL NIL NIL NIL))\r\n"
            + "* LIST () \"/\" {300}\r\n\(subject)\r\n"
        let limits = IMAPLimits(maximumBufferedLiteralSize: 1 << 20, streamingThreshold: 64)
        for split in ByteSplits.all(bytes(input), seeds: [1]) {
            let events = try parseEvents(split.chunks, limits: limits)
            #expect(events.count == 5)
            guard case .fetchAttribute(.envelope(let envelope)) = events[2] else {
                Issue.record("no envelope in \(events)")
                continue
            }
            #expect(envelope.subject == bytes(subject))
            guard case .untagged(.list(let entry)) = events[4] else {
                Issue.record("no LIST in \(events)")
                continue
            }
            #expect(entry.name.bytes == bytes(subject))
        }
    }

    @Test func aHeldLiteralPastItsLimitFails() {
        let input = "* LIST () \"/\" {300}\r\n" + String(repeating: "m", count: 300) + "\r\n"
        let limits = IMAPLimits(maximumBufferedLiteralSize: 200, streamingThreshold: 64)
        let error = #expect(throws: IMAPProtocolError.self) { try parseEvents(input, limits: limits) }
        #expect(error?.kind == .literalTooLarge(size: 300, limit: 200))
    }

    @Test func aTenThousandMessageFetchInOneRead() throws {
        var input: [UInt8] = []
        for number in 1...10_000 {
            input += bytes("* \(number) FETCH (UID \(number + 100) FLAGS (\\Seen) RFC822.SIZE \(number * 10) "
                + "ENVELOPE (\"Mon, 1 Jan 2024 10:00:00 +0000\" \"Subject \(number)\" ((\"A\" NIL \"a\" \"example.org\")) "
                + "NIL NIL ((NIL NIL \"b\" \"example.org\")) NIL NIL NIL \"<\(number)@example.org>\"))\r\n")
        }
        var parser = ResponseParser()
        parser.append(input)
        var uids = 0
        var ends = 0
        while let event = try parser.next() {
            if case .fetchAttribute(.uid) = event { uids += 1 }
            if event == .fetchEnd { ends += 1 }
        }
        #expect(uids == 10_000 && ends == 10_000)
        #expect(parser.isIdle)
    }
}
