/// One line of a threaded message list, from ``ThreadForest/flatten(collapsed:showMissingParents:)``.
public struct ThreadRow: Sendable, Equatable {
    /// The ``ThreadInput/index`` of the message, or nil for a missing-parent row.
    public var message: Int?
    /// The node in ``ThreadForest/nodes``.
    public var node: Int
    /// The depth in the thread: 0 for a root (a missing root's children are at 1).
    public var depth: Int
    /// The tree drawing to put before the subject, mutt style: `├─>` or `└─>` before a reply
    /// (`┌─>` before the first reply to a hidden missing root), `│ ` or two spaces for each level
    /// above; empty for a thread root. At most ``ThreadForest/maxDrawnDepth`` levels are drawn.
    public var prefix: String
    /// The thread's key for collapsing: the message of its root, or of the root's first reply
    /// when the root is missing.
    public var threadKey: Int?
    /// True when this row's replies are hidden by collapsing.
    public var isCollapsed: Bool
    /// The number of messages hidden under this row (0 when expanded).
    public var hiddenCount: Int
}

extension ThreadForest {
    /// The deepest level drawn in a ``ThreadRow/prefix``; deeper replies are drawn at this level.
    public static let maxDrawnDepth = 32

    /// The rows of a threaded message list.
    ///
    /// - Parameters:
    ///   - collapsed: messages (``ThreadInput/index``) whose replies are hidden. A thread's
    ///     ``ThreadRow/threadKey`` collapses the whole thread into its first row, even when the
    ///     thread's root is a missing message.
    ///   - showMissingParents: give missing thread roots a row of their own (message nil);
    ///     by default their replies are shown without it.
    /// - Returns: the visible rows, top to bottom.
    public func flatten(collapsed: Set<Int> = [], showMissingParents: Bool = false) -> [ThreadRow] {
        var rows: [ThreadRow] = []
        rows.reserveCapacity(nodes.count)
        // hasNext[level]: the ancestor at that level has a later sibling (draws "│ ").
        var hasNext = [Bool](repeating: false, count: Self.maxDrawnDepth + 2)
        var stack: [(node: Int, hasNextSibling: Bool, firstUnderHiddenRoot: Bool)] = []
        for root in roots {
            let hideRoot = nodes[root].message == nil && !showMissingParents
            let key = nodes[root].message ?? nodes[root].children.first.flatMap { nodes[$0].message }
            if let key, collapsed.contains(key) {
                let first = hideRoot ? (nodes[root].children.first ?? root) : root
                let hidden = nodes[root].messageCount - (nodes[first].message == nil ? 0 : 1)
                rows.append(ThreadRow(
                    message: nodes[first].message, node: first, depth: nodes[first].depth, prefix: "", threadKey: key,
                    isCollapsed: hidden > 0, hiddenCount: hidden))
                continue
            }
            if hideRoot {
                let children = nodes[root].children
                for (i, child) in children.enumerated().reversed() {
                    stack.append((child, i < children.count - 1, i == 0))
                }
            } else {
                stack.append((root, false, false))
            }
            while let (node, hasNextSibling, firstUnderHiddenRoot) = stack.popLast() {
                let n = nodes[node]
                let drawn = min(n.depth, Self.maxDrawnDepth)
                hasNext[drawn] = hasNextSibling
                var prefix = ""
                if drawn > 0 {
                    for level in 1..<drawn { prefix += hasNext[level] ? "\u{2502} " : "  " }
                    if firstUnderHiddenRoot && hasNextSibling {
                        prefix += "\u{250C}\u{2500}>"
                    } else {
                        prefix += hasNextSibling ? "\u{251C}\u{2500}>" : "\u{2514}\u{2500}>"
                    }
                }
                let isCollapsed = n.message.map { collapsed.contains($0) } ?? false
                let hidden = isCollapsed ? n.messageCount - 1 : 0
                rows.append(ThreadRow(
                    message: n.message, node: node, depth: n.depth, prefix: prefix, threadKey: key,
                    isCollapsed: isCollapsed && !n.children.isEmpty, hiddenCount: max(0, hidden)))
                if isCollapsed { continue }
                for (i, child) in n.children.enumerated().reversed() {
                    stack.append((child, i < n.children.count - 1, false))
                }
            }
        }
        return rows
    }
}
