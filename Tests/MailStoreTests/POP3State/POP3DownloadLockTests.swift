import Foundation
import MailStore
import Testing

@Suite struct POP3DownloadLockTests {
    @Test func onlyOneHolderAtATime() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let statePath = dir.url.appendingPathComponent(POP3StateStore.fileName).path
        let first = try POP3DownloadLock(statePath: statePath)
        let error = #expect(throws: POP3StateError.self) { try POP3DownloadLock(statePath: statePath, wait: .milliseconds(100)) }
        #expect(error?.kind == .busy)
        #expect(error?.description.contains("another tern process") == true)
        first.release()
        first.release()
        let second = try POP3DownloadLock(statePath: statePath)
        #expect(second.path == statePath + ".lock")
    }

    @Test func droppingTheLockReleasesIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let statePath = dir.url.appendingPathComponent(POP3StateStore.fileName).path
        do { _ = try POP3DownloadLock(statePath: statePath) }
        _ = try POP3DownloadLock(statePath: statePath)
    }

    /// A lock released while the next one waits is taken (a child process being started holds a
    /// copy of the descriptor for a moment after the release).
    @Test func aLockHeldForAMomentIsWaitedFor() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let statePath = dir.url.appendingPathComponent(POP3StateStore.fileName).path
        let first = try POP3DownloadLock(statePath: statePath)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { first.release() }
        let started = ContinuousClock.now
        _ = try POP3DownloadLock(statePath: statePath, wait: .seconds(5))
        #expect(ContinuousClock.now - started < .seconds(5))
        // Without waiting, a held lock is busy at once.
        let held = try POP3DownloadLock(statePath: statePath + "-2")
        defer { held.release() }
        let error = #expect(throws: POP3StateError.self) { try POP3DownloadLock(statePath: statePath + "-2", wait: .zero) }
        #expect(error?.kind == .busy)
    }
}
