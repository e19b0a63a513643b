import Foundation
import MailCore
import MailStore
@testable import MailEngine

/// A temporary Maildir++ tree with a backend over it and an in-memory cache, removed by `remove()`.
struct TestMaildir {
    let root: URL
    let store: MaildirStore

    init(folders: [MailboxPath] = [.inbox]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tern-engine-\(UUID().uuidString)")
        store = MaildirStore(root: root)
        for folder in folders { try store.create(folder) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A backend over the tree (a fresh in-memory cache unless one is given).
    func backend(cache: HeaderCache? = nil, reader: MessageFileReader = .standard, roles: FolderRoles = FolderRoles(),
                 pollInterval: Duration = .milliseconds(50)) throws -> MaildirBackend {
        try MaildirBackend(accountName: "test", root: root, cache: cache ?? HeaderCache(inMemoryFor: "test"), roles: roles,
                           reader: reader, pollInterval: pollInterval)
    }

    /// Delivers a message as another program would.
    @discardableResult
    func deliver(_ subject: String, to folder: MailboxPath = .inbox, flags: Set<Flag> = [], body: String = "Hello there.",
                 from: String = "Ann <ann@example.org>", date: String = "Mon, 2 Mar 2026 10:00:00 +0000",
                 extraHeaders: String = "") throws -> MaildirMessage {
        try store.maildir(for: folder).deliver(Self.bytes(subject, body: body, from: from, date: date, extraHeaders: extraHeaders),
                                               flags: flags)
    }

    static func bytes(_ subject: String, body: String = "Hello there.", from: String = "Ann <ann@example.org>",
                      date: String = "Mon, 2 Mar 2026 10:00:00 +0000", extraHeaders: String = "") -> [UInt8] {
        Array(("From: \(from)\r\nTo: Bob <bob@example.org>\r\nSubject: \(subject)\r\nDate: \(date)\r\n"
            + "Message-ID: <\(UUID().uuidString)@example.org>\r\n\(extraHeaders)\r\n\(body)\r\n").utf8)
    }

    /// The files of a folder's subfolder.
    func files(_ folder: MailboxPath = .inbox, _ sub: MaildirMessage.Subfolder) throws -> [String] {
        try store.maildir(for: folder).fileNames(in: sub).sorted()
    }
}

/// Collects a backend's events in the background.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [BackendEvent] = []
    private var task: Task<Void, Never>?

    init(_ stream: AsyncStream<BackendEvent>) {
        task = Task { [weak self] in
            for await event in stream { self?.append(event) }
        }
    }

    private func append(_ event: BackendEvent) {
        lock.lock()
        collected.append(event)
        lock.unlock()
    }

    var events: [BackendEvent] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }

    /// Waits until `predicate` holds for the events seen so far (at most `timeout`: long, because
    /// tests run in parallel on few threads; a passing wait returns at once).
    func wait(timeout: Duration = .seconds(120), until predicate: ([BackendEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if predicate(events) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return predicate(events)
    }
}
