import Foundation
import IMAP
import MailCore

/// FETCH: message data in pipelined batches, and bodies streamed to a sink.
extension IMAPConnection {
    /// `UID FETCH` of `uids`, delivering messages in groups as they are parsed, so that
    /// 100,000 envelopes never sit in memory at once and the first ones are usable before the
    /// last arrive.
    ///
    /// With `batchSize`, the set is cut into UID ranges of at most that many UIDs (an open end
    /// `*` stops at UIDNEXT - 1), and up to `pipelineDepth` of those UID FETCH commands are in
    /// flight at once. A message shows up only for UIDs in `uids`; unsolicited FETCH responses
    /// (flag changes for other messages) go to ``events``.
    ///
    /// - Parameters:
    ///   - uids: The UIDs.
    ///   - items: What to fetch (UID is always added).
    ///   - changedSince: Only messages whose mod-sequence is higher (CONDSTORE).
    ///   - vanished: Also report expunged UIDs of the set (QRESYNC, with `changedSince`).
    ///   - batchSize: UIDs per command, or nil for one command.
    ///   - pipelineDepth: Commands in flight at once when batching.
    ///   - newestFirst: Send the batches of the highest UIDs first (each batch is still answered
    ///     in ascending order), so a message list fills from the top.
    ///   - handler: Called with each group of messages, in order; the next group is parsed only
    ///     after it returns.
    /// - Returns: The UIDs reported vanished and the number of messages delivered.
    /// - Throws: ``IMAPUsageError`` (no mailbox selected, empty set, VANISHED without QRESYNC),
    ///   ``IMAPCommandError``, ``IMAPConnectionLost``, `SectionTooLarge`, what `handler` throws.
    @discardableResult
    public func fetch(_ uids: SequenceSet, items: [FetchAttribute], changedSince: UInt64? = nil, vanished: Bool = false,
                      batchSize: Int? = nil, pipelineDepth: Int = 4, newestFirst: Bool = false,
                      handler: @escaping @Sendable ([FetchedMessage]) async throws -> Void) async throws -> FetchOutcome {
        guard !uids.isEmpty else { throw IMAPUsageError(.invalidArgument("an empty UID set")) }
        guard batchSize.map({ $0 > 0 }) ?? true, pipelineDepth > 0 else {
            throw IMAPUsageError(.invalidArgument("batch size and pipeline depth must be positive"))
        }
        return try await serialized {
            let selected = try self.requireSelected()
            if vanished {
                guard self.client.enabled.contains(.qresync) else { throw IMAPUsageError(.unsupported(.qresync)) }
                guard changedSince != nil else {
                    throw IMAPUsageError(.invalidArgument("VANISHED needs CHANGEDSINCE (RFC 7162 §3.2.6)"))
                }
            }
            if changedSince != nil, !self.client.capabilities.contains(.condStore) {
                throw IMAPUsageError(.unsupported(.condStore))
            }
            var batches = [uids]
            if let batchSize {
                let largest = selected.uidNext.map { $0 > 1 ? $0 - 1 : 1 } ?? UInt32.max
                if !uids.containsStar || selected.uidNext != nil {
                    batches = uids.batches(maximumCount: batchSize, largest: largest)
                    if newestFirst { batches.reverse() }
                    if batches.isEmpty { return FetchOutcome(vanished: SequenceSet(ranges: []), messageCount: 0) }
                }
            }
            let fetchItems = items.contains(.uid) ? items : [.uid] + items
            let modifiers = FetchModifiers(changedSince: changedSince, vanished: vanished)
            return try await self.runFetch(batches.map { .fetch($0, fetchItems, uid: true, modifiers: modifiers) },
                                           accepts: { uid, _ in uid.map { uids.contains($0.value) } ?? false },
                                           pipelineDepth: pipelineDepth, handler: handler)
        }
    }

    /// `FETCH` by sequence numbers (the newest 50 of a mailbox are `count-49...count`).
    ///
    /// - Parameters:
    ///   - sequenceNumbers: The message numbers.
    ///   - items: What to fetch.
    ///   - handler: Called with each group of messages, in order.
    @discardableResult
    public func fetch(sequenceNumbers: SequenceSet, items: [FetchAttribute],
                      handler: @escaping @Sendable ([FetchedMessage]) async throws -> Void) async throws -> FetchOutcome {
        guard !sequenceNumbers.isEmpty else { throw IMAPUsageError(.invalidArgument("an empty sequence set")) }
        return try await serialized {
            _ = try self.requireSelected()
            let wanted = items.filter { $0 != .uid && $0 != .flags && $0 != .modSeq }
            return try await self.runFetch([.fetch(sequenceNumbers, items, uid: false)], accepts: { _, message in
                // Unsolicited FETCHes carry only FLAGS, UID and MODSEQ.
                sequenceNumbers.contains(message.sequenceNumber)
                    && (wanted.isEmpty || message.envelope != nil || message.size != nil || message.internalDate != nil
                        || message.bodyStructure != nil || !message.sections.isEmpty)
            }, pipelineDepth: 1, handler: handler)
        }
    }

    /// ``fetch(_:items:changedSince:vanished:batchSize:pipelineDepth:newestFirst:handler:)`` gathered into
    /// one array (for small sets).
    public func fetchAll(_ uids: SequenceSet, items: [FetchAttribute], changedSince: UInt64? = nil) async throws
        -> [FetchedMessage]
    {
        let collector = FetchedMessagesCollector()
        try await fetch(uids, items: items, changedSince: changedSince) { collector.append($0) }
        return collector.messages
    }

    /// Runs FETCH commands, `pipelineDepth` at a time, delivering accepted messages in groups.
    private func runFetch(_ commands: [Command], accepts: @escaping (UID?, FetchedMessage) -> Bool, pipelineDepth: Int,
                          handler: @escaping @Sendable ([FetchedMessage]) async throws -> Void) async throws -> FetchOutcome {
        var group: [FetchedMessage] = []
        var delivered = 0
        var vanished: [ClosedRange<UInt32>] = []
        let claim: Claim = { routed in
            switch routed {
            case .message(let message):
                guard accepts(message.uid, message) else { return false }
                group.append(message)
                if group.count >= 512 {
                    let full = group
                    group = []
                    delivered += full.count
                    try await handler(full)
                }
                return true
            case .untagged(.vanished(let uids, true)):
                vanished += uids.ranges
                return true
            default:
                return false
            }
        }
        let flush: () async throws -> Void = {
            guard !group.isEmpty else { return }
            let ready = group
            group = []
            delivered += ready.count
            try await handler(ready)
        }
        var pending: [String] = []
        var next = 0
        var firstError: Error?
        while next < commands.count || !pending.isEmpty {
            while firstError == nil, pending.count < pipelineDepth, next < commands.count {
                pending.append(try await start(commands[next], claim: claim))
                next += 1
            }
            if pending.isEmpty { break }
            let oldest = pending.removeFirst()
            do {
                try await pump(claim: claim, bodySink: nil, flush: flush) { self.completions[oldest] != nil }
            } catch let error as IMAPConnectionLost {
                // Hand over what arrived before the connection ended, then report the end.
                try? await flush()
                throw error
            }
            do {
                _ = try takeCompletion(oldest)
            } catch {
                // Let the commands already sent finish, then report the first failure.
                if firstError == nil { firstError = error }
            }
        }
        try await flush()
        if let firstError { throw firstError }
        return FetchOutcome(vanished: SequenceSet(ranges: vanished).normalized(), messageCount: delivered)
    }

    /// Streams one body section of a message to `sink` as it arrives (a 20 MB message never
    /// sits in memory); the next bytes are read only after `sink` returns.
    ///
    /// - Parameters:
    ///   - uid: The message.
    ///   - section: Which part (default: the whole message).
    ///   - peek: True to leave `\Seen` alone (BODY.PEEK).
    ///   - partial: Only these bytes.
    ///   - sink: Receives the bytes in order.
    /// - Returns: The number of bytes delivered, or nil when the server has no such message
    ///   (it was expunged).
    /// - Throws: What `sink` throws (the connection is then closed: the rest is still on the
    ///   wire), or the errors of any command.
    @discardableResult
    public func fetchBody(uid: UID, section: SectionSpecifier = .complete, peek: Bool = true,
                          partial: FetchAttribute.Partial? = nil,
                          into sink: @escaping @Sendable (ArraySlice<UInt8>) async throws -> Void) async throws -> Int? {
        try await serialized {
            _ = try self.requireSelected()
            var found = false
            var total = 0
            let bodySink: BodySink = { bytes in
                total += bytes.count
                try await sink(bytes)
            }
            let claim: Claim = { routed in
                guard case .message(let message) = routed, message.uid == uid else { return false }
                found = true
                return true
            }
            try await self.execute(.fetch(SequenceSet(uid.value...uid.value), [.uid, .body(section, peek: peek, partial: partial)]),
                                   claim: claim, bodySink: bodySink)
            return found ? total : nil
        }
    }

    /// A whole message (BODY.PEEK[]), or nil when the server has no such message.
    public func fetchMessage(uid: UID) async throws -> [UInt8]? {
        let collector = FetchedBytesCollector()
        guard try await fetchBody(uid: uid, into: { collector.append($0) }) != nil else { return nil }
        return collector.bytes
    }

    /// A body section written straight to an open file descriptor (a Maildir `tmp/` file).
    /// The caller owns the descriptor: it fsyncs and closes it.
    ///
    /// - Returns: The number of bytes written, or nil when there is no such message.
    @discardableResult
    public func fetchBody(uid: UID, section: SectionSpecifier = .complete,
                          toFileDescriptor fileDescriptor: Int32) async throws -> Int? {
        let writer = FileDescriptorWriter(fileDescriptor: fileDescriptor)
        return try await fetchBody(uid: uid, section: section) { try writer.write($0) }
    }
}

/// Messages gathered from a `@Sendable` handler.
final class FetchedMessagesCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [FetchedMessage] = []

    func append(_ group: [FetchedMessage]) {
        lock.withLock { stored += group }
    }

    var messages: [FetchedMessage] { lock.withLock { stored } }
}

/// Bytes gathered from a `@Sendable` sink.
final class FetchedBytesCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [UInt8] = []

    func append(_ piece: ArraySlice<UInt8>) {
        lock.withLock { stored += piece }
    }

    var bytes: [UInt8] { lock.withLock { stored } }
}
