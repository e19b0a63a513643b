import Foundation
import IMAP
import MailCore
import MailStore
import Testing
@testable import MailEngine

/// The writer of a sync's fetched rows, and the chunks its connections share.
@Suite struct SyncWriterTests {
    /// The sizes of the writes a writer made.
    final class Writes: @unchecked Sendable {
        private let lock = NSLock()
        private var sizes: [Int] = []
        private var uids: [UInt32] = []

        func record(_ rows: [CachedMessage]) {
            lock.withLock {
                sizes.append(rows.count)
                uids += rows.map(\.uid.value)
            }
        }

        var all: (sizes: [Int], uids: [UInt32]) { lock.withLock { (sizes, uids) } }
    }

    static func rows(_ range: ClosedRange<UInt32>) -> [CachedMessage] {
        range.map { CachedMessage(uid: UID($0), envelope: Envelope(), flags: [], size: 1, receivedDate: nil, hasAttachments: false) }
    }

    @Test func smallGroupsAreGatheredIntoLargeWritesAndADrainWritesTheRest() async throws {
        let writes = Writes()
        let writer = GroupWriter(minimumRows: 100) { writes.record($0) }
        // 250 groups of 3 rows, the way a connection hands over what it parsed before each read.
        for start in stride(from: UInt32(1), through: 750, by: 3) {
            try await writer.submit(Self.rows(start ... start + 2))
        }
        try await writer.drain()
        let (sizes, uids) = writes.all
        #expect(Set(uids) == Set(1 ... 750) && uids.count == 750, "every row once")
        #expect(sizes.dropLast().allSatisfy { $0 >= 100 }, "writes wait for 100 rows: \(sizes)")
        #expect(sizes.count <= 8)
    }

    @Test func aDrainWritesAtOnceWhatIsPending() async throws {
        let writes = Writes()
        let writer = GroupWriter(minimumRows: 10_000) { writes.record($0) }
        try await writer.submit(Self.rows(1 ... 5))
        #expect(writes.all.sizes.isEmpty, "too few rows to write yet")
        try await writer.drain()
        #expect(writes.all.sizes == [5])
        try await writer.submit(Self.rows(6 ... 6))
        try await writer.drain()
        #expect(writes.all.sizes == [5, 1])
    }

    /// Many connections submitting at once while writes are slow: nobody waits forever, and
    /// no more than twice the minimum is ever queued.
    @Test func concurrentSubmittersAreHeldBackAndAllFinish() async throws {
        let writes = Writes()
        let writer = GroupWriter<CachedMessage>(minimumRows: 50) { rows in
            Thread.sleep(forTimeInterval: 0.002)
            writes.record(rows)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in UInt32(0) ..< 4 {
                group.addTask {
                    for index in UInt32(0) ..< 100 {
                        let uid = task * 1000 + index * 2 + 1
                        try await writer.submit(Self.rows(uid ... uid + 1))
                    }
                }
            }
            try await group.waitForAll()
        }
        try await writer.drain()
        let (sizes, uids) = writes.all
        #expect(uids.count == 800 && Set(uids).count == 800)
        #expect(sizes.allSatisfy { $0 <= 100 + 2 * 4 }, "\(sizes)")
    }

    @Test func theFirstFailureIsRethrownAndLaterWritesAreSkipped() async throws {
        struct Broken: Error {}
        let writes = Writes()
        let writer = GroupWriter<CachedMessage>(minimumRows: 1) { rows in
            if rows.contains(where: { $0.uid.value == 2 }) { throw Broken() }
            writes.record(rows)
        }
        try await writer.submit(Self.rows(1 ... 1))
        try await writer.drain()
        try await writer.submit(Self.rows(2 ... 2))
        await #expect(throws: Broken.self) { try await writer.drain() }
        await #expect(throws: Broken.self) { try await writer.submit(Self.rows(3 ... 3)) }
        #expect(writes.all.uids == [1])
    }

    @Test(arguments: [
        ([UInt32(1) ... 10], 4, ["7:10", "3:6", "1:2"]),
        ([UInt32(1) ... 3, 10 ... 12, 20 ... 20], 3, ["11:12,20", "2:3,10", "1"]),
        ([UInt32(5) ... 5], 10, ["5"]),
    ])
    func chunksAreCutNewestFirst(ranges: [ClosedRange<UInt32>], size: Int, expected: [String]) {
        #expect(IMAPBackend.chunks(SequenceSet(ranges: ranges), size: size).map(\.description) == expected)
    }

    @Test func aChunkGivenBackIsTakenAgain() {
        let queue = ChunkQueue([SequenceSet(5 ... 6), SequenceSet(1 ... 4)])
        let first = queue.next()
        #expect(first == SequenceSet(5 ... 6))
        queue.giveBack(SequenceSet(5 ... 6))
        #expect(queue.next() == SequenceSet(5 ... 6))
        #expect(queue.next() == SequenceSet(1 ... 4))
        #expect(queue.next() == nil && queue.isEmpty)
    }

    @Test func theDecisionSetsWhatTheChunksAreFetchedWith() {
        let queue = ChunkQueue([SequenceSet(ranges: [3001 ... 6000]), SequenceSet(ranges: [1 ... 3000])], items: [.uid],
                               decided: false)
        #expect(!queue.isDecided)
        #expect(queue.items == [.uid])
        queue.decide([.uid, .flags])
        #expect(queue.isDecided)
        #expect(queue.items == [.uid, .flags])
        #expect(queue.next() == SequenceSet(ranges: [3001 ... 6000]))
        #expect(queue.next() == SequenceSet(ranges: [1 ... 3000]))
        #expect(queue.next() == nil)
    }

    /// The helpers waiting for the decision go on as soon as it is made (they are woken, not
    /// polling), and a wait after it returns at once.
    @Test func theDecisionWakesEveryWaiter() async {
        let queue = ChunkQueue([SequenceSet(ranges: [1 ... 3000])], items: [.uid], decided: false)
        let waiters = (0 ..< 3).map { _ in Task { await queue.waitForDecision() } }
        try? await Task.sleep(for: .milliseconds(20))
        queue.decide([.uid, .flags])
        for waiter in waiters { #expect(await waiter.value) }
        #expect(await queue.waitForDecision())
        #expect(queue.items == [.uid, .flags])
    }

    /// A helper waiting for the decision ends when its task is cancelled (the sync failed while
    /// timing): it once slept in a loop whose sleep threw at once, spinning forever.
    @Test func waitingForTheDecisionEndsWhenCancelled() async {
        let queue = ChunkQueue([SequenceSet(ranges: [1 ... 3000])], items: [.uid], decided: false)
        let waiter = Task { await queue.waitForDecision() }
        try? await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        let ended = await withTaskGroup(of: Bool?.self) { group in
            group.addTask { await waiter.value }
            group.addTask {
                try? await Task.sleep(for: .seconds(5))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(ended == false, "the wait did not end, or ended as decided")
        queue.decide([.uid])
        #expect(await queue.waitForDecision())
    }
}
