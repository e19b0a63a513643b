import Foundation
import MailStore
import POP3
import TernTestSupport
import Testing
import Transport
@testable import MailEngine

@Suite struct POP3DownloaderTests {
    @Test(arguments: [1, 16])
    func downloadsEveryMessageThenDeletesThem(depth: Int) async throws {
        let fixture = try await POP3DownloadFixture.make(count: 7)
        defer { Task { await fixture.remove() } }
        let progress = ProgressLog()
        let report = try await fixture.downloader(depth: depth).run { progress.append($0) }
        #expect(report.listed == 7)
        #expect(report.downloaded == 7)
        #expect(report.deletedFromServer == 7)
        #expect(report.leftOnServer == 0)
        #expect(report.warnings.isEmpty)
        #expect(report.newMessages.count == 7)
        try fixture.expectExactlyOnce(Array(fixture.originals.keys))
        #expect(fixture.server.maildrop.isEmpty)
        #expect(report.downloadedBytes == fixture.originals.values.reduce(0) { $0 + POP3DownloadFixture.lf($1.bytes).count })

        // Progress: once before the first message, then after each, ending at the total.
        let steps = progress.items
        #expect(steps.first == POP3DownloadProgress(messages: 0, totalMessages: 7, bytes: 0,
                                                    totalBytes: fixture.originals.values.reduce(0) { $0 + $1.bytes.count }))
        #expect(steps.map(\.messages) == Array(0...7))
        #expect(steps.last?.bytes == steps.last?.totalBytes)

        // Every DELE came after every RETR (each batch recorded before its deletions).
        let commands = fixture.server.commands
        let lastRetr = try #require(commands.lastIndex { $0.hasPrefix("RETR") })
        let firstDele = try #require(commands.firstIndex { $0.hasPrefix("DELE") })
        #expect(lastRetr < firstDele)
        #expect(commands.last == "QUIT")
        if depth > 1 { #expect(fixture.server.mostCommandsInOneRead > 1) }
    }

    @Test func recordsWhatItDownloadedInTheStateDatabase() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 3)
        defer { Task { await fixture.remove() } }
        let report = try await fixture.sync(keepOnServer: true)
        let records = try POP3StateStore(path: fixture.statePath).records()
        #expect(Set(records.keys) == Set(fixture.originals.keys))
        for (id, record) in records {
            #expect(record.status == .downloaded)
            #expect(record.deletedOnServer == false)
            #expect(record.serverSize == fixture.originals[id]?.bytes.count)
            #expect(record.size == fixture.originals[id].map { POP3DownloadFixture.lf($0.bytes).count })
            #expect(report.newMessages.contains(record.maildirUnique))
        }
    }

    @Test func keepOnServerDownloadsOnceAndLeavesTheMessages() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 4)
        defer { Task { await fixture.remove() } }
        let first = try await fixture.sync(keepOnServer: true)
        #expect(first.downloaded == 4)
        #expect(first.deletedFromServer == 0)
        #expect(first.leftOnServer == 4)
        #expect(fixture.server.maildrop.count == 4)
        #expect(!fixture.server.commands.contains { $0.hasPrefix("DELE") })

        fixture.server.deliver([POP3DownloadFixture.sampleMessage(9)])
        let second = try await fixture.sync(keepOnServer: true)
        #expect(second.downloaded == 1)
        #expect(second.alreadyDownloaded == 4)
        let contents = try fixture.maildirContents()
        #expect(contents.count == 5)
        #expect(contents.contains(POP3DownloadFixture.lf(POP3DownloadFixture.sampleMessage(9).bytes)))
    }

    @Test func keepDaysDeletesFromTheServerOnceTheyHavePassed() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 3)
        defer { Task { await fixture.remove() } }
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        try await fixture.sync(keepOnServer: true, keepDays: 7, now: start)
        let sixDays = try await fixture.sync(keepOnServer: true, keepDays: 7, now: start.addingTimeInterval(6 * 86_400))
        #expect(sixDays.deletedFromServer == 0)
        #expect(fixture.server.maildrop.count == 3)
        let eightDays = try await fixture.sync(keepOnServer: true, keepDays: 7, now: start.addingTimeInterval(8 * 86_400))
        #expect(eightDays.downloaded == 0)
        #expect(eightDays.deletedFromServer == 3)
        #expect(fixture.server.maildrop.isEmpty)
        #expect(try fixture.maildirContents().count == 3)
        // The records of deleted messages are dropped once the server no longer lists them.
        #expect(try POP3StateStore(path: fixture.statePath).records().values.allSatisfy(\.deletedOnServer))
        try await fixture.sync(keepOnServer: true, keepDays: 7, now: start.addingTimeInterval(9 * 86_400))
        #expect(try POP3StateStore(path: fixture.statePath).records().isEmpty)
    }

    @Test func turningKeepOnServerOffDeletesWhatWasDownloadedBefore() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 3)
        defer { Task { await fixture.remove() } }
        try await fixture.sync(keepOnServer: true)
        let report = try await fixture.sync(keepOnServer: false)
        #expect(report.downloaded == 0)
        #expect(report.deletedFromServer == 3)
        #expect(fixture.server.maildrop.isEmpty)
        try fixture.expectExactlyOnce(Array(fixture.originals.keys))
    }

    @Test func aServerWithoutUIDLDownloadsAllThenDeletesWithAWarning() async throws {
        var behavior = FakePOP3Server.Behavior()
        behavior.supportsUIDL = false
        let fixture = try await POP3DownloadFixture.make(count: 4, behavior: behavior)
        defer { Task { await fixture.remove() } }
        let report = try await fixture.sync()
        #expect(report.downloaded == 4)
        #expect(report.deletedFromServer == 4)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.contains("does not support UIDL") == true)
        try fixture.expectExactlyOnce(Array(fixture.originals.keys))
        #expect(try POP3StateStore(path: fixture.statePath).records().isEmpty)
    }

    @Test func withoutUIDLKeepingMailOnTheServerIsRefused() async throws {
        var behavior = FakePOP3Server.Behavior()
        behavior.supportsUIDL = false
        let fixture = try await POP3DownloadFixture.make(count: 2, behavior: behavior)
        defer { Task { await fixture.remove() } }
        let error = await #expect(throws: POP3DownloadError.self) { try await fixture.sync(keepOnServer: true) }
        #expect(error?.kind == .keepingNeedsUIDL)
        #expect(error?.description.contains("keep_on_server = false") == true)
        #expect(try fixture.maildirContents().isEmpty)
        #expect(fixture.server.maildrop.count == 2)
        #expect(!fixture.server.commands.contains { $0.hasPrefix("RETR") })
    }

    @Test func withoutPipeliningCommandsGoOneAtATime() async throws {
        var behavior = FakePOP3Server.Behavior()
        behavior.supportsPipelining = false
        let fixture = try await POP3DownloadFixture.make(count: 5, behavior: behavior)
        defer { Task { await fixture.remove() } }
        try await fixture.sync(depth: 16)
        #expect(fixture.server.mostCommandsInOneRead == 1)
        try fixture.expectExactlyOnce(Array(fixture.originals.keys))
    }

    @Test func aMessageTheServerRefusesStaysThereAndTheOthersComeDown() async throws {
        let refused = POP3DownloadFixture.sampleMessage(2).uniqueID
        var behavior = FakePOP3Server.Behavior()
        behavior.refusedIDs = [refused]
        let fixture = try await POP3DownloadFixture.make(count: 4, behavior: behavior)
        defer { Task { await fixture.remove() } }
        let report = try await fixture.sync()
        #expect(report.downloaded == 3)
        #expect(report.failed == 1)
        #expect(report.warnings.contains { $0.contains("refused to send message 2") })
        #expect(fixture.server.maildrop.map(\.uniqueID) == [refused])
        #expect(try POP3StateStore(path: fixture.statePath).record(for: refused) == nil)

        fixture.server.setBehavior { $0.refusedIDs = [] }
        let again = try await fixture.sync()
        #expect(again.downloaded == 1)
        try fixture.expectExactlyOnce(Array(fixture.originals.keys))
    }

    @Test func repeatedUIDLsAreDownloadedOnceAndNeverDeleted() async throws {
        let one = POP3DownloadFixture.sampleMessage(1)
        var twin = POP3DownloadFixture.sampleMessage(2)
        twin.uniqueID = one.uniqueID
        let three = POP3DownloadFixture.sampleMessage(3)
        let fixture = try await POP3DownloadFixture.make(messages: [one, twin, three])
        defer { Task { await fixture.remove() } }
        let report = try await fixture.sync()
        #expect(report.downloaded == 2)
        #expect(report.deletedFromServer == 1)
        #expect(report.warnings.contains { $0.contains("same UIDL") })
        #expect(fixture.server.maildrop.count == 2)
    }

    @Test func aFailingQuitLeavesTheMessagesRecordedForTheNextSync() async throws {
        var behavior = FakePOP3Server.Behavior()
        behavior.failQuit = true
        let fixture = try await POP3DownloadFixture.make(count: 3, behavior: behavior)
        defer { Task { await fixture.remove() } }
        let report = try await fixture.sync()
        #expect(report.downloaded == 3)
        #expect(report.deletedFromServer == 0)
        #expect(report.warnings.contains { $0.contains("could not delete") })
        #expect(fixture.server.maildrop.count == 3)
        fixture.server.setBehavior { $0.failQuit = false }
        let again = try await fixture.sync()
        #expect(again.downloaded == 0)
        #expect(again.deletedFromServer == 3)
        try fixture.expectExactlyOnce(Array(fixture.originals.keys))
    }

    @Test func anEmptyMaildropIsANoOp() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 0)
        defer { Task { await fixture.remove() } }
        let report = try await fixture.sync()
        #expect(report.listed == 0 && report.downloaded == 0 && report.deletedFromServer == 0)
        #expect(report.warnings.isEmpty)
        #expect(fixture.maildir.exists)
    }
}

/// Collects progress reports.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [POP3DownloadProgress] = []

    func append(_ item: POP3DownloadProgress) {
        lock.withLock { stored.append(item) }
    }

    var items: [POP3DownloadProgress] { lock.withLock { stored } }
}

@Suite struct POP3DownloaderLockTests {
    @Test func aSecondDownloadOfTheSameAccountIsRefusedWhileOneRuns() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 2)
        defer { Task { await fixture.remove() } }
        try FileManager.default.createDirectory(at: fixture.root, withIntermediateDirectories: true)
        let held = try POP3DownloadLock(statePath: fixture.statePath)
        let error = await #expect(throws: POP3StateError.self) { try await fixture.sync() }
        #expect(error?.kind == .busy)
        #expect(fixture.server.connectionCount == 0)
        held.release()
        let report = try await fixture.sync()
        #expect(report.downloaded == 2)
    }
}
