import Foundation

/// Threads in display order: the result of ``Threader/thread(_:options:)``.
///
/// Nodes are stored in display order (each thread's nodes depth first, children by date), so
/// `nodes` read from the top is the fully expanded message list. A node without a message stands
/// for a message that was referenced but is not present (only at the top of a thread).
public struct ThreadForest: Sendable, Equatable {
    /// One message, or a missing message, in a thread.
    public struct Node: Sendable, Equatable {
        /// The ``ThreadInput/index`` of the message, or nil for a missing parent.
        public var message: Int?
        /// The parent node, or nil for a thread root.
        public var parent: Int?
        /// The child nodes, oldest first.
        public var children: [Int]
        /// 0 for a thread root, 1 for its children, ...
        public var depth: Int
        /// The number of messages in the subtree rooted here, this one included.
        public var messageCount: Int
    }

    /// All nodes, in display order; node ids are positions in this array.
    public private(set) var nodes: [Node]
    /// The root node of each thread, in display order.
    public private(set) var roots: [Int]
    private var nodeOfMessage: [Int: Int]

    /// The node that holds the message with ``ThreadInput/index`` `index`.
    public func node(forMessage index: Int) -> Int? {
        nodeOfMessage[index]
    }

    /// The root node of the thread that contains `node`.
    public func root(of node: Int) -> Int {
        var n = node
        while let p = nodes[n].parent { n = p }
        return n
    }

    /// The messages (``ThreadInput/index`` values) of the thread rooted at `root`, in display order.
    public func messages(inThread root: Int) -> [Int] {
        var end = root + 1
        while end < nodes.count, nodes[end].depth > nodes[root].depth { end += 1 }
        return nodes[root..<end].compactMap(\.message)
    }

    // MARK: - Building

    static func build(from table: ThreadContainers, messages: [ThreadInput], options: ThreadingOptions) -> ThreadForest {
        let count = table.count
        // Dates: the sort key of a container (its message's date, or its earliest child's), and the
        // oldest and newest dates of its subtree.
        var own = [Double](repeating: .infinity, count: count)
        var oldest = [Double](repeating: .infinity, count: count)
        var newest = [Double](repeating: -.infinity, count: count)
        var smallestIndex = [Int](repeating: .max, count: count)
        let order = table.descendantsFirst()
        for c in order {
            let i = Int(c)
            let m = table.message[i]
            if m >= 0 {
                let d = Threader.dateKey(messages[Int(m)].date)
                own[i] = d
                oldest[i] = min(oldest[i], d)
                newest[i] = max(newest[i], d)
                smallestIndex[i] = min(smallestIndex[i], Int(m))
            } else {
                own[i] = oldest[i]
            }
            let p = table.parent[i]
            if p >= 0 {
                oldest[Int(p)] = min(oldest[Int(p)], oldest[i])
                newest[Int(p)] = max(newest[Int(p)], newest[i])
                smallestIndex[Int(p)] = min(smallestIndex[Int(p)], smallestIndex[i])
            }
        }
        func childOrder(_ a: Int32, _ b: Int32) -> Bool {
            let (x, y) = (Int(a), Int(b))
            if own[x] != own[y] { return own[x] < own[y] }
            return smallestIndex[x] < smallestIndex[y]
        }
        var rootContainers = order.filter { table.parent[Int($0)] < 0 }
        let key = options.threadDate == .newestMessage ? newest : oldest
        rootContainers.sort { a, b in
            let (x, y) = (Int(a), Int(b))
            if key[x] != key[y] { return options.newestFirst ? key[x] > key[y] : key[x] < key[y] }
            return smallestIndex[x] < smallestIndex[y]
        }

        var forest = ThreadForest(nodes: [], roots: [], nodeOfMessage: [:])
        forest.nodes.reserveCapacity(count)
        forest.nodeOfMessage.reserveCapacity(messages.count)
        var stack: [(container: Int32, parent: Int?, depth: Int)] = []
        for root in rootContainers {
            forest.roots.append(forest.nodes.count)
            stack.append((root, nil, 0))
            while let (c, parent, depth) = stack.popLast() {
                let id = forest.nodes.count
                let m = table.message[Int(c)]
                let message = m >= 0 ? messages[Int(m)].index : nil
                forest.nodes.append(Node(message: message, parent: parent, children: [], depth: depth, messageCount: 0))
                if let message, forest.nodeOfMessage[message] == nil { forest.nodeOfMessage[message] = id }
                if let parent { forest.nodes[parent].children.append(id) }
                let first = table.firstChild[Int(c)]
                if first >= 0, table.next[Int(first)] < 0 {
                    stack.append((first, id, depth + 1))
                } else if first >= 0 {
                    let children = table.children(of: c).sorted(by: childOrder)
                    for child in children.reversed() { stack.append((child, id, depth + 1)) }
                }
            }
        }
        // Message counts, children before parents (they come after them in display order).
        for id in forest.nodes.indices.reversed() {
            forest.nodes[id].messageCount += forest.nodes[id].message == nil ? 0 : 1
            if let p = forest.nodes[id].parent { forest.nodes[p].messageCount += forest.nodes[id].messageCount }
        }
        return forest
    }
}
