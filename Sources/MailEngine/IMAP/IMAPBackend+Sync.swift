import Foundation
import IMAP
import MailCore
import MailStore
import Transport

/// Sync: bringing one folder's cache up to date with the server.
///
/// - A folder never synced (or whose first sync was interrupted): the newest
///   ``IMAPBackendOptions/firstBatchSize`` come first, by one `FETCH` of the highest sequence
///   numbers, so the first screen can be drawn; then `UID SEARCH ALL` (ESEARCH keeps it to a few
///   bytes) tells which UIDs exist, and the ones not cached are fetched newest first in
///   pipelined batches, shared with helper connections when there are many. Rows are committed
///   in groups of ``IMAPBackendOptions/writeBatchRows`` as they arrive, so an interrupted sync
///   keeps what it got and the next one fetches only the rest.
/// - A complete folder: with QRESYNC, `SELECT ... (QRESYNC (validity modseq))` brings the vanished
///   UIDs and the changed flags in one round trip (RFC 7162 §3.2.5); with CONDSTORE,
///   `UID FETCH 1:N (FLAGS) (CHANGEDSINCE modseq)`; otherwise every message's flags. New mail is
///   `UID FETCH uidnext:*`. When the count still differs from the server's, `UID SEARCH ALL`
///   finds the vanished UIDs.
/// - A UIDVALIDITY that differs from the cached one drops the folder's cache (RFC 9051 §2.3.1.1).
extension IMAPBackend {
    /// Brings the folder's cache up to date and reports what changed (see the extension's notes).
    /// A sync of a folder already being synced waits for that one.
    public func sync(_ folder: MailboxPath) async throws -> SyncReport {
        let (path, name) = try await resolve(folder)
        if let running = syncs[path] { return try await running.value }
        let task = Task { try await self.runSync(path, name: name) }
        syncs[path] = task
        defer { syncs[path] = nil }
        return try await task.value
    }

    private func runSync(_ path: MailboxPath, name: MailboxName) async throws -> SyncReport {
        let report = try await withConnection { connection in
            try await self.sync(path, name: name, on: connection)
        }
        if options.indexTextAfterSync, report.added > 0 {
            // On a thread of the system's, not of the concurrency pool: 100,000 rows take a second.
            let cache = self.cache
            DispatchQueue.global(qos: .utility).async { _ = try? cache.indexPendingText() }
        }
        return report
    }

    /// The sync itself, on a connection.
    private func sync(_ path: MailboxPath, name: MailboxName, on connection: IMAPConnection) async throws -> SyncReport {
        let before = try cache.mailbox(path)
        let enabled = await connection.enabledExtensions
        let capabilities = await connection.capabilities
        let qresyncOn = options.useQResync && enabled.contains(.qresync)
        let condStoreOn = options.useCondStore && capabilities.contains(.condStore)
        var qresync: QResyncParameters?
        if qresyncOn, let before, before.isComplete, let modSeq = before.highestModSeq, modSeq > 0 {
            qresync = QResyncParameters(uidValidity: before.uidValidity, modSeq: modSeq)
        }
        let selected = try await connection.select(name, condStore: condStoreOn && !qresyncOn, qresync: qresync)
        guard let validity = selected.uidValidity else {
            throw BackendError.failed("account \"\(accountName)\": the server gave no UIDVALIDITY for \"\(path)\"; it cannot be cached")
        }
        let (box, reset) = try cache.write { try $0.ensureMailbox(path, uidValidity: validity) }
        let rebuilt = reset && before != nil
        let serverModSeq = selected.noModSeq ? nil : selected.highestModSeq
        let serverNext = selected.uidNext ?? 0
        var changes = Changes()
        let useModSeq = condStoreOn && serverModSeq != nil

        if box.isComplete && !reset {
            if qresync != nil, serverModSeq != nil {
                changes.removed = selected.vanished.values().map(UID.init).filter { $0.value < box.uidNext }
                for message in selected.changed {
                    guard let uid = message.uid, uid.value < box.uidNext, let flags = message.mailFlags else { continue }
                    changes.flags.append((uid, flags, message.modSeq))
                }
            } else if useModSeq, let old = box.highestModSeq, box.uidNext > 1 {
                if old != serverModSeq {
                    let messages = try await connection.fetchAll(SequenceSet(1 ... box.uidNext - 1), items: [.uid, .flags, .modSeq],
                                                                 changedSince: old)
                    for message in messages {
                        guard let uid = message.uid, let flags = message.mailFlags else { continue }
                        changes.flags.append((uid, flags, message.modSeq))
                    }
                }
            } else if box.uidNext > 1 {
                try await refreshAllFlags(path, below: box.uidNext, on: connection, into: &changes)
            }
            try apply(&changes, to: path, box: box)
            if serverNext == 0 || serverNext > box.uidNext {
                // Bounded by UIDNEXT when known: `n:*` would also name the highest existing UID.
                let newUIDs = SequenceSet(ranges: [box.uidNext ... (serverNext == 0 ? UInt32.max : serverNext - 1)])
                changes.added += try await fetchEnvelopes(newUIDs, of: path, name: name, box: box, on: connection,
                                                          emitAdded: true)
            }
            // A QRESYNC select that reported nothing gone and no new UID leaves the cache as it
            // was, which matched the server: no count over the whole folder then (a warm open
            // must cost what the screen needs, not what the folder holds).
            let unchanged = qresync != nil && serverModSeq != nil && serverNext != 0 && serverNext == box.uidNext
                && changes.removedCount == 0 && changes.added == 0
            if !unchanged, try cache.count(in: path) != selected.messageCount {
                try await reconcile(path, name: name, box: box, on: connection, into: &changes, fetchMissing: true)
            }
        } else {
            // Rows cached before this sync (an interrupted first sync, the newest page of
            // `syncNewest`) may hold old flags: theirs are refreshed after the reconciliation, and
            // only theirs (the rows it fetches have their flags of now).
            let cachedBefore = try cache.uids(in: path)
            let hadRows = !cachedBefore.isEmpty
            // A large first sync: its helper connections log in and open the folder now, while
            // this one fetches the newest page (a session's first EXAMINE of 100,000 messages took
            // Dovecot 0.4-0.6 s with its cache empty).
            if selected.messageCount - cachedBefore.count >= options.firstBatchSize + options.parallelFetchThreshold {
                openHelpers(name, uidValidity: validity)
            }
            defer { closeUnusedHelpers(name) }
            if !hadRows, selected.messageCount > options.firstBatchSize {
                // The first screen before anything else: the newest messages by sequence number,
                // without waiting for `UID SEARCH` (the reconciliation below skips them).
                changes.added += try await fetchNewest(options.firstBatchSize, exists: selected.messageCount, of: path, box: box,
                                                       on: connection)
            }
            try await reconcile(path, name: name, box: box, on: connection, into: &changes, fetchMissing: true)
            if hadRows {
                try await refreshFlags(path, of: cachedBefore, on: connection, into: &changes)
                try apply(&changes, to: path, box: box)
            }
        }
        if changes.added > 0 { try await fillArrivalDates(of: path, box: box, on: connection) }
        let next = serverNext > 0 ? serverNext : (try cache.highestUID(in: path)?.value ?? 0) &+ 1
        try cache.write { try $0.setSyncState(of: box, uidNext: max(next, 1), highestModSeq: useModSeq ? serverModSeq : nil,
                                              complete: true) }
        let report = SyncReport(folder: path, added: changes.added, removed: changes.removedCount,
                                flagsChanged: changes.flagsChangedCount, rebuilt: rebuilt)
        if rebuilt { bodies?.removeFolder(path) }
        if changes.added > 0 || changes.removedCount > 0 || changes.flagsChangedCount > 0 || rebuilt {
            try emitCounts(path)
            continuation.yield(.syncFinished(report))
        }
        return report
    }

    /// What a sync found, applied to the cache as it goes.
    struct Changes {
        var removed: [UID] = []
        var flags: [(UID, Set<Flag>, UInt64?)] = []
        var added = 0
        var removedCount = 0
        var flagsChangedCount = 0
    }

    /// Writes pending removals and flag changes to the cache and tells the UI; only flags that
    /// differ from the cached ones count as changes.
    private func apply(_ changes: inout Changes, to path: MailboxPath, box: CacheMailbox) throws {
        if !changes.removed.isEmpty {
            // Only what the cache holds counts (VANISHED also names messages tern removed itself).
            let removed = try cache.uids(in: path, filter: .uids(Set(changes.removed)))
            changes.removed = []
            if removed.isEmpty { return try apply(&changes, to: path, box: box) }
            try cache.write { try $0.remove(removed, in: box) }
            for uid in removed { bodies?.remove(uid, in: path, uidValidity: box.uidValidity) }
            changes.removedCount += removed.count
            continuation.yield(.messagesRemoved(folder: path, removed))
            changes.removed = []
        }
        if !changes.flags.isEmpty {
            let candidates = changes.flags
            changes.flags = []
            var differing: [(UID, Set<Flag>)] = []
            let current = try cache.messages(candidates.map(\.0), in: path)
            var cachedFlags: [UID: Set<Flag>] = [:]
            for message in current { cachedFlags[message.uid] = message.flags }
            for (uid, flags, _) in candidates where cachedFlags[uid].map({ $0 != flags }) ?? false {
                differing.append((uid, flags))
            }
            try cache.write { w in
                try w.updateFlags(candidates.map { (uid: $0.0, flags: $0.1, modSeq: $0.2) }, in: box)
            }
            if !differing.isEmpty {
                changes.flagsChangedCount += differing.count
                continuation.yield(.flagsChanged(folder: path, differing))
            }
        }
    }

    /// Without CONDSTORE: the flags of every message below `below`, compared with the cache;
    /// cached UIDs the server no longer has are removed.
    private func refreshAllFlags(_ path: MailboxPath, below: UInt32, on connection: IMAPConnection,
                                 into changes: inout Changes) async throws {
        let cached = try cache.flagsByUID(in: path)
        let collector = FlagCollector()
        try await connection.fetch(SequenceSet(1 ... below - 1), items: [.uid, .flags], batchSize: options.batchSize * 10,
                                   pipelineDepth: options.pipelineDepth) { messages in
            collector.add(messages)
        }
        let seen = collector.take()
        for (uid, flags) in seen where cached[uid].map({ $0 != flags }) ?? false {
            changes.flags.append((uid, flags, nil))
        }
        changes.removed += cached.keys.filter { $0.value < below && seen[$0] == nil }.sorted()
    }

    /// The flags of `uids` (cached rows) as the server has them now, compared with the cache;
    /// UIDs the server no longer has are left to the reconciliation (`UID SEARCH`).
    private func refreshFlags(_ path: MailboxPath, of uids: [UID], on connection: IMAPConnection,
                              into changes: inout Changes) async throws {
        guard !uids.isEmpty else { return }
        let set = SequenceSet(ranges: uids.map { $0.value ... $0.value }).normalized()
        // The rows of `uids` only: after a first sync of 100,000 the whole folder's flags would
        // be a dictionary of 100,000 sets (+12 MB at the sync's end).
        let cached = try cache.flagsByUID(uids, in: path)
        let collector = FlagCollector()
        try await connection.fetch(set, items: [.uid, .flags], batchSize: options.batchSize * 10,
                                   pipelineDepth: options.pipelineDepth) { messages in
            collector.add(messages)
        }
        for (uid, flags) in collector.take() where cached[uid].map({ $0 != flags }) ?? false {
            changes.flags.append((uid, flags, nil))
        }
    }

    /// Compares the server's UIDs (`UID SEARCH ALL`) with the cache: cached UIDs the server lost
    /// are removed, and with `fetchMissing` the server's UIDs not cached are fetched.
    private func reconcile(_ path: MailboxPath, name: MailboxName, box: CacheMailbox, on connection: IMAPConnection, into changes: inout Changes,
                           fetchMissing: Bool) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let server = try await connection.search(.all).matches.normalized()
        let searchTime = clock.now - start
        // The newest page of this first sync, if it came just before: quicker than the search, the
        // server may have had the fields cached (see HeaderFetchProbe.QuickPage).
        let newestPage = newestPageTimes.removeValue(forKey: path)
        let cachedUIDs = try cache.uids(in: path)
        var removed: [UID] = []
        for uid in cachedUIDs where !server.contains(uid.value) { removed.append(uid) }
        changes.removed += removed
        try apply(&changes, to: path, box: box)
        guard fetchMissing, !server.isEmpty else { return }
        let missing = Self.subtract(cachedUIDs, from: server)
        guard !missing.isEmpty else { return }
        try cache.write { try $0.markIncomplete(box) }
        let quickPage = newestPage.flatMap { $0.time < searchTime ? $0 : nil }
        changes.added += try await fetchEnvelopes(missing, of: path, name: name, box: box, on: connection,
                                                  emitAdded: true, quickPage: quickPage)
    }

    /// The UIDs of `set` that are not in `cached` (ascending), as ranges.
    static func subtract(_ cached: [UID], from set: SequenceSet) -> SequenceSet {
        var result: [ClosedRange<UInt32>] = []
        var index = 0
        for range in set.ranges {
            var start = range.lowerBound
            while index < cached.count, cached[index].value < range.lowerBound { index += 1 }
            while index < cached.count, cached[index].value <= range.upperBound {
                let uid = cached[index].value
                if uid > start { result.append(start ... uid - 1) }
                if uid == UInt32.max { start = uid; break }
                start = uid + 1
                index += 1
            }
            if start <= range.upperBound, !(index > 0 && cached[index - 1].value == range.upperBound) {
                result.append(start ... range.upperBound)
            }
        }
        return SequenceSet(ranges: result)
    }

    /// Fetches the envelopes of `uids` newest first: the newest ``IMAPBackendOptions/firstBatchSize``
    /// alone, then the rest in pipelined batches, a few pipelines per call; every group is
    /// committed to the cache as it arrives and announced (summaries while few, then progress).
    /// - Returns: How many messages were new to the cache.
    private func fetchEnvelopes(_ uids: SequenceSet, of path: MailboxPath, name: MailboxName, box: CacheMailbox,
                                on connection: IMAPConnection, emitAdded: Bool,
                                quickPage: HeaderFetchProbe.QuickPage? = nil) async throws -> Int {
        let items = IMAPFetchConversion.items(for: options.headerFetch)
        let total = uids.containsStar ? nil : uids.count
        let state = FetchProgress(total: total)
        let cache = self.cache
        let continuation = self.continuation
        let limit = MaildirBackend.addedEventLimit
        // Rows are converted and encoded on the fetching task (one per connection) and written on
        // a queue of their own while the connections read on, gathered into large transactions.
        let writer = GroupWriter<EncodedRow>(minimumRows: options.writeBatchRows) { rows in
            let added = try cache.write { try $0.insertFetched(rows, in: box) }
            let (done, announce) = state.record(rows.count, added: added, limit: limit)
            if emitAdded, announce, added > 0 {
                continuation.yield(.messagesAdded(folder: path, rows.map { MessageSummary(cached: $0.cachedMessage) }))
            }
            continuation.yield(.syncProgress(folder: path, done: done, total: state.total ?? done, bytes: nil))
        }
        let handler: @Sendable ([FetchedMessage]) async throws -> Void = { messages in
            try await writer.submit(messages.compactMap { IMAPFetchConversion.cached($0).map { EncodedRow($0) } })
        }
        do {
            try await fetchGroups(uids, items: items, name: name, box: box, on: connection, writer: writer,
                                  quickPage: quickPage, handler: handler)
        } catch {
            // What arrived before the failure is kept: the next sync fetches only the rest.
            try? await writer.drain()
            throw error
        }
        try await writer.drain()
        return state.added
    }

    /// The fetch commands of ``fetchEnvelopes``: the newest first, then chunks of pipelines,
    /// shared with extra connections when there are many (see ``fetchInParallel``).
    private func fetchGroups(_ uids: SequenceSet, items: [FetchAttribute], name: MailboxName, box: CacheMailbox,
                             on connection: IMAPConnection, writer: GroupWriter<EncodedRow>, quickPage: HeaderFetchProbe.QuickPage?,
                             handler: @escaping @Sendable ([FetchedMessage]) async throws -> Void) async throws {
        let (first, newestRest) = Self.splitNewest(uids, count: options.firstBatchSize)
        var rest = newestRest
        if !first.isEmpty {
            try await connection.fetch(first, items: items, handler: handler)
            try await writer.drain()
        }
        let large = rest.count >= options.parallelFetchThreshold
        // A large first sync with the header fetch left to tern: samples timed on this connection
        // while the helpers wait (see HeaderFetch), then everyone the quicker way.
        var samples: [[UInt32]] = []
        if large, options.headerFetch == .automatic {
            samples = HeaderFetchProbe.samples(of: rest, size: options.headerFetchSampleSize, offset: options.headerFetchSampleOffset)
            if samples.allSatisfy({ !$0.isEmpty }) {
                rest = Self.subtract(samples.joined().sorted().map(UID.init), from: rest)
            } else {
                samples = []
            }
        }
        if large { lastHeaderFetch = options.headerFetch == .whole ? .whole : .fields }
        // The rest in calls of a few pipelines' worth each, newest first: between two calls the
        // connection serves whoever waits for it (a message being opened during a first sync of
        // 100,000 waits for one chunk, not for the whole sync).
        let chunks = Self.chunks(rest, size: options.batchSize * options.pipelineDepth * 2)
        // While the samples are timed the helpers wait (see ChunkQueue.waitForDecision).
        let queue = ChunkQueue(chunks, items: items, decided: samples.isEmpty)
        let extra = large ? options.fetchConnections - 1 : 0
        var opened = extra > 0 ? openingHelpers.removeValue(forKey: name) ?? [] : []
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0 ..< max(0, extra) {
                let early = opened.popLast()
                group.addTask {
                    await self.fetchOnExtraConnection(queue, name: name, uidValidity: box.uidValidity, opened: early, handler: handler)
                }
            }
            if !samples.isEmpty {
                let (mode, timed) = try await probeHeaderFetch(samples, quickPage: quickPage, on: connection, handler: handler)
                // Samples left untimed (the first showed the fields cached) are fetched with the rest.
                let untimed = samples.dropFirst(timed).joined().map { $0 ... $0 }
                if !untimed.isEmpty { queue.giveBack(SequenceSet(ranges: Array(untimed)).normalized()) }
                queue.decide(IMAPFetchConversion.items(for: mode))
                lastHeaderFetch = mode
            }
            while let next = queue.next() {
                try await letOthersIn(connection, selecting: name, uidValidity: box.uidValidity)
                try await connection.fetch(next, items: queue.items, batchSize: options.batchSize, pipelineDepth: options.pipelineDepth,
                                           newestFirst: true, handler: handler)
            }
            try await group.waitForAll()
        }
    }

    /// Times the two ways of fetching the header on `samples` (alternately, fields first; see
    /// ``HeaderFetchProbe``) and says which is quicker; the sampled messages are cached like the
    /// others. With a `quickPage` (a newest page quicker than the search), a first sample about as
    /// quick per message ends the timing at once: the fields are cached on the server.
    /// - Returns: The way chosen, and how many samples were fetched (the others are not).
    private func probeHeaderFetch(_ samples: [[UInt32]], quickPage: HeaderFetchProbe.QuickPage?, on connection: IMAPConnection,
                                  handler: @escaping @Sendable ([FetchedMessage]) async throws -> Void) async throws -> (HeaderFetch, Int) {
        let clock = ContinuousClock()
        var fields: [Duration] = []
        var whole: [Duration] = []
        for (index, sample) in samples.enumerated() {
            let mode: HeaderFetch = index % 2 == 0 ? .fields : .whole
            let start = clock.now
            try await connection.fetch(SequenceSet(ranges: sample.map { $0 ... $0 }).normalized(), items: IMAPFetchConversion.items(for: mode),
                                       handler: handler)
            if mode == .fields { fields.append(clock.now - start) } else { whole.append(clock.now - start) }
            if index == 0, let quickPage, quickPage.matches(sample: fields[0], count: sample.count) {
                trace?.note("header fetch: the newest \(quickPage.count) messages took \(Self.milliseconds(quickPage.time)) (less than "
                            + "UID SEARCH), a sample of \(sample.count) \(Self.milliseconds(fields[0])) by fields: the server has the "
                            + "fields cached; fetching the rest by fields")
                return (.fields, 1)
            }
            if index == 1, HeaderFetchProbe.wholeIsClearlyQuicker(fields: fields[0], whole: whole[0]) {
                trace?.note("header fetch: samples of \(sample.count) messages took \(Self.milliseconds(fields[0])) by fields, "
                            + "\(Self.milliseconds(whole[0])) by whole header: fetching the rest by whole header")
                return (.whole, 2)
            }
        }
        let choice = HeaderFetchProbe.choose(fields: fields, whole: whole)
        trace?.note("header fetch: samples of \(samples[0].count) messages took \(fields.map(Self.milliseconds)) by fields, "
                    + "\(whole.map(Self.milliseconds)) by whole header: fetching the rest by \(choice == .whole ? "whole header" : "fields")")
        return (choice, samples.count)
    }

    /// A duration as `12.3 ms`, for the trace.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    /// A helper connection of a large first sync: takes chunks from `queue` until it is empty.
    /// It only speeds the sync up: when it cannot connect or fails, its chunk goes back to the
    /// queue for the command connection, which always finishes the work.
    private func fetchOnExtraConnection(_ queue: ChunkQueue, name: MailboxName, uidValidity: UInt32,
                                        opened: Task<IMAPConnection?, Never>?,
                                        handler: @escaping @Sendable ([FetchedMessage]) async throws -> Void) async {
        let connection: IMAPConnection?
        if let opened {
            connection = await opened.value
        } else {
            connection = await openHelper(name, uidValidity: uidValidity)
        }
        guard let extra = connection else { return }
        defer { Task { await extra.logout() } }
        guard await queue.waitForDecision() else { return }
        while let next = queue.next() {
            do {
                try await extra.fetch(next, items: queue.items, batchSize: options.batchSize, pipelineDepth: options.pipelineDepth,
                                      newestFirst: true, handler: handler)
            } catch {
                // What arrived is cached; the next sync or the command connection gets the rest.
                queue.giveBack(next)
                return
            }
        }
    }

    /// Starts logging in the helper connections of a large first sync of `name` (see
    /// ``openingHelpers``).
    private func openHelpers(_ name: MailboxName, uidValidity: UInt32) {
        guard options.fetchConnections > 1, openingHelpers[name] == nil else { return }
        openingHelpers[name] = (1 ..< options.fetchConnections).map { _ in
            Task { await self.openHelper(name, uidValidity: uidValidity) }
        }
    }

    /// A helper connection with `name` examined (read-only), or nil when it cannot be had or the
    /// folder's UIDVALIDITY is not `uidValidity` (it only speeds a sync up).
    private func openHelper(_ name: MailboxName, uidValidity: UInt32) async -> IMAPConnection? {
        guard let extra = try? await connect() else { return nil }
        guard let selected = try? await extra.select(name, readOnly: true), selected.uidValidity == uidValidity else {
            await extra.logout()
            return nil
        }
        // The newest message's arrival date: nothing when the server has it cached; otherwise the
        // session's first look at a message file, which costs a Dovecot session its Maildir's
        // UID list (0.4-0.7 s for 100,000 messages), paid here while the newest page is fetched
        // rather than by the helper's first chunk.
        _ = try? await extra.fetch(SequenceSet(ranges: [UInt32.max ... UInt32.max]), items: [.uid, .internalDate]) { _ in }
        return extra
    }

    /// Logs out the helpers opened for a sync of `name` that did not use them (the rest turned out
    /// small, or the sync failed).
    private func closeUnusedHelpers(_ name: MailboxName) {
        guard let tasks = openingHelpers.removeValue(forKey: name) else { return }
        for task in tasks {
            Task { await task.value?.logout() }
        }
    }

    /// `set` cut into pieces of at most `size` UIDs, the newest first.
    static func chunks(_ set: SequenceSet, size: Int) -> [SequenceSet] {
        var result: [SequenceSet] = []
        var remaining = set
        while !remaining.isEmpty {
            let (next, older) = splitNewest(remaining, count: size)
            result.append(next)
            remaining = older
        }
        return result
    }

    /// The highest `count` UIDs of a set (an open end `n:*` counts as one range taken whole) and
    /// the rest.
    static func splitNewest(_ set: SequenceSet, count: Int) -> (newest: SequenceSet, rest: SequenceSet) {
        if set.containsStar { return (set, SequenceSet(ranges: [])) }
        var remaining = count
        var newest: [ClosedRange<UInt32>] = []
        var rest: [ClosedRange<UInt32>] = []
        for range in set.normalized().ranges.reversed() {
            if remaining == 0 {
                rest.insert(range, at: 0)
                continue
            }
            let size = Int(range.upperBound - range.lowerBound) + 1
            if size <= remaining {
                newest.insert(range, at: 0)
                remaining -= size
            } else {
                let cut = range.upperBound - UInt32(remaining) + 1
                newest.insert(cut ... range.upperBound, at: 0)
                rest.insert(range.lowerBound ... cut - 1, at: 0)
                remaining = 0
            }
        }
        return (SequenceSet(ranges: newest), SequenceSet(ranges: rest))
    }
}
