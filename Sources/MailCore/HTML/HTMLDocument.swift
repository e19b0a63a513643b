/// A parsed HTML document: an arena of nodes in document order (index 0 is the document itself).
///
/// Nodes refer to each other by index, so that a deep tree costs no recursion to build or free.
struct HTMLDocument {
    /// One element or text node.
    struct Node {
        /// The tag id (``HTMLTag`` raw value or an unknown-name id), or ``Node/textTag`` for text.
        var tag: Int
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// Index into ``HTMLDocument/texts`` (text) or ``HTMLDocument/attributes`` (element), or -1.
        var payload: Int32 = -1
        var flags: UInt8 = 0

        static let textTag = -1
        static let hiddenFlag: UInt8 = 1
        static let containsTableFlag: UInt8 = 2

        var isText: Bool { tag == Self.textTag }
        var isHidden: Bool { flags & Self.hiddenFlag != 0 }
        var containsTable: Bool { flags & Self.containsTableFlag != 0 }
        var knownTag: HTMLTag? { tag >= 0 && tag < HTMLTagNames.firstUnknownID ? HTMLTag(rawValue: tag) : nil }
    }

    var nodes: [Node] = [Node(tag: HTMLTagNames.firstUnknownID - 1, parent: -1)]
    var texts: [String] = []
    var attributes: [[HTMLAttribute]] = []

    /// Appends a node as the last child of `parent` and returns its index.
    mutating func append(_ node: Node) -> Int32 {
        let index = Int32(nodes.count)
        nodes.append(node)
        let parent = Int(node.parent)
        if nodes[parent].lastChild >= 0 {
            nodes[Int(nodes[parent].lastChild)].nextSibling = index
        } else {
            nodes[parent].firstChild = index
        }
        nodes[parent].lastChild = index
        return index
    }

    /// The value of attribute `name` of element `node`, or nil.
    func attribute(_ name: String, of node: Int) -> String? {
        let payload = nodes[node].payload
        guard !nodes[node].isText, payload >= 0 else { return nil }
        return attributes[Int(payload)].first(where: { $0.name == name })?.value
    }

    /// The text of text node `node`.
    func text(of node: Int) -> String {
        texts[Int(nodes[node].payload)]
    }

    /// The children of `node`, in order.
    func children(of node: Int) -> ChildSequence {
        ChildSequence(nodes: nodes, first: nodes[node].firstChild)
    }

    /// Iterates over the children of a node.
    struct ChildSequence: Sequence, IteratorProtocol {
        let nodes: [Node]
        var current: Int32
        init(nodes: [Node], first: Int32) {
            self.nodes = nodes
            self.current = first
        }
        mutating func next() -> Int? {
            guard current >= 0 else { return nil }
            let index = Int(current)
            current = nodes[index].nextSibling
            return index
        }
    }

    /// Sets ``Node/containsTableFlag`` on every ancestor of a table (one backwards pass: children
    /// always come after their parents).
    mutating func markTableAncestors() {
        var i = nodes.count - 1
        while i > 0 {
            let node = nodes[i]
            if node.tag == HTMLTag.table.rawValue || node.containsTable {
                nodes[Int(node.parent)].flags |= Node.containsTableFlag
            }
            i -= 1
        }
    }
}
