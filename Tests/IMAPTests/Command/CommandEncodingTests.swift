import Foundation
@testable import IMAP
import Testing

/// A command, the options it is encoded with, and the bytes and trace it must give.
struct EncodingFixture: Sendable, CustomStringConvertible {
    let command: Command
    let options: EncodingOptions
    let chunks: [String]
    let trace: String
    var description: String { trace }

    init(_ command: Command, _ chunks: [String], trace: String) {
        self.init(command, EncodingOptions(), chunks, trace: trace)
    }

    init(_ command: Command, _ options: EncodingOptions, _ chunks: [String], trace: String) {
        self.command = command
        self.options = options
        self.chunks = chunks
        self.trace = trace
    }
}

@Suite struct CommandEncodingTests {
    static let plus = EncodingOptions(literals: .nonSynchronizing)
    static let minus = EncodingOptions(literals: .nonSynchronizingUpTo4096)
    static let utf8 = EncodingOptions(literals: .nonSynchronizing, utf8: true)

    static let fixtures: [EncodingFixture] = [
        EncodingFixture(.capability, ["A1 CAPABILITY\r\n"], trace: "A1 CAPABILITY"),
        EncodingFixture(.login(username: "alice", password: "secret pw"), ["A1 LOGIN alice \"secret pw\"\r\n"],
                        trace: "A1 LOGIN alice \"****\""),
        EncodingFixture(.login(username: "al\"ice", password: "p\\w"), ["A1 LOGIN \"al\\\"ice\" \"p\\\\w\"\r\n"],
                        trace: "A1 LOGIN \"al\\\"ice\" \"****\""),
        EncodingFixture(.login(username: "jörg", password: "x"), ["A1 LOGIN {5}\r\n", "jörg x\r\n"],
                        trace: "A1 LOGIN {5} [5 bytes] ****"),
        EncodingFixture(.login(username: "jörg", password: "pässwörd"), plus, ["A1 LOGIN {5+}\r\njörg {10+}\r\npässwörd\r\n"],
                        trace: "A1 LOGIN {5+} [5 bytes] ****"),
        EncodingFixture(.authenticate(mechanism: "PLAIN", initialResponse: "AGFsaWNlAHB3"),
                        ["A1 AUTHENTICATE PLAIN AGFsaWNlAHB3\r\n"], trace: "A1 AUTHENTICATE PLAIN ****"),
        EncodingFixture(.select(.inbox), ["A1 SELECT INBOX\r\n"], trace: "A1 SELECT INBOX"),
        EncodingFixture(.select(MailboxName("Entwürfe"), SelectParameters(condStore: true)),
                        ["A1 SELECT Entw&APw-rfe (CONDSTORE)\r\n"], trace: "A1 SELECT Entw&APw-rfe (CONDSTORE)"),
        EncodingFixture(.select(MailboxName("Entwürfe", utf8: true)), utf8,
                        ["A1 SELECT \"Entwürfe\"\r\n"], trace: "A1 SELECT \"Entwürfe\""),
        EncodingFixture(.examine(MailboxName("My Box"), SelectParameters(qresync: QResyncParameters(
            uidValidity: 67_890_007, modSeq: 90_060_115_194_045_000, knownUIDs: SequenceSet(ranges: [41...211]),
            sequenceMatch: (SequenceSet(ranges: [1...1, 3...3]), SequenceSet(ranges: [41...41, 43...43]))))),
                        ["A1 EXAMINE \"My Box\" (QRESYNC (67890007 90060115194045000 41:211 (1,3 41,43)))\r\n"],
                        trace: "A1 EXAMINE \"My Box\" (QRESYNC (67890007 90060115194045000 41:211 (1,3 41,43)))"),
        EncodingFixture(.list(reference: MailboxName(""), patterns: [MailboxName("*")],
                              returning: [.specialUse, .status([.messages, .unseen])]),
                        ["A1 LIST \"\" * RETURN (SPECIAL-USE STATUS (MESSAGES UNSEEN))\r\n"],
                        trace: "A1 LIST \"\" * RETURN (SPECIAL-USE STATUS (MESSAGES UNSEEN))"),
        EncodingFixture(.list(reference: MailboxName(""), patterns: [MailboxName("INBOX"), MailboxName("Lists/%")],
                              selection: [.subscribed]),
                        ["A1 LIST (SUBSCRIBED) \"\" (INBOX Lists/%)\r\n"], trace: "A1 LIST (SUBSCRIBED) \"\" (INBOX Lists/%)"),
        EncodingFixture(.status(MailboxName("Sent"), StatusAttribute.counts),
                        ["A1 STATUS Sent (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)\r\n"],
                        trace: "A1 STATUS Sent (MESSAGES UNSEEN UIDNEXT UIDVALIDITY)"),
        EncodingFixture(.fetch(SequenceSet([1, 2, 3, 9]), FetchAttribute.envelopeItems),
                        ["A1 UID FETCH 1:3,9 (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)\r\n"],
                        trace: "A1 UID FETCH 1:3,9 (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)"),
        EncodingFixture(.fetch(.all, [.flags], modifiers: FetchModifiers(changedSince: 12345, vanished: true)),
                        ["A1 UID FETCH 1:* FLAGS (CHANGEDSINCE 12345 VANISHED)\r\n"],
                        trace: "A1 UID FETCH 1:* FLAGS (CHANGEDSINCE 12345 VANISHED)"),
        EncodingFixture(.fetch(SequenceSet(ranges: [99_951...100_000]), [.uid, .body(.headerFields(["From", "List-Id"])),
                                                                          .body(SectionSpecifier(part: [1, 2], kind: .mime), peek: false,
                                                                                partial: .init(offset: 0, length: 1024))],
                               uid: false),
                        ["A1 FETCH 99951:100000 (UID BODY.PEEK[HEADER.FIELDS (FROM LIST-ID)] BODY[1.2.MIME]<0.1024>)\r\n"],
                        trace: "A1 FETCH 99951:100000 (UID BODY.PEEK[HEADER.FIELDS (FROM LIST-ID)] BODY[1.2.MIME]<0.1024>)"),
        EncodingFixture(.store(SequenceSet([4, 5]), StoreAction(.add, [.seen, MessageFlag("$Label1")]), unchangedSince: 77),
                        ["A1 UID STORE 4:5 (UNCHANGEDSINCE 77) +FLAGS.SILENT (\\Seen $Label1)\r\n"],
                        trace: "A1 UID STORE 4:5 (UNCHANGEDSINCE 77) +FLAGS.SILENT (\\Seen $Label1)"),
        EncodingFixture(.store(SequenceSet([4]), StoreAction(.replace, [], silent: false)),
                        ["A1 UID STORE 4 FLAGS ()\r\n"], trace: "A1 UID STORE 4 FLAGS ()"),
        EncodingFixture(.move(SequenceSet([4]), to: MailboxName("Trash")), ["A1 UID MOVE 4 Trash\r\n"],
                        trace: "A1 UID MOVE 4 Trash"),
        EncodingFixture(.copy(SequenceSet([4]), to: MailboxName("a b")), ["A1 UID COPY 4 \"a b\"\r\n"],
                        trace: "A1 UID COPY 4 \"a b\""),
        EncodingFixture(.uidExpunge(SequenceSet([4, 6])), ["A1 UID EXPUNGE 4,6\r\n"], trace: "A1 UID EXPUNGE 4,6"),
        EncodingFixture(.append(MailboxName("Sent"), flags: [.seen],
                                date: InternalDate(year: 2024, month: 2, day: 1, hour: 9, minute: 5, second: 0, zoneMinutes: 60),
                                message: Array("Subject: x\r\n\r\nhi\r\n".utf8)),
                        ["A1 APPEND Sent (\\Seen) \"01-Feb-2024 09:05:00 +0100\" {18}\r\n", "Subject: x\r\n\r\nhi\r\n\r\n"],
                        trace: "A1 APPEND Sent (\\Seen) \"01-Feb-2024 09:05:00 +0100\" {18} [18 bytes]"),
        EncodingFixture(.append(MailboxName("Sent"), message: Array(repeating: UInt8(ascii: "a"), count: 5000)), minus,
                        ["A1 APPEND Sent {5000}\r\n", String(repeating: "a", count: 5000) + "\r\n"],
                        trace: "A1 APPEND Sent {5000} [5000 bytes]"),
        EncodingFixture(.append(MailboxName("Sent"), message: Array("x\r\n".utf8)), minus,
                        ["A1 APPEND Sent {3+}\r\nx\r\n\r\n"], trace: "A1 APPEND Sent {3+} [3 bytes]"),
        EncodingFixture(.search(.and([.unseen, .since(Date(timeIntervalSince1970: 1_706_745_600)), .from("ann")])),
                        ["A1 UID SEARCH (UNSEEN SINCE 1-Feb-2024 FROM ann)\r\n"],
                        trace: "A1 UID SEARCH (UNSEEN SINCE 1-Feb-2024 FROM ann)"),
        EncodingFixture(.search(.or(.subject("Grüße"), .not(.seen)), returning: [.all, .count]), plus,
                        ["A1 UID SEARCH RETURN (ALL COUNT) CHARSET UTF-8 OR SUBJECT {7+}\r\nGrüße NOT SEEN\r\n"],
                        trace: "A1 UID SEARCH RETURN (ALL COUNT) CHARSET UTF-8 OR SUBJECT {7+} [7 bytes] NOT SEEN"),
        EncodingFixture(.search(.subject("Grüße")), utf8, ["A1 UID SEARCH SUBJECT \"Grüße\"\r\n"],
                        trace: "A1 UID SEARCH SUBJECT \"Grüße\""),
        EncodingFixture(.search(.and([.uid(SequenceSet(ranges: [1...UInt32.max])), .modSeq(5), .header("List-Id", "dev")])),
                        ["A1 UID SEARCH (UID 1:* MODSEQ 5 HEADER List-Id dev)\r\n"],
                        trace: "A1 UID SEARCH (UID 1:* MODSEQ 5 HEADER List-Id dev)"),
        EncodingFixture(.enable([.condStore, .qresync, .utf8Accept]), ["A1 ENABLE CONDSTORE QRESYNC UTF8=ACCEPT\r\n"],
                        trace: "A1 ENABLE CONDSTORE QRESYNC UTF8=ACCEPT"),
        EncodingFixture(.id(IDParameters([.init(name: "name", value: "tern"), .init(name: "os", value: nil)])),
                        ["A1 ID (\"name\" \"tern\" \"os\" NIL)\r\n"], trace: "A1 ID (\"name\" \"tern\" \"os\" NIL)"),
        EncodingFixture(.id(nil), ["A1 ID NIL\r\n"], trace: "A1 ID NIL"),
        EncodingFixture(.create(MailboxName("Sent Items"), specialUse: [.sent]), ["A1 CREATE \"Sent Items\" (USE (\\Sent))\r\n"],
                        trace: "A1 CREATE \"Sent Items\" (USE (\\Sent))"),
        EncodingFixture(.rename(from: MailboxName("a"), to: MailboxName("NIL")), ["A1 RENAME a \"NIL\"\r\n"],
                        trace: "A1 RENAME a \"NIL\""),
        EncodingFixture(.idle, ["A1 IDLE\r\n"], trace: "A1 IDLE"),
    ]

    @Test(arguments: fixtures)
    func encodes(_ fixture: EncodingFixture) {
        let encoded = fixture.command.encoded(tag: "A1", options: fixture.options)
        #expect(encoded.chunks.map { String(decoding: $0.bytes, as: UTF8.self) } == fixture.chunks)
        #expect(encoded.chunks.dropLast().allSatisfy { $0.waitsForContinuation })
        #expect(encoded.chunks.last?.waitsForContinuation == false)
        #expect(encoded.traceText == fixture.trace)
    }

    @Test func aPasswordNeverReachesTheTrace() {
        for password in ["hunter2", "with space", "jörg's", "a\"b"] {
            for options in [EncodingOptions(), Self.plus] {
                let trace = Command.login(username: "u", password: password).encoded(tag: "A1", options: options).traceText
                #expect(!trace.contains(password))
            }
        }
    }

    @Test func optionsFollowCapabilities() {
        #expect(EncodingOptions(capabilities: [.literalPlus], enabled: []).literals == .nonSynchronizing)
        #expect(EncodingOptions(capabilities: [.literalMinus], enabled: []).literals == .nonSynchronizingUpTo4096)
        #expect(EncodingOptions(capabilities: [.imap4rev1], enabled: []).literals == .synchronizing)
        #expect(EncodingOptions(capabilities: [.utf8Accept], enabled: [.utf8Accept]).utf8)
        #expect(!EncodingOptions(capabilities: [.utf8Accept], enabled: []).utf8)
    }
}
