import Testing
import MailCore

@Suite("ThreadForest.flatten")
struct ThreadRowTests {
    /// a, with replies b (reply c, reply d) and e; then f alone; threads oldest first.
    static let messages = [
        Msg(id: "a", minute: 1), Msg(id: "b", refs: ["a"], minute: 2), Msg(id: "c", refs: ["a", "b"], minute: 3),
        Msg(id: "d", refs: ["a", "b"], minute: 4), Msg(id: "e", refs: ["a"], minute: 5), Msg(id: "f", minute: 6),
    ]
    static let forest = Threader.thread(inputs(messages), options: ThreadingOptions(newestFirst: false))

    func render(_ rows: [ThreadRow]) -> [String] {
        rows.map { row in
            let label = row.message.map { Self.messages[$0].id ?? "?" } ?? "*"
            return row.prefix + label + (row.isCollapsed ? " (+\(row.hiddenCount))" : "")
        }
    }

    @Test func expanded() {
        #expect(render(Self.forest.flatten()) == ["a", "├─>b", "│ ├─>c", "│ └─>d", "└─>e", "f"])
        #expect(Self.forest.flatten().map(\.depth) == [0, 1, 2, 2, 1, 0])
        #expect(Self.forest.flatten().map(\.threadKey) == [0, 0, 0, 0, 0, 5])
    }

    @Test func collapsedThread() {
        #expect(render(Self.forest.flatten(collapsed: [0])) == ["a (+4)", "f"])
    }

    @Test func collapsedSubthread() {
        #expect(render(Self.forest.flatten(collapsed: [1])) == ["a", "├─>b (+2)", "└─>e", "f"])
    }

    @Test func collapsingALeafChangesNothing() {
        #expect(render(Self.forest.flatten(collapsed: [5, 2])) == render(Self.forest.flatten()))
    }

    @Test func missingRoot() {
        let messages = [Msg(id: "b", refs: ["gone"], minute: 2), Msg(id: "c", refs: ["gone"], minute: 3), Msg(id: "d", refs: ["gone", "c"], minute: 4)]
        let forest = Threader.thread(inputs(messages))
        let label = { (rows: [ThreadRow]) in rows.map { $0.prefix + ($0.message.map { messages[$0].id ?? "" } ?? "*") } }
        #expect(label(forest.flatten()) == ["┌─>b", "└─>c", "  └─>d"])
        #expect(label(forest.flatten(showMissingParents: true)) == ["*", "├─>b", "└─>c", "  └─>d"])
        let collapsed = forest.flatten(collapsed: [0])
        #expect(collapsed.count == 1)
        #expect(collapsed.first?.message == 0)
        #expect(collapsed.first?.hiddenCount == 2)
        let shown = forest.flatten(collapsed: [0], showMissingParents: true)
        #expect(shown.count == 1)
        #expect(shown.first?.message == nil)
        #expect(shown.first?.hiddenCount == 3)
        #expect(shown.first?.threadKey == 0)
    }

    @Test func deepPrefixesAreCapped() {
        let n = 100
        let messages = (0..<n).map { Msg(id: "m\($0)", irt: $0 > 0 ? "m\($0 - 1)" : nil, minute: $0) }
        let rows = Threader.thread(inputs(messages)).flatten()
        #expect(rows.last?.depth == n - 1)
        #expect(rows.last.map { DisplayWidth.of($0.prefix) } == (ThreadForest.maxDrawnDepth - 1) * 2 + 3)
    }
}
