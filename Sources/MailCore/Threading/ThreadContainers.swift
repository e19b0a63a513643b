/// The JWZ "containers" (https://www.jwz.org/doc/threading.html): one per message id seen, with or
/// without its message, linked into a forest by parent, children and siblings.
///
/// Stored as parallel arrays indexed by container number, with doubly linked child lists, so that
/// linking, unlinking and walking cost no allocation per container and no recursion.
struct ThreadContainers {
    var parent: [Int32] = []
    var firstChild: [Int32] = []
    var lastChild: [Int32] = []
    var next: [Int32] = []
    var previous: [Int32] = []
    /// Position of the message in the input array, or -1 for a container whose message is missing.
    var message: [Int32] = []
    var deleted: [Bool] = []
    var ids: [String: Int32] = [:]

    init(capacity: Int) {
        for array in [\ThreadContainers.parent, \.firstChild, \.lastChild, \.next, \.previous, \.message] {
            self[keyPath: array].reserveCapacity(capacity * 2)
        }
        ids.reserveCapacity(capacity * 2)
    }

    var count: Int { parent.count }

    /// A new, unlinked, empty container.
    mutating func make() -> Int32 {
        let c = Int32(parent.count)
        parent.append(-1)
        firstChild.append(-1)
        lastChild.append(-1)
        next.append(-1)
        previous.append(-1)
        message.append(-1)
        deleted.append(false)
        return c
    }

    /// The container for message id `id`, created empty the first time.
    mutating func container(for id: String) -> Int32 {
        if let c = ids[id] { return c }
        let c = make()
        ids[id] = c
        return c
    }

    /// True when `a` is `b` or one of its ancestors (so making `a` a child of `b` would loop).
    func isAncestor(_ a: Int32, of b: Int32) -> Bool {
        if a == b { return true }
        if firstChild[Int(a)] < 0 { return false } // a leaf is nobody's ancestor
        var x = parent[Int(b)]
        while x >= 0 {
            if x == a { return true }
            x = parent[Int(x)]
        }
        return false
    }

    /// Makes `child` (which must be unlinked) the last child of `newParent`.
    mutating func append(_ child: Int32, to newParent: Int32) {
        let c = Int(child)
        let p = Int(newParent)
        parent[c] = newParent
        previous[c] = lastChild[p]
        next[c] = -1
        if lastChild[p] >= 0 {
            next[Int(lastChild[p])] = child
        } else {
            firstChild[p] = child
        }
        lastChild[p] = child
    }

    /// Removes `child` from its parent's children, making it a root.
    mutating func unlink(_ child: Int32) {
        let c = Int(child)
        let p = parent[c]
        guard p >= 0 else { return }
        if previous[c] >= 0 { next[Int(previous[c])] = next[c] } else { firstChild[Int(p)] = next[c] }
        if next[c] >= 0 { previous[Int(next[c])] = previous[c] } else { lastChild[Int(p)] = previous[c] }
        parent[c] = -1
        next[c] = -1
        previous[c] = -1
    }

    /// The children of `c`, in their current order.
    func children(of c: Int32) -> [Int32] {
        var result: [Int32] = []
        var x = firstChild[Int(c)]
        while x >= 0 {
            result.append(x)
            x = next[Int(x)]
        }
        return result
    }

    /// Every live container, each after all of its descendants.
    func descendantsFirst() -> [Int32] {
        var preorder: [Int32] = []
        preorder.reserveCapacity(count)
        var stack: [Int32] = []
        for c in 0..<Int32(count) where parent[Int(c)] < 0 && !deleted[Int(c)] {
            stack.append(c)
            while let x = stack.popLast() {
                preorder.append(x)
                var child = firstChild[Int(x)]
                while child >= 0 {
                    stack.append(child)
                    child = next[Int(child)]
                }
            }
        }
        return preorder.reversed()
    }
}
