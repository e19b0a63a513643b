import Foundation
import GRDB
import MailCore
import Testing
@testable import MailStore

@Suite struct HeaderCachePagingTests {
    /// Ten messages: dates, subjects, senders and sizes in different orders.
    private func tenMessages() throws -> HeaderCache {
        let cache = try HeaderCache(inMemoryFor: "t")
        let senders = ["zed", "amy", "Bob", "carl", "dora", "eve", "fred", "gina", "hal", "ivy"]
        try cache.write { w in
            let box = try w.ensureMailbox(.inbox).mailbox
            for i in 0 ..< 10 {
                let m = CacheFixtures.message(subject: "Re: topic \(9 - i)", from: "\(senders[i]) <\(senders[i])@x.org>",
                                              date: CacheFixtures.day(Double((i * 7) % 10)), flags: i % 3 == 0 ? [.seen] : [],
                                              size: 100 * ((i * 3) % 10 + 1), file: "new/m\(i)")
                try w.insertNew(m, in: box)
            }
        }
        return cache
    }

    @Test func newestFirstPagesFollowEachOther() throws {
        let cache = try tenMessages()
        let all = try cache.summaries(in: .inbox, sort: .newestFirst, range: 0 ..< 100)
        #expect(all.count == 10)
        let dates = all.map { $0.envelope.date! }
        #expect(dates == dates.sorted(by: >))
        let first = try cache.summaries(in: .inbox, sort: .newestFirst, range: 0 ..< 4)
        let second = try cache.summaries(in: .inbox, sort: .newestFirst, range: 4 ..< 8)
        let last = try cache.summaries(in: .inbox, sort: .newestFirst, range: 8 ..< 12)
        #expect((first + second + last).map(\.uid) == all.map(\.uid))
        #expect(try cache.summaries(in: .inbox, range: 10 ..< 20).isEmpty)
        #expect(try cache.summaries(in: .inbox, range: 3 ..< 3).isEmpty)
    }

    @Test(arguments: CacheSort.Column.allCases)
    func everyOrderSortsAndReverses(column: CacheSort.Column) throws {
        let cache = try tenMessages()
        let up = try cache.summaries(in: .inbox, sort: CacheSort(column, descending: false), range: 0 ..< 10)
        let down = try cache.summaries(in: .inbox, sort: CacheSort(column, descending: true), range: 0 ..< 10)
        #expect(up.map(\.uid) == down.map(\.uid).reversed())
        func key(_ m: CachedMessage) -> String {
            switch column {
            case .date: String(format: "%012.0f", m.envelope.date!.timeIntervalSince1970)
            case .from: (m.envelope.from.first?.name ?? "").lowercased()
            case .subject: CacheCoding.sortSubject(m.envelope.subject)
            case .size: String(format: "%08d", m.size)
            case .uid: String(format: "%08d", m.uid.value)
            }
        }
        #expect(up.map(key) == up.map(key).sorted())
    }

    /// The sender, subject and size indexes are made by the first page read in that order (not
    /// kept from the start), and then serve it: no temporary sort of the folder.
    @Test(arguments: [CacheSort.Column.from, .subject, .size])
    func rarerOrdersGetTheirIndexOnFirstUse(column: CacheSort.Column) throws {
        let cache = try tenMessages()
        func indexes() throws -> Set<String> {
            try cache.queue.read { db in
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'message_by_%'"))
            }
        }
        #expect(try indexes() == ["message_by_date"])
        let sort = CacheSort(column, descending: false)
        let first = try cache.summaries(in: .inbox, sort: sort, range: 0 ..< 5)
        #expect(first.count == 5)
        #expect(try indexes() == ["message_by_date", "message_by_\(column.rawValue)"])
        let plan = try cache.queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT uid FROM message WHERE mailbox_id = 1 ORDER BY \(sort.sql) LIMIT 5")
        }
        let detail = plan.map { ($0["detail"] as String?) ?? "" }.joined(separator: "; ")
        #expect(detail.contains("message_by_\(column.rawValue)") && !detail.contains("TEMP B-TREE"), "\(detail)")
        // Kept up to date like the others: a message written after it is in its place.
        try cache.write { w in
            let box = try w.ensureMailbox(.inbox).mailbox
            try w.insertNew(CacheFixtures.message(subject: "aaa", from: "Aaron <a@x.org>", date: CacheFixtures.day(3),
                                                  size: 1, file: "new/late"), in: box)
        }
        let all = try cache.summaries(in: .inbox, sort: sort, range: 0 ..< 20)
        #expect(all.count == 11)
        #expect(all.first?.envelope.subject == "aaa")
    }

    /// Runs blocking work on a Dispatch thread.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Pages in the second half are read from the other end: every range of every order, ties
    /// included (equal dates and sizes), gives the slice of the whole list.
    @Test(arguments: CacheSort.Column.allCases, [false, true])
    func pagesFromEitherEndAreSlicesOfTheWholeList(column: CacheSort.Column, descending: Bool) throws {
        let cache = try HeaderCache(inMemoryFor: "t")
        try cache.write { w in
            let box = try w.ensureMailbox(.inbox).mailbox
            for i in 0 ..< 23 {
                let m = CacheFixtures.message(subject: "topic \(i % 4)", from: "s\(i % 5) <s\(i % 5)@x.org>",
                                              date: CacheFixtures.day(Double(i % 6)), size: 100 * (i % 3), file: "new/m\(i)")
                try w.insertNew(m, in: box)
            }
        }
        let sort = CacheSort(column, descending: descending)
        let all = try cache.summaries(in: .inbox, sort: sort, range: 0 ..< 100).map(\.uid)
        #expect(all.count == 23)
        for lower in 0 ... 24 {
            for size in [1, 5, 30] {
                let page = try cache.summaries(in: .inbox, sort: sort, range: lower ..< lower + size).map(\.uid)
                let expected = lower < all.count ? Array(all[lower ..< min(all.count, lower + size)]) : []
                #expect(page == expected, "range \(lower)..<\(lower + size)")
            }
        }
        // A filtered page is never read from the end (its count is not kept).
        let unread = try cache.summaries(in: .inbox, sort: sort, range: 15 ..< 20, filter: .not(.flag(.seen))).map(\.uid)
        #expect(unread == Array(all[15 ..< 20]))
    }

    @Test func subjectsSortWithoutReplyPrefixes() {
        #expect(CacheCoding.sortSubject("Re: Fwd: [list] AW: Hello") == "hello")
        #expect(CacheCoding.sortSubject(nil) == "")
        #expect(CacheCoding.sortSubject("Reports") == "reports")
    }

    @Test func countsAndUnread() throws {
        let cache = try tenMessages()
        #expect(try cache.counts(in: .inbox) == CacheCounts(total: 10, unread: 6))
        #expect(try cache.count(in: .inbox, filter: .not(.flag(.seen))) == 6)
        #expect(try cache.counts(in: MailboxPath(["Nope"])) == CacheCounts(total: 0, unread: 0))
    }

    @Test func aPageOfAHundredThousandIsQuick() async throws {
        let cache = try HeaderCache(inMemoryFor: "big")
        let n = 100_000
        // Rows are made by SQLite itself (a recursive CTE), so the debug build's Swift speed does not
        // matter: the point is the speed of the queries. The release benchmark (scripts/bench
        // maildir) measures filling the cache through CacheWriter.
        let box = try cache.write { try $0.ensureMailbox(.inbox).mailbox }
        // SQLite's work runs on a thread of its own, not on one of the test runner's few threads.
        let fill = try await Self.offPool {
            try ContinuousClock().measure {
                try cache.queue.write { db in
                    try db.execute(sql: """
                        WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ? - 1)
                        INSERT INTO message(mailbox_id, uid, flags, size, received, date, sort_date, subject, sort_subject,
                                            sort_from, addr_from, addr_to, maildir_unique, maildir_file)
                        SELECT ?, i + 1, CASE WHEN i % 4 = 0 THEN 0 ELSE 1 END, 2000 + i % 5000,
                               1767225600 + ((i * 7919) % ?) * 864, 1767225600 + ((i * 7919) % ?) * 864,
                               1767225600 + ((i * 7919) % ?) * 864,
                               'Message number ' || i, 'message number ' || i, 'sender ' || (i % 97),
                               'Sender ' || (i % 97) || char(31) || 's' || (i % 97) || '@example.org',
                               char(31) || 'me@example.org', 'u' || i, 'cur/u' || i || ':2,'
                        FROM seq
                        """, arguments: [n, box.id, n, n, n])
                    // What CacheWriter does at the end of a transaction (inserts have no trigger).
                    try db.execute(sql: """
                        UPDATE mailbox SET total = (SELECT count(*) FROM message WHERE mailbox_id = ?1),
                            unread = (SELECT count(*) FROM message WHERE mailbox_id = ?1 AND flags & 1 = 0) WHERE id = ?1
                        """, arguments: [box.id])
                    // The full-text index is filled by the first search (CacheWriter.indexPendingRows).
                }
            }
        }
        var page: [CachedMessage] = []
        let clock = ContinuousClock()
        let firstPage = clock.measure { page = (try? cache.summaries(in: .inbox, sort: .newestFirst, range: 0 ..< 50)) ?? [] }
        var total = 0
        let count = clock.measure { total = (try? cache.counts(in: .inbox).total) ?? 0 }
        let bySubject = clock.measure { _ = try? cache.summaries(in: .inbox, sort: CacheSort(.subject, descending: false), range: 0 ..< 50) }
        let deep = clock.measure { _ = try? cache.summaries(in: .inbox, sort: .newestFirst, range: 99_950 ..< 100_000) }
        let search = clock.measure { _ = try? cache.summaries(in: .inbox, range: 0 ..< 50, filter: .field(.from, "sender 42")) }
        print("header cache, \(n) messages: fill \(fill), first page \(firstPage), count \(count), first page by subject \(bySubject), last page \(deep), from: search page \(search)")
        #expect(page.count == 50)
        #expect(total == n)
        let dates = page.map { $0.envelope.date! }
        #expect(dates == dates.sorted(by: >))
        // Generous bounds for a debug build on a loaded machine; unloaded, each is a few milliseconds
        // (scripts/bench maildir prints the release figures).
        #expect(firstPage < .milliseconds(250))
        #expect(count < .milliseconds(250))
        #expect(bySubject < .milliseconds(250))
    }
}
