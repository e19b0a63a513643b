import Foundation

/// How ``Threader`` groups and orders threads.
public struct ThreadingOptions: Sendable, Equatable {
    /// Which message's date places a thread in the list.
    public enum ThreadDate: Sendable, Equatable {
        /// The newest message of the thread: threads with recent replies come first (or last).
        case newestMessage
        /// The oldest message of the thread, usually the one that started it.
        case oldestMessage
    }

    /// Which date orders the threads; `.newestMessage` by default.
    public var threadDate: ThreadDate
    /// Newest threads first (true, the default) or oldest first.
    public var newestFirst: Bool
    /// Attach replies that carry no References or In-Reply-To to the thread with the same base
    /// subject (true by default).
    public var groupBySubject: Bool

    /// Options; the defaults are what a message list shows.
    public init(threadDate: ThreadDate = .newestMessage, newestFirst: Bool = true, groupBySubject: Bool = true) {
        self.threadDate = threadDate
        self.newestFirst = newestFirst
        self.groupBySubject = groupBySubject
    }
}

/// Message threading by the JWZ algorithm (https://www.jwz.org/doc/threading.html).
///
/// - Parents come from References and In-Reply-To (In-Reply-To is appended to References when it
///   is not already last, so it names the direct parent). Messages referenced but not present get
///   empty containers; these are pruned, except at the top of a thread whose several messages
///   answer the same missing message, where they stay as a missing-parent node.
/// - Links that would make a loop are not made; a message id seen twice gives the second message a
///   container of its own; messages without a Message-ID are threaded by their references alone.
/// - Subject fallback, as modern clients do it: only a message with no References and no
///   In-Reply-To whose subject has a reply or forward marker (`Re:`, `Fwd:`, `AW:`, `SV:`, ...,
///   after `[list]` tags) joins the thread whose base subject (``ThreadSubject/base(_:)``) is the
///   same: the one that started last before it, else the earliest. Such replies with no thread
///   to join are grouped under a missing-parent node. Messages that start a subject are never
///   merged on subject alone.
/// - Children are ordered by date (then by input order); threads by ``ThreadingOptions``.
///
/// Time is O(n log n) in the number of messages plus the total length of their References; no
/// recursion, so a reply chain of any depth is safe.
public enum Threader {
    /// Threads `messages`.
    ///
    /// - Parameters:
    ///   - messages: the messages, in any order (the result does not depend on arrival order,
    ///     except between messages that claim the same Message-ID).
    ///   - options: ordering and subject fallback.
    /// - Returns: the threads, in display order.
    public static func thread(_ messages: [ThreadInput], options: ThreadingOptions = ThreadingOptions()) -> ThreadForest {
        var table = ThreadContainers(capacity: messages.count)
        var hasReferenceInfo = [Bool](repeating: false, count: messages.count)

        // 1. Containers for every message and every id it refers to, linked by References.
        for position in messages.indices {
            let id = ThreadInput.normalizedID(messages[position].messageID)
            var c: Int32
            if let id {
                c = table.container(for: id)
                if table.message[Int(c)] >= 0 { c = table.make() } // duplicate Message-ID
            } else {
                c = table.make()
            }
            table.message[Int(c)] = Int32(position)

            var references = messages[position].references.compactMap(ThreadInput.normalizedID)
            if let inReplyTo = ThreadInput.normalizedID(messages[position].inReplyTo), references.last != inReplyTo {
                references.append(inReplyTo)
            }
            if let id { references.removeAll { $0 == id } }
            hasReferenceInfo[position] = !references.isEmpty

            var previous: Int32 = -1
            for reference in references {
                let r = table.container(for: reference)
                if previous >= 0, r != previous, table.parent[Int(r)] < 0, !table.isAncestor(r, of: previous) {
                    table.append(r, to: previous)
                }
                previous = r
            }
            if previous < 0 {
                table.unlink(c)
            } else if table.parent[Int(c)] != previous, !table.isAncestor(c, of: previous) {
                table.unlink(c)
                table.append(c, to: previous)
            }
        }

        // 4. Prune empty containers.
        for c in table.descendantsFirst() where table.message[Int(c)] < 0 {
            let children = table.children(of: c)
            let parent = table.parent[Int(c)]
            if parent >= 0 {
                for child in children {
                    table.unlink(child)
                    table.append(child, to: parent)
                }
                table.unlink(c)
                table.deleted[Int(c)] = true
            } else if children.count <= 1 {
                if let only = children.first { table.unlink(only) }
                table.deleted[Int(c)] = true
            }
        }

        // 5. Subject fallback for replies that carry no reference information.
        if options.groupBySubject {
            groupBySubject(&table, messages: messages, hasReferenceInfo: hasReferenceInfo)
        }

        // 6. Order and emit.
        return ThreadForest.build(from: table, messages: messages, options: options)
    }

    /// A date as a sort key: missing (or not-a-number) dates sort before all others.
    static func dateKey(_ date: Date?) -> Double {
        guard let t = date?.timeIntervalSinceReferenceDate, !t.isNaN else { return -Double.infinity }
        return t
    }

    private static func groupBySubject(_ table: inout ThreadContainers, messages: [ThreadInput], hasReferenceInfo: [Bool]) {
        var candidates: [(container: Int32, base: String)] = []
        var roots: [Int32] = []
        for c in 0..<Int32(table.count) where table.parent[Int(c)] < 0 && !table.deleted[Int(c)] {
            let m = table.message[Int(c)]
            if m >= 0, !hasReferenceInfo[Int(m)] {
                let (base, hadMarker) = ThreadSubject.strip(messages[Int(m)].subject)
                if hadMarker, !base.isEmpty {
                    candidates.append((c, base))
                    continue
                }
            }
            roots.append(c)
        }
        guard !candidates.isEmpty else { return }
        let wanted = Set(candidates.map(\.base))

        // Threads a candidate may join, by base subject, with the date of their first message.
        var targets: [String: [(container: Int32, date: Double)]] = [:]
        for c in roots {
            var m = table.message[Int(c)]
            if m < 0, table.firstChild[Int(c)] >= 0 { m = table.message[Int(table.firstChild[Int(c)])] }
            guard m >= 0 else { continue }
            let base = ThreadSubject.strip(messages[Int(m)].subject).base
            guard wanted.contains(base) else { continue }
            targets[base, default: []].append((c, dateKey(messages[Int(m)].date)))
        }

        for base in targets.keys {
            targets[base]?.sort { ($0.date, $0.container) < ($1.date, $1.container) }
        }
        var orphans: [String: [Int32]] = [:]
        for (c, base) in candidates {
            guard let options = targets[base], let earliest = options.first else {
                orphans[base, default: []].append(c)
                continue
            }
            // The thread that started last at or before this message, else the earliest one.
            let date = dateKey(messages[Int(table.message[Int(c)])].date)
            var low = 0
            var high = options.count
            while low < high {
                let mid = (low + high) / 2
                if options[mid].date <= date { low = mid + 1 } else { high = mid }
            }
            table.append(c, to: low > 0 ? options[low - 1].container : earliest.container)
        }
        for (_, group) in orphans where group.count > 1 {
            let dummy = table.make()
            for c in group { table.append(c, to: dummy) }
        }
    }
}
