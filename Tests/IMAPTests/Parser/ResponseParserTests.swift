@testable import IMAP
import TernTestSupport
import Testing

/// One transcript and the events it must give.
struct ParseFixture: Sendable, CustomStringConvertible {
    let input: String
    let expected: [ResponseEvent]
    var description: String { String(input.prefix(60)) }

    init(_ input: String, _ expected: [ResponseEvent]) {
        self.input = input
        self.expected = expected
    }
}

private func text(_ value: String, _ code: ResponseCode? = nil) -> ResponseText {
    ResponseText(code: code, text: value)
}

@Suite struct ResponseParserTests {
    static let fixtures: [ParseFixture] = [
        ParseFixture("* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN LOGINDISABLED] Dovecot ready.\r\n", [
            .untagged(.condition(.ok, text("Dovecot ready.", .capability([
                .imap4rev1, .startTLS, .auth("PLAIN"), .loginDisabled,
            ])))),
        ]),
        ParseFixture("* PREAUTH IMAP4rev1 server logged in as Smith\r\n", [
            .untagged(.condition(.preauth, text("IMAP4rev1 server logged in as Smith"))),
        ]),
        ParseFixture("* BYE Autologout; idle for too long\r\n", [
            .untagged(.condition(.bye, text("Autologout; idle for too long"))),
        ]),
        ParseFixture("A1 OK [READ-WRITE] SELECT completed\r\n", [
            .tagged(TaggedResponse(tag: "A1", status: .ok, text: text("SELECT completed", .readWrite))),
        ]),
        ParseFixture("A2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n", [
            .tagged(TaggedResponse(tag: "A2", status: .no, text: text("Authentication failed.", .authenticationFailed))),
        ]),
        ParseFixture("a.3 bad Error in IMAP command\r\n", [
            .tagged(TaggedResponse(tag: "a.3", status: .bad, text: text("Error in IMAP command"))),
        ]),
        ParseFixture("A4 OK\r\n", [.tagged(TaggedResponse(tag: "A4", status: .ok, text: text("")))]),
        ParseFixture("* OK [READ-WRITE]\r\n", [.untagged(.condition(.ok, text("", .readWrite)))]),
        ParseFixture("* OK [unclosed text\r\n", [.untagged(.condition(.ok, text("[unclosed text")))]),
        ParseFixture("* OK [ not a code] text\r\n", [.untagged(.condition(.ok, text("[ not a code] text")))]),
        ParseFixture("* OK [X-FOO] text\r\n", [.untagged(.condition(.ok, text("text", .other(name: "X-FOO", text: nil))))]),
        ParseFixture("+ Ready for literal data\r\n", [.continuation(ContinuationRequest(data: bytes("Ready for literal data")))]),
        ParseFixture("+\r\n", [.continuation(ContinuationRequest(data: []))]),
        ParseFixture("+ \r\n", [.continuation(ContinuationRequest(data: []))]),
        ParseFixture("+ dGVzdA==\r\n", [.continuation(ContinuationRequest(data: bytes("dGVzdA==")))]),
        ParseFixture("* 172 EXISTS\r\n* 1 RECENT\r\n* 44 EXPUNGE\r\n", [
            .untagged(.exists(172)), .untagged(.recent(1)), .untagged(.expunge(44)),
        ]),
        ParseFixture("* 0 EXISTS\n", [.untagged(.exists(0))]),
        ParseFixture("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded Junk)\r\n", [
            .untagged(.flags([.answered, .flagged, .deleted, .seen, .draft, .forwarded, MessageFlag("Junk")])),
        ]),
        ParseFixture("* OK [PERMANENTFLAGS (\\Answered \\Seen \\*)] Flags permitted.\r\n", [
            .untagged(.condition(.ok, text("Flags permitted.", .permanentFlags([.answered, .seen, .wildcard])))),
        ]),
        ParseFixture("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n* OK [UIDNEXT 4392] Predicted next UID\r\n", [
            .untagged(.condition(.ok, text("UIDs valid", .uidValidity(3_857_529_045)))),
            .untagged(.condition(.ok, text("Predicted next UID", .uidNext(4392)))),
        ]),
        ParseFixture("* OK [HIGHESTMODSEQ 715194045007] Highest\r\n* OK [NOMODSEQ] Sorry\r\n", [
            .untagged(.condition(.ok, text("Highest", .highestModSeq(715_194_045_007)))),
            .untagged(.condition(.ok, text("Sorry", .noModSeq))),
        ]),
        ParseFixture("A4 OK [APPENDUID 38505 3955] APPEND completed\r\n", [
            .tagged(TaggedResponse(tag: "A4", status: .ok,
                                   text: text("APPEND completed", .appendUID(uidValidity: 38505, uids: SequenceSet(3955...3955))))),
        ]),
        ParseFixture("A5 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n", [
            .tagged(TaggedResponse(tag: "A5", status: .ok, text: text("Done", .copyUID(
                uidValidity: 38505, source: SequenceSet(ranges: [304...304, 319...320]),
                destination: SequenceSet(3956...3958))))),
        ]),
        ParseFixture("A6 OK [MODIFIED 7,9] Conditional STORE failed\r\n", [
            .tagged(TaggedResponse(tag: "A6", status: .ok,
                                   text: text("Conditional STORE failed", .modified(SequenceSet(ranges: [7...7, 9...9]))))),
        ]),
        ParseFixture("* OK [ALERT] System shutdown in 10 minutes\r\n", [
            .untagged(.condition(.ok, text("System shutdown in 10 minutes", .alert))),
        ]),
        ParseFixture("* NO [X-UNKNOWN-CODE some args] whatever\r\n", [
            .untagged(.condition(.no, text("whatever", .other(name: "X-UNKNOWN-CODE", text: "some args")))),
        ]),
        ParseFixture("* OK [UIDNEXT notanumber] broken code\r\n", [
            .untagged(.condition(.ok, text("broken code", .other(name: "UIDNEXT", text: "notanumber")))),
        ]),
        ParseFixture("* CAPABILITY IMAP4rev1 IDLE LITERAL+ MOVE\r\n", [
            .untagged(.capability([.imap4rev1, .idle, .literalPlus, .move])),
        ]),
        ParseFixture("* ENABLED CONDSTORE QRESYNC\r\n", [.untagged(.enabled([.condStore, .qresync]))]),
        ParseFixture("* ENABLED\r\n", [.untagged(.enabled([]))]),
        ParseFixture("* SEARCH 2 3 6\r\n* SEARCH\r\n* SEARCH \r\n* SEARCH 1 (MODSEQ 917162500)\r\n", [
            .untagged(.search([2, 3, 6], modSeq: nil)), .untagged(.search([], modSeq: nil)),
            .untagged(.search([], modSeq: nil)), .untagged(.search([1], modSeq: 917_162_500)),
        ]),
        ParseFixture("* VANISHED (EARLIER) 41,43:116,118\r\n* VANISHED 405\r\n", [
            .untagged(.vanished(SequenceSet(ranges: [41...41, 43...116, 118...118]), earlier: true)),
            .untagged(.vanished(SequenceSet(405...405), earlier: false)),
        ]),
        ParseFixture("* XYZZY plugh (1 2 {3}\r\nabc) \"x\"\r\n* 3 EXISTS\r\n", [
            .untagged(.unknown("XYZZY")), .untagged(.exists(3)),
        ]),
        ParseFixture("* 5 XUNKNOWN stuff\r\n", [.untagged(.unknown("XUNKNOWN"))]),
        ParseFixture("* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n* ID NIL\r\n", [
            .untagged(.id(IDParameters([.init(name: "name", value: "Dovecot"), .init(name: "version", value: nil)]))),
            .untagged(.id(nil)),
        ]),
        ParseFixture("* NAMESPACE ((\"\" \"/\")) NIL ((\"Shared/\" \"/\"))\r\n", [
            .untagged(.namespace(NamespaceResponse(
                personal: [.init(prefix: MailboxName(bytes: []), delimiter: "/")], otherUsers: [],
                shared: [.init(prefix: MailboxName("Shared/"), delimiter: "/")]))),
        ]),
    ]

    @Test(arguments: fixtures)
    func parsesFixture(_ fixture: ParseFixture) throws {
        #expect(try parseEvents(fixture.input) == fixture.expected)
    }

    @Test(arguments: fixtures)
    func parsesFixtureSplitAnywhere(_ fixture: ParseFixture) throws {
        for split in ByteSplits.all(bytes(fixture.input), seeds: [7, 8]) {
            #expect(try parseEvents(split.chunks) == fixture.expected, "split \(split)")
        }
    }

    static let malformed: [(String, String)] = [
        ("* 1 FETCH (UID)\r\n", "a space"),
        ("A1 FOO bar\r\n", "OK, NO or BAD"),
        ("* 1 FETCH (FLAGS (\\Seen)\r\n", "a space"),
        ("* 1 FETCH (UID 5) trailing\r\n", "end of the line"),
        ("* LIST (\\Noselect \"/\" foo\r\n", "an atom"),
        ("(garbage)\r\n", "a tag"),
        ("* STATUS INBOX (MESSAGES x)\r\n", "a number"),
        ("* 4294967296 EXISTS\r\n", "below 2^32"),
        ("A1 OK \"unterminated {5}\r\nabcde\r\n", "end of the response"),
    ]

    @Test(arguments: malformed)
    func rejectsMalformed(_ input: String, _ expected: String) {
        let error = #expect(throws: IMAPProtocolError.self) { try parseEvents(input) }
        #expect(error?.kind == .malformedResponse)
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    }

    @Test func anErrorIsSticky() throws {
        var parser = ResponseParser()
        parser.append(bytes("A1 FOO\r\n* 1 EXISTS\r\n"))
        #expect(throws: IMAPProtocolError.self) { try parser.next() }
        #expect(throws: IMAPProtocolError.self) { try parser.next() }
    }

    @Test func aTruncatedResponseIsReportedAtTheEnd() throws {
        var parser = ResponseParser()
        parser.append(bytes("* 1 FETCH (UID 5 BODY[] {10}\r\nabc"))
        while try parser.next() != nil {}
        #expect(parser.endOfStreamError()?.kind == .truncated)
        var idle = ResponseParser()
        idle.append(bytes("* 1 EXISTS\r\n"))
        while try idle.next() != nil {}
        #expect(idle.endOfStreamError() == nil)
    }

    @Test func discardingBufferedBytesForgetsEverything() throws {
        var parser = ResponseParser()
        parser.append(bytes("A1 OK Begin TLS\r\n* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\nA2 OK inj"))
        #expect(try parser.next() == .tagged(TaggedResponse(tag: "A1", status: .ok, text: text("Begin TLS"))))
        #expect(parser.discardBufferedBytes() == bytes("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\nA2 OK inj").count)
        #expect(try parser.next() == nil)
        parser.append(bytes("* OK after TLS\r\n"))
        #expect(try parser.next() == .untagged(.condition(.ok, text("after TLS"))))
    }
}
