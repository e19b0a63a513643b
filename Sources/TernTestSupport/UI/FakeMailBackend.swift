import Foundation
import MailCore
import MailEngine
import TernUI

/// An in-memory ``MailBackend`` for UI tests: folders of ``FakeMessage``s, sorted and filtered like a
/// cache would, with every call recorded and an optional delay per call (to test that the UI never
/// waits). Not for the real program.
public actor FakeMailBackend: MailBackend {
    /// See ``MailBackend/accountName``.
    public nonisolated let accountName: String
    /// See ``MailBackend/capabilities``.
    public nonisolated let capabilities: BackendCapabilities
    /// See ``MailBackend/events``.
    public nonisolated let events: AsyncStream<BackendEvent>
    private let continuation: AsyncStream<BackendEvent>.Continuation

    private var infos: [MailboxPath: FolderInfo] = [:]
    private var order: [MailboxPath] = []
    private var messages: [MailboxPath: [FakeMessage]] = [:]
    private var sorted: [String: [Int]] = [:]
    /// Counts per folder, until the folder changes (a folder of 100,000 is asked often).
    private var counted: [MailboxPath: (total: Int, unread: Int)] = [:]
    private var nextUID: [MailboxPath: UInt32] = [:]
    /// Every call, in order: `count INBOX`, `summaries INBOX date-desc 0..<128`, `setFlags ...`.
    public private(set) var calls: [String] = []
    /// Waited before answering each call (nil: answer at once).
    public var delay: Duration?
    /// Messages a sync adds to a folder (taken by the next `sync` of that folder).
    private var arriving: [MailboxPath: [FakeMessage]] = [:]

    /// Creates a backend.
    /// - Parameters:
    ///   - accountName: the account's name.
    ///   - folders: the folders, in listing order (counts are computed).
    ///   - messages: each folder's messages.
    public init(accountName: String, folders: [FolderInfo], messages: [MailboxPath: [FakeMessage]],
                capabilities: BackendCapabilities = [.offline, .copy]) {
        self.accountName = accountName
        self.capabilities = capabilities
        (events, continuation) = AsyncStream.makeStream(of: BackendEvent.self)
        for info in folders {
            infos[info.path] = info
            order.append(info.path)
            let list = messages[info.path] ?? []
            self.messages[info.path] = list
            nextUID[info.path] = (list.map(\.summary.uid.value).max() ?? 0) + 1
        }
    }

    /// A backend with INBOX, Drafts, Sent, Archive, Trash and `Lists/swift`, INBOX holding `count`
    /// generated messages.
    public static func standard(account: String = "test", inbox count: Int,
                                capabilities: BackendCapabilities = [.offline, .copy]) -> FakeMailBackend {
        let folders = [
            FolderInfo(path: .inbox, role: .inbox), FolderInfo(path: MailboxPath("Drafts"), role: .drafts),
            FolderInfo(path: MailboxPath("Sent"), role: .sent), FolderInfo(path: MailboxPath("Archive"), role: .archive),
            FolderInfo(path: MailboxPath("Trash"), role: .trash), FolderInfo(path: MailboxPath("Lists/swift")),
        ]
        return FakeMailBackend(accountName: account, folders: folders, messages: [.inbox: FakeMessage.generated(count: count)],
                               capabilities: capabilities)
    }

    /// Sets the delay of every call.
    public func setDelay(_ delay: Duration?) { self.delay = delay }

    /// Queues messages that the next sync of `folder` adds.
    public func queueArrivals(_ list: [FakeMessage], in folder: MailboxPath) { arriving[folder, default: []] += list }

    /// Puts messages into a folder without an event, as a sync still running writes them to its cache.
    public func store(_ list: [FakeMessage], in folder: MailboxPath) {
        messages[folder, default: []] += list
        changed(folder)
    }

    /// Sends an event to the UI.
    public func emit(_ event: BackendEvent) { emitEvent(event) }

    /// Every event sent since the last call (they also go to ``events``): tests apply them in order
    /// without waiting on the stream.
    public func takeEmitted() -> [BackendEvent] {
        defer { emitted.removeAll() }
        return emitted
    }

    private var emitted: [BackendEvent] = []

    private func emitEvent(_ event: BackendEvent) {
        emitted.append(event)
        continuation.yield(event)
    }

    /// Forgets the recorded calls.
    public func clearCalls() { calls.removeAll() }

    /// The current flags of a message.
    public func flags(of uid: UID, in folder: MailboxPath) -> Set<Flag>? {
        messages[folder]?.first { $0.summary.uid == uid }?.summary.flags
    }

    /// The bytes of every message of `folder`, in the order they were added.
    public func storedMessages(in folder: MailboxPath) -> [[UInt8]] {
        (messages[folder] ?? []).map(\.bytes)
    }

    /// The uids in a folder.
    public func uids(in folder: MailboxPath) -> [UID] {
        (messages[folder] ?? []).map(\.summary.uid)
    }

    private func pause() async {
        if let delay { try? await Task.sleep(for: delay) }
    }

    private func folderMessages(_ folder: MailboxPath) throws -> [FakeMessage] {
        guard let list = messages[folder] else { throw BackendError.noSuchFolder(folder, account: accountName) }
        return list
    }

    private func info(_ path: MailboxPath) -> FolderInfo {
        var info = infos[path] ?? FolderInfo(path: path)
        if let counts = counted[path] {
            info.total = counts.total
            info.unread = counts.unread
            return info
        }
        let list = messages[path] ?? []
        let unread = list.reduce(0) { $0 + ($1.summary.flags.contains(.seen) ? 0 : 1) }
        counted[path] = (list.count, unread)
        info.total = list.count
        info.unread = unread
        return info
    }

    /// The positions of `folder`'s messages in `order`, filtered (cached until the folder changes).
    private func positions(_ folder: MailboxPath, _ sortOrder: MailEngine.SortOrder, _ filter: SearchQuery?) throws -> [Int] {
        let key = "\(folder)|\(sortOrder.key)|\(sortOrder.descending)|\(String(describing: filter))"
        if let cached = sorted[key] { return cached }
        let list = try folderMessages(folder)
        var indices = Array(list.indices)
        if let filter {
            let matcher = MessageMatcher(query: filter, bodyMatches: filter.isHeaderOnly ? nil : bodyHits(filter, list))
            indices = indices.filter { matcher.matches(list[$0].summary) }
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            let x = list[a].summary, y = list[b].summary
            switch sortOrder.key {
            case .date:
                let dx = x.sortDate ?? .distantPast, dy = y.sortDate ?? .distantPast
                return dx != dy ? dx < dy : x.uid < y.uid
            case .from:
                let fx = (x.envelope.from.first.map { $0.name ?? $0.address } ?? "").lowercased()
                let fy = (y.envelope.from.first.map { $0.name ?? $0.address } ?? "").lowercased()
                return fx != fy ? fx < fy : x.uid < y.uid
            case .subject:
                let sx = (x.envelope.subject ?? "").lowercased(), sy = (y.envelope.subject ?? "").lowercased()
                return sx != sy ? sx < sy : x.uid < y.uid
            case .size:
                return x.size != y.size ? x.size < y.size : x.uid < y.uid
            }
        }
        indices.sort { sortOrder.descending ? before($1, $0) : before($0, $1) }
        sorted[key] = indices
        return indices
    }

    private func bodyHits(_ query: SearchQuery, _ list: [FakeMessage]) -> Set<UID> {
        func terms(_ q: SearchQuery) -> [String] {
            switch q {
            case .body(let text), .text(let text): return [text]
            case .not(let inner): return terms(inner)
            case .and(let all): return all.flatMap(terms)
            case .or(let a, let b): return terms(a) + terms(b)
            default: return []
            }
        }
        let words = terms(query)
        return Set(list.filter { message in
            let text = String(decoding: message.bytes, as: UTF8.self)
            return words.contains { text.range(of: $0, options: .caseInsensitive) != nil }
        }.map(\.summary.uid))
    }

    private func changed(_ folder: MailboxPath) {
        sorted = sorted.filter { !$0.key.hasPrefix("\(folder)|") }
        counted[folder] = nil
        emitEvent(.folderCounts(info(folder)))
    }

    // MARK: - MailBackend

    public func folders() async throws -> [FolderInfo] {
        calls.append("folders")
        await pause()
        return order.map(info)
    }

    public func count(in folder: MailboxPath, filter: SearchQuery?) async throws -> Int {
        calls.append("count \(folder)" + (filter == nil ? "" : " filtered"))
        await pause()
        return try positions(folder, .newestFirst, filter).count
    }

    public func summaries(in folder: MailboxPath, order: MailEngine.SortOrder, range: Range<Int>, filter: SearchQuery?) async throws
        -> [MailEngine.MessageSummary] {
        calls.append("summaries \(folder) \(order.key)-\(order.descending ? "desc" : "asc") \(range.lowerBound)..<\(range.upperBound)")
        await pause()
        let list = try folderMessages(folder)
        let indices = try positions(folder, order, filter)
        let lower = max(0, min(range.lowerBound, indices.count)), upper = max(lower, min(range.upperBound, indices.count))
        return indices[lower..<upper].map { list[$0].summary }
    }

    public func threadingRows(in folder: MailboxPath) async throws -> [ThreadingRow] {
        calls.append("threadingRows \(folder)")
        await pause()
        return try folderMessages(folder).map {
            let e = $0.summary.envelope
            return ThreadingRow(uid: $0.summary.uid, messageID: e.messageID, inReplyTo: e.inReplyTo.first,
                                references: e.references, subject: e.subject ?? "", date: $0.summary.sortDate)
        }
    }

    public func sync(_ folder: MailboxPath) async throws -> SyncReport {
        calls.append("sync \(folder)")
        await pause()
        _ = try folderMessages(folder)
        let new = arriving.removeValue(forKey: folder) ?? []
        if !new.isEmpty {
            messages[folder, default: []] += new
            changed(folder)
            emitEvent(.messagesAdded(folder: folder, new.map(\.summary)))
        }
        return SyncReport(folder: folder, added: new.count)
    }

    /// Brings in the newest `count` of the queued arrivals (the highest uids, as IMAP's highest
    /// sequence numbers), leaving the rest to ``sync(_:)``.
    public func syncNewest(_ folder: MailboxPath, count: Int) async throws -> SyncReport {
        calls.append("syncNewest \(folder) \(count)")
        await pause()
        _ = try folderMessages(folder)
        let queued = (arriving[folder] ?? []).sorted { $0.summary.uid < $1.summary.uid }
        let new = Array(queued.suffix(count))
        arriving[folder] = Array(queued.dropLast(new.count))
        if !new.isEmpty {
            messages[folder, default: []] += new
            changed(folder)
            emitEvent(.messagesAdded(folder: folder, new.map { $0.summary }))
        }
        return SyncReport(folder: folder, added: new.count)
    }

    public func messageBytes(_ uid: UID, in folder: MailboxPath) async throws -> [UInt8] {
        calls.append("messageBytes \(folder) \(uid)")
        await pause()
        guard let message = try folderMessages(folder).first(where: { $0.summary.uid == uid }) else {
            throw BackendError.noSuchMessage(uid, folder: folder)
        }
        return message.bytes
    }

    public func setFlags(_ change: FlagChange, on uids: [UID], in folder: MailboxPath) async throws {
        calls.append("setFlags \(folder) \(uids.map(\.description).joined(separator: ","))")
        await pause()
        var list = try folderMessages(folder)
        let wanted = Set(uids)
        var changes: [(UID, Set<Flag>)] = []
        for i in list.indices where wanted.contains(list[i].summary.uid) {
            list[i].summary.flags = change.applied(to: list[i].summary.flags)
            changes.append((list[i].summary.uid, list[i].summary.flags))
        }
        messages[folder] = list
        changed(folder)
        emitEvent(.flagsChanged(folder: folder, changes))
    }

    public func move(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        calls.append("move \(folder) -> \(target) \(uids.map(\.description).joined(separator: ","))")
        await pause()
        guard messages[target] != nil else { throw BackendError.noSuchFolder(target, account: accountName) }
        try copyMessages(uids, from: folder, to: target)
        try remove(uids, from: folder)
    }

    public func copy(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) async throws {
        calls.append("copy \(folder) -> \(target) \(uids.map(\.description).joined(separator: ","))")
        await pause()
        guard messages[target] != nil else { throw BackendError.noSuchFolder(target, account: accountName) }
        try copyMessages(uids, from: folder, to: target)
    }

    public func delete(_ uids: [UID], in folder: MailboxPath) async throws {
        calls.append("delete \(folder) \(uids.map(\.description).joined(separator: ","))")
        await pause()
        try remove(uids, from: folder)
    }

    /// Removes messages for good (the fake has no Trash: the same as delete).
    public func expunge(_ uids: [UID], in folder: MailboxPath) async throws {
        calls.append("expunge \(folder) \(uids.map(\.description).joined(separator: ","))")
        await pause()
        try remove(uids, from: folder)
    }

    public func append(_ message: [UInt8], to folder: MailboxPath, flags: Set<Flag>, date: Date?) async throws -> UID? {
        calls.append("append \(folder)")
        await pause()
        guard messages[folder] != nil else { throw BackendError.noSuchFolder(folder, account: accountName) }
        let uid = nextUID[folder] ?? 1
        nextUID[folder] = uid + 1
        messages[folder, default: []].append(FakeMessage(raw: message, uid: uid, flags: flags,
                                                         date: date ?? Date(timeIntervalSince1970: 1_790_000_000)))
        changed(folder)
        return UID(uid)
    }

    public func search(_ query: SearchQuery, in folder: MailboxPath) async throws -> [UID] {
        calls.append("search \(folder)")
        await pause()
        let list = try folderMessages(folder)
        let matcher = MessageMatcher(query: query, bodyMatches: bodyHits(query, list))
        return list.filter { matcher.matches($0.summary) }.map(\.summary.uid)
    }

    public func watch(_ folder: MailboxPath) async throws {
        calls.append("watch \(folder)")
    }

    public func close() async {
        continuation.finish()
    }

    private func copyMessages(_ uids: [UID], from folder: MailboxPath, to target: MailboxPath) throws {
        let wanted = Set(uids)
        var copies = try folderMessages(folder).filter { wanted.contains($0.summary.uid) }
        for i in copies.indices {
            copies[i].summary.uid = UID(nextUID[target, default: 1])
            nextUID[target, default: 1] += 1
        }
        messages[target, default: []] += copies
        changed(target)
    }

    private func remove(_ uids: [UID], from folder: MailboxPath) throws {
        let wanted = Set(uids)
        messages[folder] = try folderMessages(folder).filter { !wanted.contains($0.summary.uid) }
        changed(folder)
        emitEvent(.messagesRemoved(folder: folder, uids))
    }
}
