import Foundation
import Testing
@testable import MailStore

@Suite("Drafts folder on disk")
struct DraftStoreTests {
    func temporary() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tern-drafts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func draftsArePrivateAndListedWithTheirFiles() throws {
        let root = try temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = DraftStore(directory: root + "/a/b/drafts")
        let handle = try store.create(now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(handle.id.hasPrefix("20231114T221320-"))
        try handle.writeState(Array("{\"s\":1}".utf8))
        try handle.writeEditorFile(Array("text\n".utf8))
        let mode = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int }
        #expect(mode(root + "/a/b/drafts") == 0o700)
        #expect(mode(handle.directory) == 0o700)
        #expect(mode(handle.editorFile) == 0o600)
        #expect(mode(handle.directory + "/draft.json") == 0o600)
        let listed = try store.list()
        #expect(listed.count == 1)
        #expect(listed[0].state == Array("{\"s\":1}".utf8))
        #expect(listed[0].editorText == Array("text\n".utf8))
        #expect(listed[0].inUse)
        handle.release()
        // A process another test starts at this moment holds a copy of the lock's descriptor
        // between its fork and its exec (O_CLOEXEC closes it only at the exec), and the lock with
        // it: on a loaded machine that lasted long enough to fail this check once (CI, stop 14).
        // Wait for such a copy to go, at most 5 s.
        var free = try store.list().first?.inUse == false
        let deadline = Date().addingTimeInterval(5)
        while !free, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            free = try store.list().first?.inUse == false
        }
        #expect(free)
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: handle.directory).sorted() == ["draft.json", "lock", "message.txt"])
    }

    @Test func aDraftOpenInOneHandleCannotBeOpenedTwice() throws {
        let root = try temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = DraftStore(directory: root)
        let handle = try store.create()
        try handle.writeState([1])
        #expect(throws: DraftStoreError.self) { try store.open(id: handle.id) }
        handle.release()
        // As above: a fork of another test may hold the lock until its exec, at most a moment.
        var opened: DraftHandle?
        let deadline = Date().addingTimeInterval(5)
        while opened == nil {
            do {
                opened = try store.open(id: handle.id)
            } catch where Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        let again = try #require(opened)
        #expect(try again.readState() == [1])
        try again.remove()
        #expect(try store.list().isEmpty)
    }

    /// A process that dies holding a draft (SIGKILL) leaves it recoverable: the kernel drops the lock.
    @Test func theLockOfAKilledProcessIsReleased() throws {
        let root = try temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = DraftStore(directory: root)
        let handle = try store.create()
        try handle.writeState([1])
        handle.release()
        // One process (sh exec'ing sleep) holds the lock on fd 9, as a tern would.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9>>\"$1\" && flock -x 9 && exec sleep 30", "sh", handle.directory + "/lock"]
        try holder.run()
        var held = false
        for _ in 0..<500 where !held {
            held = try store.list().first?.inUse == true
            if !held { usleep(10_000) }
        }
        #expect(held)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(try store.list().first?.inUse == false)
        let recovered = try store.open(id: handle.id)
        #expect(try recovered.readState() == [1])
    }

    @Test func idsCannotEscapeTheFolder() throws {
        let root = try temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = DraftStore(directory: root + "/drafts")
        for id in ["../x", "/etc", "", "a/b", "..", "20250101T000000-zz"] {
            #expect(throws: DraftStoreError.self) { try store.open(id: id) }
        }
    }

    @Test func keptPartsAndEmptyLeftovers() throws {
        let root = try temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = DraftStore(directory: root)
        let handle = try store.create()
        let path = try handle.keep([1, 2, 3], index: 0)
        #expect(handle.isKept(path))
        #expect(!handle.isKept("/etc/passwd"))
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        handle.discardKept("/etc/passwd")
        handle.discardKept(path)
        #expect(!FileManager.default.fileExists(atPath: path))
        // Created, never saved, and its process gone: removed at the next start.
        handle.release()
        #expect(try store.list().isEmpty)
        store.removeEmpty()
        let left = try FileManager.default.contentsOfDirectory(atPath: root)
        #expect(left.isEmpty, "left in the drafts folder: \(left), held: \(left.map { DraftLock.isHeld(directory: root + "/" + $0) })")
    }
}
