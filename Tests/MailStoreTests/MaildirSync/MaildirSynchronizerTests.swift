import Foundation
import MailCore
import Testing
@testable import MailStore

@Suite struct MaildirSynchronizerTests {
    /// Sets a directory's modification time (nanoseconds since 1970), as a change in the same
    /// clock tick as an earlier one, or a stat that happened before a rename, would leave it.
    static func setTime(_ path: String, _ nanoseconds: Int64) throws {
        var times = [timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000)),
                     timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// A Maildir with one message in new/, scanned into a cache with both directory times old
    /// enough to be trusted.
    static func scannedMaildir(_ dir: TemporaryDirectory) throws -> (Maildir, MaildirSynchronizer, MaildirMessage, Int64) {
        let maildir = try Maildir.create(at: dir.url.appendingPathComponent("Mail"))
        let message = try maildir.deliver(CacheFixtures.file(subject: "Moving"))
        let old = MaildirSynchronizer.now() - 10_000_000_000
        for sub in ["new", "cur"] { try setTime(maildir.directory.path + "/" + sub, old) }
        let sync = MaildirSynchronizer(cache: try HeaderCache(inMemoryFor: "t"))
        #expect(try sync.sync(maildir, as: .inbox).added.count == 1)
        #expect(try sync.sync(maildir, as: .inbox).unchanged, "both times were recorded")
        return (maildir, sync, message, old)
    }

    /// Another program marks the message read (new/ -> cur/) while a scan reads the directories:
    /// the scan saw cur/ with its old time (so it lists new/ only), then the file was gone from
    /// new/. It is the same message with a flag change, not a deletion and a new message.
    @Test func aMoveToCurDuringAScanOfNewIsAFlagChange() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (maildir, sync, message, old) = try Self.scannedMaildir(dir)
        let uid = try #require(sync.cache.uids(in: .inbox).first)
        try maildir.setFlags([.seen], of: message)
        try Self.setTime(maildir.directory.path + "/cur", old)
        let result = try sync.sync(maildir, as: .inbox)
        #expect(result.removed.isEmpty && result.added.isEmpty)
        #expect(result.flagsChanged == [uid: [.seen]])
        #expect(try sync.cache.message(uid, in: .inbox)?.maildirFile?.hasPrefix("cur/") == true)
    }

    /// A file delivered in the same clock tick as the scan before it leaves new/ with the time that
    /// scan saw; a time that recent is not trusted, so the next scan lists new/ again.
    @Test func aDeliveryInTheTickOfTheLastScanIsFound() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildir = try Maildir.create(at: dir.url.appendingPathComponent("Mail"))
        try maildir.deliver(CacheFixtures.file(subject: "First"))
        let sync = MaildirSynchronizer(cache: try HeaderCache(inMemoryFor: "t"))
        let seen = try maildir.directoryTimes()
        #expect(try sync.sync(maildir, as: .inbox).added.count == 1)
        try maildir.deliver(CacheFixtures.file(subject: "Same tick"))
        try Self.setTime(maildir.directory.path + "/new", seen.new)
        try Self.setTime(maildir.directory.path + "/cur", seen.cur)
        let second = try sync.sync(maildir, as: .inbox)
        #expect(second.added.count == 1)
    }

    /// A file removed from new/ by another program (deleted unread) is still removed when only
    /// new/ changed.
    @Test func aFileDeletedFromNewIsRemoved() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (maildir, sync, message, _) = try Self.scannedMaildir(dir)
        try maildir.remove(message)
        let result = try sync.sync(maildir, as: .inbox)
        #expect(result.removed.count == 1 && result.flagsChanged.isEmpty)
        #expect(try sync.cache.uids(in: .inbox).isEmpty)
    }

    /// New files get uids in arrival order: delivery time, then unique name as bytes; a message
    /// listed twice (mid-rename by another program: the same unique name in new/ and cur/) is
    /// added once.
    @Test func newFilesAreNumberedInArrivalOrderOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let maildir = try Maildir.create(at: dir.url.appendingPathComponent("Mail"))
        let files = ["cur/1700000002.A.host:2,S", "new/1700000001.B.host", "cur/1700000001.B.host:2,S",
                     "cur/1700000001.B.host2:2,", "new/1700000001.A.host", "cur/odd-name:2,"]
        for (i, file) in files.enumerated() {
            try Data(CacheFixtures.file(subject: "file \(i)")).write(to: maildir.directory.appendingPathComponent(file))
        }
        let sync = MaildirSynchronizer(cache: try HeaderCache(inMemoryFor: "t"))
        let result = try sync.sync(maildir, as: .inbox)
        #expect(result.added.count == 5)
        let byUID = try sync.cache.summaries(in: .inbox, sort: CacheSort(.uid, descending: false), range: 0 ..< 10)
        #expect(byUID.map(\.maildirFile) == ["cur/odd-name:2,", "new/1700000001.A.host", "new/1700000001.B.host",
                                              "cur/1700000001.B.host2:2,", "cur/1700000002.A.host:2,S"])
        #expect(byUID.map(\.uid.value) == [1, 2, 3, 4, 5])
    }
}
