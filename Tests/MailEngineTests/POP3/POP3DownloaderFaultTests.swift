import Foundation
import MailStore
import POP3
import TernTestSupport
import Testing
import Transport
@testable import MailEngine

/// A download that dies at any step, by a crash or an error, loses no message, and the next sync
/// completes with each message exactly once.
@Suite struct POP3DownloaderFaultTests {
    /// Where to fail: a step of the download (matched loosely for byte counts).
    struct Fault: Sendable, CustomStringConvertible {
        let name: String
        let matches: @Sendable (POP3DownloadStep) -> Bool
        var description: String { name }
    }

    static let faults: [Fault] = [
        Fault(name: "after login") { $0 == .connected },
        Fault(name: "pending recorded, nothing written") { $0 == .pendingRecorded(batch: 1) },
        Fault(name: "in the middle of a message") {
            if case .receivedBytes(let message, let total) = $0 { return message == 5 && total > 100 }
            return false
        },
        Fault(name: "message complete in tmp/, not flushed") { $0 == .messageWritten(message: 4) },
        Fault(name: "batch flushed to disk, nothing renamed") { $0 == .batchFlushed(batch: 1) },
        Fault(name: "message renamed into new/, folder not flushed") { $0 == .messageCommitted(message: 5) },
        Fault(name: "last message of a batch renamed, not recorded") { $0 == .messageCommitted(message: 6) },
        Fault(name: "batch recorded, nothing deleted") { $0 == .batchRecorded(batch: 1) },
        Fault(name: "every DELE sent, no QUIT") { $0 == .deletionsSent },
        Fault(name: "QUIT done, deletions not recorded") { $0 == .quitDone },
    ]

    @Test(arguments: faults, [true, false])
    func aCrashOrErrorAtAnyStepLosesNothingAndDuplicatesNothing(fault: Fault, crash: Bool) async throws {
        for keep in [false, true] {
            let fixture = try await POP3DownloadFixture.make(count: 8)
            defer { Task { await fixture.remove() } }
            let downloader = try fixture.downloader(keepOnServer: keep, batchSize: 3) { step in
                guard fault.matches(step) else { return }
                if crash { throw SimulatedCrash(step: step) }
                throw InjectedFailure()
            }
            await #expect(throws: (any Error).self, "\(fault) keep=\(keep)") { try await downloader.run() }

            // Whatever happened, nothing left the server that is not safe on disk.
            let onServer = Set(fixture.server.maildrop.map(\.uniqueID))
            let onDisk = Set(try fixture.maildirContents())
            for (id, message) in fixture.originals where !onServer.contains(id) {
                #expect(onDisk.contains(POP3DownloadFixture.lf(message.bytes)), "\(fault): \(id) lost")
            }

            let report = try await fixture.sync(keepOnServer: keep, batchSize: 3)
            try fixture.expectExactlyOnce(Array(fixture.originals.keys))
            #expect(fixture.server.maildrop.count == (keep ? 8 : 0), "\(fault) keep=\(keep)")
            #expect(report.warnings.isEmpty, "\(fault): \(report.warnings)")
            // A third sync finds nothing new.
            let third = try await fixture.sync(keepOnServer: keep, batchSize: 3)
            #expect(third.downloaded == 0)
            try fixture.expectExactlyOnce(Array(fixture.originals.keys))
        }
    }

    /// The connection dies (the server closes it) in the middle of a RETR.
    @Test(arguments: [1, 40, 700])
    func aConnectionCutInTheMiddleOfARetrIsResumedByTheNextSync(afterBytes: Int) async throws {
        let fixture = try await POP3DownloadFixture.make(count: 8)
        defer { Task { await fixture.remove() } }
        let victim = POP3DownloadFixture.sampleMessage(5).uniqueID
        fixture.server.setBehavior { $0.cutRetr = (victim, afterBytes) }
        let error = await #expect(throws: (any Error).self) { try await fixture.sync(batchSize: 3) }
        #expect(error is TransportError || error is POP3ProtocolError, "\(String(describing: error))")
        #expect(fixture.server.maildrop.count == 8, "nothing deleted without QUIT")
        // Messages 1-4 were safe and recorded before the cut; the next sync does not fetch them again.
        #expect(try fixture.maildirContents().count == 4)
        #expect(fixture.temporaryFiles().isEmpty)

        let before = fixture.server.commands.count
        let report = try await fixture.sync(batchSize: 3)
        #expect(report.downloaded == 4)
        #expect(report.deletedFromServer == 8)
        let retrs = fixture.server.commands[before...].filter { $0.hasPrefix("RETR") }
        #expect(retrs == ["RETR 5", "RETR 6", "RETR 7", "RETR 8"])
        try fixture.expectExactlyOnce(Array(fixture.originals.keys))
    }

    /// A pending record whose file a mail reader already moved to cur/ (with flags) counts as
    /// downloaded; one with only a partial tmp/ file is downloaded again, the tmp/ file removed.
    @Test func recoveryFindsFilesInCurAndRemovesPartialTmpFiles() async throws {
        let fixture = try await POP3DownloadFixture.make(count: 2)
        defer { Task { await fixture.remove() } }
        let ids = fixture.originals.keys.sorted()
        try Maildir.create(at: fixture.maildir.directory)
        let state = try POP3StateStore(path: fixture.statePath)
        let done = try #require(fixture.originals[ids[0]])
        let delivered = try fixture.maildir.deliver(POP3DownloadFixture.lf(done.bytes), flags: [.seen])
        let partial = "1700000000.M1P1Q1.partial"
        try Data("From: half".utf8).write(to: fixture.maildir.directory.appendingPathComponent("tmp/\(partial)"))
        try state.recordPending([
            POP3PendingDownload(uniqueID: ids[0], maildirUnique: delivered.name.unique, serverSize: done.bytes.count),
            POP3PendingDownload(uniqueID: ids[1], maildirUnique: partial, serverSize: nil),
        ])

        let report = try await fixture.sync(keepOnServer: true)
        #expect(report.recovered == 1)
        #expect(report.downloaded == 1)
        #expect(report.alreadyDownloaded == 1)
        try fixture.expectExactlyOnce(ids)
    }
}

/// An ordinary error thrown by a fault hook.
struct InjectedFailure: Error {}
