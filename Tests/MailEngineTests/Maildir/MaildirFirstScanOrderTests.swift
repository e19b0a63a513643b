import Foundation
import MailCore
@testable import MailStore
import Testing
@testable import MailEngine

/// A first scan reads the newest files first, in a small first batch, so that the mail a list
/// shows first is in the cache before the rest of a big folder is read.
@Suite struct MaildirFirstScanOrderTests {
    /// Collects what the cache held at each progress call.
    final class Snapshots: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [(done: Int, subjects: [String])] = []
        func append(_ done: Int, _ subjects: [String]) { lock.lock(); items.append((done, subjects)); lock.unlock() }
        var all: [(done: Int, subjects: [String])] { lock.lock(); defer { lock.unlock() }; return items }
    }

    @Test func theNewestFilesAreReadFirst() throws {
        let tree = try TestMaildir()
        defer { tree.remove() }
        let maildir = try tree.store.maildir(for: .inbox)
        // Delivered over 25 seconds, written in a shuffled order (the directory order is not the time order).
        let base = 1_790_000_000
        for i in (0..<25).shuffled() {
            let name = "\(base + i).M\(i)P1.test"
            let bytes = TestMaildir.bytes("Message \(i)", date: "Mon, 2 Mar 2026 10:00:\(String(format: "%02d", i)) +0000")
            try Data(bytes).write(to: maildir.directory.appendingPathComponent("new/\(name)"))
        }
        // One file without a time at the start of its name sorts last.
        try Data(TestMaildir.bytes("No time", date: "Mon, 2 Jan 2006 10:00:00 +0000"))
            .write(to: maildir.directory.appendingPathComponent("new/odd-name"))
        let cache = try HeaderCache(inMemoryFor: "t")
        var sync = MaildirSynchronizer(cache: cache)
        sync.batchSize = 10
        sync.firstBatchSize = 3
        let snapshots = Snapshots()
        let result = try sync.sync(maildir, as: .inbox) { done, total in
            #expect(total == 26)
            let rows = (try? cache.summaries(in: .inbox, range: 0..<100)) ?? []
            snapshots.append(done, rows.compactMap(\.envelope.subject))
        }
        #expect(result.added.count == 26)
        let steps = snapshots.all
        #expect(steps.map(\.done) == [3, 13, 23, 26])
        #expect(steps.first?.subjects == ["Message 24", "Message 23", "Message 22"])
        #expect(steps.dropFirst().first?.subjects.count == 13)
        #expect(steps.dropFirst().first?.subjects.contains("Message 12") == true)
        #expect(steps.dropFirst().first?.subjects.contains("Message 11") == false)
        #expect(steps.last?.subjects.last == "No time")
        // The uids still follow arrival: the oldest file has the smallest.
        let byUID = try cache.summaries(in: .inbox, sort: CacheSort(.uid, descending: false), range: 0..<100)
        #expect(byUID.compactMap(\.envelope.subject) == ["No time"] + (0..<25).map { "Message \($0)" })
        #expect(result.added == byUID.map(\.uid))
        // The next message delivered gets the next uid.
        try Data(TestMaildir.bytes("Later")).write(to: maildir.directory.appendingPathComponent("new/\(base + 100).M1P1.test"))
        let next = try sync.sync(maildir, as: .inbox, force: true)
        #expect(next.added.map(\.value) == [(byUID.last?.uid.value ?? 0) + 1])
    }

    @Test(arguments: [("1790000000.M1P2.host", 1_790_000_000), ("1790000000", 1_790_000_000), ("odd", 0), ("", 0),
                      ("12x3", 12), ("99999999999999999999999.x", 999_999_999_999_999_999)])
    func deliveryTime(name: String, expected: Int) {
        #expect(MaildirSynchronizer.deliveryTime(of: name) == expected)
    }
}
