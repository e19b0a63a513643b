import Foundation
import GRDB
import MailStore
import Testing

@Suite struct POP3StateStoreTests {
    @Test func pendingThenDownloadedThenDeleted() throws {
        let state = try POP3StateStore.inMemory()
        try state.recordPending([
            POP3PendingDownload(uniqueID: "a", maildirUnique: "1.M1P1.host", serverSize: 120),
            POP3PendingDownload(uniqueID: "b", maildirUnique: "1.M2P1.host", serverSize: nil),
        ])
        #expect(try state.pendingRecords().map(\.uniqueID) == ["a", "b"])
        let when = Date(timeIntervalSince1970: 1_700_000_000)
        try state.markDownloaded([("a", 118)], at: when)
        #expect(try state.pendingRecords().map(\.uniqueID) == ["b"])
        #expect(try state.record(for: "a") == POP3StateRecord(
            uniqueID: "a", status: .downloaded, maildirUnique: "1.M1P1.host", size: 118, serverSize: 120,
            downloadedAt: when, deletedOnServer: false))
        try state.markDeletedOnServer(["a"])
        #expect(try state.record(for: "a")?.deletedOnServer == true)
        try state.forget(["b"])
        #expect(try state.records().keys.sorted() == ["a"])
    }

    @Test func aNewPendingRecordNeverOverwritesADownloadedOne() throws {
        let state = try POP3StateStore.inMemory()
        try state.recordPending([POP3PendingDownload(uniqueID: "a", maildirUnique: "first", serverSize: 1)])
        try state.recordPending([POP3PendingDownload(uniqueID: "a", maildirUnique: "second", serverSize: 2)])
        #expect(try state.record(for: "a")?.maildirUnique == "second")
        try state.markDownloaded([("a", 1)], at: Date())
        try state.recordPending([POP3PendingDownload(uniqueID: "a", maildirUnique: "third", serverSize: 3)])
        #expect(try state.record(for: "a")?.maildirUnique == "second")
        #expect(try state.record(for: "a")?.status == .downloaded)
    }

    @Test func uniqueIDsAreCaseSensitiveOpaqueText() throws {
        let state = try POP3StateStore.inMemory()
        let ids = ["abc", "ABC", "../../etc/passwd", "x'; DROP TABLE message; --"]
        try state.recordPending(ids.map { POP3PendingDownload(uniqueID: $0, maildirUnique: "u-\($0.count)", serverSize: nil) })
        try state.markDownloaded(ids.map { ($0, 1) }, at: Date())
        #expect(Set(try state.records().keys) == Set(ids))
    }

    @Test func pruneDropsDownloadedRecordsTheServerNoLongerListsButKeepsPendingOnes() throws {
        let state = try POP3StateStore.inMemory()
        try state.recordPending(["a", "b", "c", "p"].map {
            POP3PendingDownload(uniqueID: $0, maildirUnique: $0, serverSize: nil)
        })
        try state.markDownloaded([("a", 1), ("b", 1), ("c", 1)], at: Date())
        #expect(try state.prune(keeping: ["b"]) == 2)
        #expect(try state.records().keys.sorted() == ["b", "p"])
    }

    @Test func recordsSurviveReopeningTheFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url.appendingPathComponent(POP3StateStore.fileName).path
        do {
            let state = try POP3StateStore(path: path)
            try state.recordPending([POP3PendingDownload(uniqueID: "a", maildirUnique: "n", serverSize: 5)])
            try state.markDownloaded([("a", 4)], at: Date(timeIntervalSince1970: 10))
        }
        let reopened = try POP3StateStore(path: path)
        #expect(try reopened.record(for: "a")?.size == 4)
        #expect(try reopened.record(for: "a")?.downloadedAt == Date(timeIntervalSince1970: 10))
    }

    @Test func theDatabaseIsDurableWALWithFullSync() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url.appendingPathComponent(POP3StateStore.fileName).path
        _ = try POP3StateStore(path: path)
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") } == ["v1: messages"])
    }

    @Test func aDatabaseFromANewerTernIsRefusedAndLeftAlone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url.appendingPathComponent(POP3StateStore.fileName).path
        _ = try POP3StateStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: from the future')") }
        let error = #expect(throws: POP3StateError.self) { try POP3StateStore(path: path) }
        #expect(error?.kind == .newerSchema)
        #expect(error?.description.contains("newer version of tern") == true)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM grdb_migrations") } == 2)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url.appendingPathComponent(POP3StateStore.fileName).path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: POP3StateError.self) { try POP3StateStore(path: path) }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("move it away") == true)
    }

    @Test func aFolderThatCannotBeCreatedIsAClearError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // A file where the folder should be: creating the folder fails, even for root.
        let blocker = dir.url.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("Mail/\(POP3StateStore.fileName)").path
        let error = #expect(throws: POP3StateError.self) { try POP3StateStore(path: path) }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.description.hasPrefix("POP3 state database \(path): cannot create its folder") == true)
    }

    @Test func itsFolderIsCreatedWhenMissing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url.appendingPathComponent("a/b/\(POP3StateStore.fileName)").path
        _ = try POP3StateStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
