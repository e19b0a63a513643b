import Foundation
import MailStore
import Testing

@Suite struct POP3DownloadLockTests {
    @Test func onlyOneHolderAtATime() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let statePath = dir.url.appendingPathComponent(POP3StateStore.fileName).path
        let first = try POP3DownloadLock(statePath: statePath)
        let error = #expect(throws: POP3StateError.self) { try POP3DownloadLock(statePath: statePath) }
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
}
