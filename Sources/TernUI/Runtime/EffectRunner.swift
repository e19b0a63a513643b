import Foundation
import MailCore
import MailEngine
import TerminalKit

/// Performs ``Effect``s against the accounts' backends, off the UI thread, and hands every answer
/// back as an ``AppMessage``. It holds no UI state; the live runtime and the tests use the same one.
public struct EffectRunner: Sendable {
    /// The backends, by account name.
    public let backends: [String: any MailBackend]
    /// The theme the message text is styled with.
    public let theme: UITheme
    /// Rows per request when paging through a folder (find, collect, threads).
    public var chunkSize = 1000
    /// The composer's drafts, editor and outbox; nil when composing is not set up.
    public var composer: ComposeService?
    /// Requests the launcher made before the UI was up (the inbox's newest page or first rows).
    public var early = EarlyRequests()

    /// Creates a runner.
    public init(backends: [String: any MailBackend], theme: UITheme) {
        self.backends = backends
        self.theme = theme
    }

    /// Performs `effect`; `deliver` gets each answer (a threaded list delivers several).
    public func perform(_ effect: Effect, deliver: @Sendable (AppMessage) -> Void) async {
        switch effect {
        case .loadFolders(let account):
            deliver(.foldersLoaded(account: account, await attempt(account) { try await $0.folders() }))
        case .loadCount(let key, let filter, let generation):
            deliver(.counted(key, generation: generation, await attempt(key.account) {
                try await $0.count(in: key.path, filter: filter)
            }))
        case .loadFirstRows(let key, let order, let filter, let atEnd, let height, let generation):
            if filter == nil, let started = early.takeFirstRows(key), let first = await started.value,
               first.order == order, first.atEnd == atEnd, first.height == height {
                deliver(.firstRowsLoaded(key, generation: generation, .success(first.count), pages: first.pages))
                return
            }
            let counted: Result<Int, UIError> = await attempt(key.account) { try await $0.count(in: key.path, filter: filter) }
            var loaded: [(page: Int, rows: [MessageRow])] = []
            if case .success(let count) = counted, let pages = RowPages.edgePages(count: count, height: height, atEnd: atEnd) {
                for page in pages {
                    let range = RowPages.range(ofPage: page, count: count)
                    let rows: Result<[MessageRow], UIError> = await attempt(key.account) {
                        try await $0.summaries(in: key.path, order: order, range: range, filter: filter).map(MessageRow.init)
                    }
                    if case .success(let rows) = rows { loaded.append((page, rows)) }
                }
            }
            deliver(.firstRowsLoaded(key, generation: generation, counted, pages: loaded))
        case .loadPage(let key, let order, let page, let range, let filter, let generation):
            deliver(.pageLoaded(key, generation: generation, page: page, await attempt(key.account) {
                try await $0.summaries(in: key.path, order: order, range: range, filter: filter).map(MessageRow.init)
            }))
        case .loadThreads(let key, let filter, let newestFirst, let generation):
            await loadThreads(key, filter: filter, newestFirst: newestFirst, generation: generation, deliver: deliver)
        case .sync(let key):
            deliver(.synced(key, await attempt(key.account) { try await $0.sync(key.path) }))
        case .syncNewest(let key, let count):
            let started = early.takeNewest(key)
            deliver(.newestSynced(key, await attempt(key.account) { backend in
                if let started, let report = try? await started.value, report.added > 0 || report.rebuilt { return report }
                return try await backend.syncNewest(key.path, count: count)
            }))
        case .watch(let key):
            let result: Result<Void, UIError> = await attempt(key.account) { try await $0.watch(key.path) }
            if case .failure(let error) = result, !Self.isUnsupported(error) {
                deliver(.event(account: key.account, .error("cannot watch \(key.path): \(error.message)")))
            }
        case .prefetchNewest(let key):
            // Only from a backend that keeps it (IMAP with its body cache on), so that opening it is
            // immediate. On Dovecot this also pays the session's first look at the folder's files
            // (its Maildir UID list: 0.3 s for 100,000 messages) before the user opens anything.
            _ = await attempt(key.account) { backend in
                guard backend.capabilities.contains(.bodyCache),
                      let newest = try await backend.summaries(in: key.path, order: .newestFirst, range: 0 ..< 1, filter: nil).first,
                      newest.size <= Self.prefetchLimit else { return }
                _ = try await backend.messageBytes(newest.uid, in: key.path)
            }
        case .perform(let action, let uids, let key):
            let result: Result<Void, UIError> = await attempt(key.account) { backend in
                switch action {
                case .setFlags(let change): try await backend.setFlags(change, on: uids, in: key.path)
                case .move(let target): try await backend.move(uids, from: key.path, to: target)
                case .copy(let target): try await backend.copy(uids, from: key.path, to: target)
                case .delete: try await backend.delete(uids, in: key.path)
                }
            }
            deliver(.performed(action, uids: uids, in: key, result))
        case .find(let request):
            deliver(.found(request, await attempt(request.folder.account) { try await find(request, backend: $0) }))
        case .collectMatches(let key, let query, let purpose, let generation):
            deliver(.matched(key, generation: generation, purpose: purpose, await attempt(key.account) {
                try await matches(query, in: key.path, backend: $0)
            }))
        case .viewer(let viewerEffect):
            await performViewer(viewerEffect, deliver: deliver)
        case .redrawScreen:
            break
        case .countOutbox:
            guard let composer else { return }
            var counts: [String: Int] = [:]
            for account in backends.keys { counts[account] = composer.outboxCount(account: account) }
            deliver(.outboxCounted(counts))
        case .compose(let compose):
            await performCompose(compose, deliver: deliver)
        }
    }

    /// Runs `body` on the account's backend, turning errors into ``UIError``s.
    func attempt<T: Sendable>(_ account: String, _ body: (any MailBackend) async throws -> T) async -> Result<T, UIError> {
        guard let backend = backends[account] else { return .failure(UIError("no account \"\(account)\"")) }
        do {
            return .success(try await body(backend))
        } catch {
            return .failure(UIError(error: error))
        }
    }

    /// The largest message ``Effect/prefetchNewest(_:)`` fetches, in bytes.
    static let prefetchLimit = 1 << 20

    static func isUnsupported(_ error: UIError) -> Bool {
        error.message.contains("does not support")
    }

    /// The first line after (before) `request.start` matching the predicate, wrapping around once.
    func find(_ request: FindRequest, backend: any MailBackend) async throws -> Int? {
        let matcher: MessageMatcher?
        switch request.predicate {
        case .unread: matcher = nil
        case .query(let query):
            let body: Set<UID>? = query.isHeaderOnly ? nil : Set(try await backend.search(query, in: request.folder.path))
            matcher = MessageMatcher(query: query, bodyMatches: body)
        }
        let count = request.count
        guard count > 0 else { return nil }
        // The lines to look at, in order: after the start to the end, then (wrapping) the rest.
        var spans: [Range<Int>] = []
        let start = min(max(request.start, -1), count)
        if request.backward {
            if start > 0 { spans.append(0..<start) }
            if request.wraps, start + 1 <= count - 1 { spans.append((start + 1)..<count) }
            if request.wraps, start >= 0, start < count { spans.append(start..<(start + 1)) }
        } else {
            if start + 1 < count { spans.append((start + 1)..<count) }
            if request.wraps, start > 0 { spans.append(0..<start) }
            if request.wraps, start >= 0, start < count { spans.append(start..<(start + 1)) }
        }
        for span in spans {
            var chunks: [Range<Int>] = []
            var lower = span.lowerBound
            while lower < span.upperBound {
                let upper = min(span.upperBound, lower + chunkSize)
                chunks.append(lower..<upper)
                lower = upper
            }
            if request.backward { chunks.reverse() }
            for chunk in chunks {
                try Task.checkCancellation()
                let rows = try await backend.summaries(in: request.folder.path, order: request.order, range: chunk,
                                                       filter: request.filter)
                let indices = request.backward ? Array(rows.indices.reversed()) : Array(rows.indices)
                for i in indices {
                    let hit = matcher.map { $0.matches(rows[i]) } ?? !rows[i].flags.contains(.seen)
                    if hit { return chunk.lowerBound + i }
                }
            }
        }
        return nil
    }

    /// Every uid of `folder` matching `query` (the backend's search for body terms, else its filter).
    func matches(_ query: SearchQuery, in folder: MailboxPath, backend: any MailBackend) async throws -> Set<UID> {
        if !query.isHeaderOnly { return Set(try await backend.search(query, in: folder)) }
        let total = try await backend.count(in: folder, filter: query)
        var result = Set<UID>()
        result.reserveCapacity(total)
        var lower = 0
        while lower < total {
            try Task.checkCancellation()
            let upper = min(total, lower + chunkSize)
            let rows = try await backend.summaries(in: folder, order: .newestFirst, range: lower..<upper, filter: query)
            if rows.isEmpty { break }
            for row in rows { result.insert(row.uid) }
            lower = upper
        }
        return result
    }

    /// Builds a folder's threads, delivers them, then fills in the rows a chunk at a time.
    func loadThreads(_ key: FolderKey, filter: SearchQuery?, newestFirst: Bool, generation: Int,
                     deliver: @Sendable (AppMessage) -> Void) async {
        guard let backend = backends[key.account] else {
            deliver(.threadsBuilt(key, generation: generation, .failure(UIError("no account \"\(key.account)\""))))
            return
        }
        do {
            var rows = try await backend.threadingRows(in: key.path)
            if let filter {
                let wanted = try await matches(filter, in: key.path, backend: backend)
                rows.removeAll { !wanted.contains($0.uid) }
            }
            let layout = ThreadingEngine.layout(rows, newestFirst: newestFirst)
            deliver(.threadsBuilt(key, generation: generation, .success(ThreadedList(layout: layout.layout, uids: layout.uids))))
            let total = try await backend.count(in: key.path, filter: filter)
            var lower = 0
            while lower < total {
                try Task.checkCancellation()
                let upper = min(total, lower + chunkSize * 4)
                let page = try await backend.summaries(in: key.path, order: .newestFirst, range: lower..<upper, filter: filter)
                if page.isEmpty { break }
                deliver(.threadRowsLoaded(key, generation: generation, page.map(MessageRow.init)))
                lower = upper
            }
        } catch {
            deliver(.threadsBuilt(key, generation: generation, .failure(UIError(error: error))))
        }
    }
}
