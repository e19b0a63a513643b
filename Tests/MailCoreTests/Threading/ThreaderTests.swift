import Foundation
import Testing
import MailCore

/// A compact way to write threading inputs: id, parent ids, subject and minute of the day.
struct Msg: Sendable {
    var id: String?
    var refs: [String] = []
    var irt: String? = nil
    var subject = "Topic"
    var minute: Int? = 0
}

/// A threading case: messages, and the expected forest drawn as indented lines (`*` for a
/// missing parent), threads in display order.
struct ThreadCase: CustomTestStringConvertible, Sendable {
    var name: String
    var messages: [Msg]
    var expected: [String]
    var options = ThreadingOptions()
    var testDescription: String { name }
}

func inputs(_ messages: [Msg]) -> [ThreadInput] {
    messages.enumerated().map { i, m in
        ThreadInput(index: i, messageID: m.id, inReplyTo: m.irt, references: m.refs, subject: m.subject,
                    date: m.minute.map { Date(timeIntervalSince1970: 1_700_000_000 + Double($0) * 60) })
    }
}

/// The forest as lines: two spaces per depth, then the message id (or `?index` without id, `*`
/// for a missing parent).
func draw(_ forest: ThreadForest, _ messages: [Msg]) -> [String] {
    forest.nodes.map { node in
        let label = node.message.map { messages[$0].id ?? "?\($0)" } ?? "*"
        return String(repeating: "  ", count: node.depth) + label
    }
}

@Suite("Threader")
struct ThreaderTests {
    static let cases: [ThreadCase] = [
        ThreadCase(name: "simple reply chain",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "b", refs: ["a"], minute: 2), Msg(id: "c", refs: ["a", "b"], minute: 3)],
                   expected: ["a", "  b", "    c"]),
        ThreadCase(name: "brackets and white space in ids",
                   messages: [Msg(id: "<a@x>", minute: 1), Msg(id: " <b@x> ", irt: "<a@x>", minute: 2)],
                   expected: ["<a@x>", "   <b@x> "]),
        ThreadCase(name: "out of order arrival gives the same tree",
                   messages: [Msg(id: "c", refs: ["a", "b"], minute: 3), Msg(id: "b", refs: ["a"], minute: 2), Msg(id: "a", minute: 1)],
                   expected: ["a", "  b", "    c"]),
        ThreadCase(name: "siblings by date",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "late", refs: ["a"], minute: 9), Msg(id: "early", refs: ["a"], minute: 2)],
                   expected: ["a", "  early", "  late"]),
        ThreadCase(name: "In-Reply-To alone",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "b", irt: "a", minute: 2)], expected: ["a", "  b"]),
        ThreadCase(name: "In-Reply-To names the parent when References stop short",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "b", refs: ["a"], minute: 2), Msg(id: "c", refs: ["a"], irt: "b", minute: 3)],
                   expected: ["a", "  b", "    c"]),
        ThreadCase(name: "missing parent with one reply is pruned",
                   messages: [Msg(id: "b", refs: ["gone"], minute: 2)], expected: ["b"]),
        ThreadCase(name: "missing root with several replies keeps a dummy",
                   messages: [Msg(id: "b", refs: ["gone"], minute: 2), Msg(id: "c", refs: ["gone"], minute: 3)],
                   expected: ["*", "  b", "  c"]),
        ThreadCase(name: "missing middle message is pruned and its children promoted",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "c", refs: ["a", "gone"], minute: 3), Msg(id: "d", refs: ["a", "gone"], minute: 4)],
                   expected: ["a", "  c", "  d"]),
        ThreadCase(name: "loop in References is broken",
                   messages: [Msg(id: "a", refs: ["b"], minute: 1), Msg(id: "b", refs: ["a"], minute: 2)],
                   expected: ["b", "  a"]),
        ThreadCase(name: "self reference is ignored",
                   messages: [Msg(id: "a", refs: ["a"], irt: "a", minute: 1), Msg(id: "b", refs: ["a"], minute: 2)],
                   expected: ["a", "  b"]),
        ThreadCase(name: "References with a cycle among ancestors",
                   messages: [Msg(id: "x", refs: ["p", "q", "p"], minute: 5), Msg(id: "p", minute: 1), Msg(id: "q", refs: ["p"], minute: 2)],
                   expected: ["p", "  q", "  x"]),
        ThreadCase(name: "duplicate Message-ID gets its own node",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "a", minute: 2), Msg(id: "b", refs: ["a"], minute: 3)],
                   expected: ["a", "  b", "a"], options: ThreadingOptions(newestFirst: true)),
        ThreadCase(name: "duplicate Message-ID with references stays in the thread",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "b", refs: ["a"], minute: 2), Msg(id: "b", refs: ["a"], minute: 3)],
                   expected: ["a", "  b", "  b"]),
        ThreadCase(name: "messages without Message-ID",
                   messages: [Msg(id: "a", minute: 1), Msg(id: nil, refs: ["a"], minute: 2), Msg(id: nil, minute: 3)],
                   expected: ["?2", "a", "  ?1"]),
        ThreadCase(name: "subject fallback for a reply without references",
                   messages: [Msg(id: "a", subject: "Lunch?", minute: 1), Msg(id: "b", subject: "Re: Lunch?", minute: 2),
                              Msg(id: "c", subject: "AW: [team] RE: lunch?", minute: 3)],
                   expected: ["a", "  b", "  c"]),
        ThreadCase(name: "no subject grouping for messages with references or without a marker",
                   messages: [Msg(id: "a", subject: "Report", minute: 1), Msg(id: "b", subject: "Report", minute: 2),
                              Msg(id: "c", refs: ["elsewhere"], subject: "Re: Report", minute: 3)],
                   expected: ["c", "b", "a"]),
        ThreadCase(name: "subject fallback picks the thread that started last before the reply",
                   messages: [Msg(id: "old", subject: "Weekly", minute: 1), Msg(id: "new", subject: "Weekly", minute: 10),
                              Msg(id: "r1", subject: "Re: Weekly", minute: 5), Msg(id: "r2", subject: "Re: Weekly", minute: 11),
                              Msg(id: "r0", subject: "Re: Weekly", minute: 0)],
                   expected: ["new", "  r2", "old", "  r0", "  r1"]),
        ThreadCase(name: "replies with no thread to join are grouped",
                   messages: [Msg(id: "x", subject: "Re: Lost", minute: 1), Msg(id: "y", subject: "Fwd: lost", minute: 2)],
                   expected: ["*", "  x", "  y"]),
        ThreadCase(name: "subject fallback can be turned off",
                   messages: [Msg(id: "a", subject: "Hi", minute: 1), Msg(id: "b", subject: "Re: Hi", minute: 2)],
                   expected: ["b", "a"], options: ThreadingOptions(groupBySubject: false)),
        ThreadCase(name: "threads by newest message, newest first",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "b", minute: 2), Msg(id: "a1", refs: ["a"], minute: 3)],
                   expected: ["a", "  a1", "b"]),
        ThreadCase(name: "threads by oldest message, newest first",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "b", minute: 2), Msg(id: "a1", refs: ["a"], minute: 3)],
                   expected: ["b", "a", "  a1"], options: ThreadingOptions(threadDate: .oldestMessage)),
        ThreadCase(name: "threads oldest first",
                   messages: [Msg(id: "a", minute: 1), Msg(id: "b", minute: 2), Msg(id: "a1", refs: ["a"], minute: 3)],
                   expected: ["b", "a", "  a1"], options: ThreadingOptions(newestFirst: false)),
        ThreadCase(name: "missing dates sort first, by input order",
                   messages: [Msg(id: "a", minute: 5), Msg(id: "b", refs: ["a"], minute: nil), Msg(id: "c", refs: ["a"], minute: 1)],
                   expected: ["a", "  b", "  c"]),
        ThreadCase(name: "a message arriving after its references were guessed takes its real parent",
                   messages: [Msg(id: "c", refs: ["x", "b"], minute: 3), Msg(id: "b", refs: ["a"], minute: 2), Msg(id: "a", minute: 1)],
                   expected: ["a", "  b", "    c"]),
    ]

    @Test(arguments: cases)
    func threads(_ c: ThreadCase) {
        let forest = Threader.thread(inputs(c.messages), options: c.options)
        #expect(draw(forest, c.messages) == c.expected)
        // Every message appears exactly once.
        #expect(forest.nodes.compactMap(\.message).sorted() == Array(0..<c.messages.count))
    }

    @Test func forestAccessors() throws {
        let messages = [Msg(id: "a", minute: 1), Msg(id: "b", refs: ["a"], minute: 2), Msg(id: "c", refs: ["a", "b"], minute: 3), Msg(id: "z", minute: 0)]
        let forest = Threader.thread(inputs(messages))
        let b = try #require(forest.node(forMessage: 1))
        #expect(forest.nodes[b].depth == 1)
        let root = forest.root(of: b)
        #expect(forest.nodes[root].message == 0)
        #expect(forest.nodes[root].messageCount == 3)
        #expect(forest.messages(inThread: root) == [0, 1, 2])
        #expect(forest.roots.count == 2)
    }

    @Test func strangeDatesDoNotBreakOrdering() {
        let dates: [Date?] = [Date(timeIntervalSinceReferenceDate: .nan), nil, .distantFuture, .distantPast,
                              Date(timeIntervalSinceReferenceDate: .infinity), Date(timeIntervalSince1970: 0)]
        let messages = dates.enumerated().map { i, date in
            ThreadInput(index: i, messageID: "m\(i)", references: i > 0 ? ["m0"] : [], subject: "s", date: date)
        }
        let forest = Threader.thread(messages)
        #expect(forest.roots.count == 1)
        #expect(forest.nodes.compactMap(\.message).sorted() == Array(0..<dates.count))
    }

    @Test func deepChainInEitherOrderIsFast() {
        let n = 20_000
        let messages = (0..<n).map { Msg(id: "m\($0)", irt: $0 > 0 ? "m\($0 - 1)" : nil, minute: $0) }
        for order in [messages, Array(messages.reversed())] {
            let forest = Threader.thread(inputs(order))
            #expect(forest.roots.count == 1)
            #expect(forest.nodes.last?.depth == n - 1)
            #expect(forest.flatten().count == n)
        }
    }
}
