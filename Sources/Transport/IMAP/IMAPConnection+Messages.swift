import Foundation
import IMAP
import MailCore

/// Changing messages: STORE, COPY, MOVE, EXPUNGE, APPEND; and SEARCH.
extension IMAPConnection {
    /// `UID STORE`: adds, removes or replaces flags.
    ///
    /// - Parameters:
    ///   - uids: The messages.
    ///   - operation: Add, remove or replace.
    ///   - flags: The flags (system flags or atom keywords).
    ///   - silent: True not to be told the new flags (`.SILENT`).
    ///   - unchangedSince: Store only where the mod-sequence is not higher (CONDSTORE); the
    ///     others come back in ``StoreResult/modified``.
    public func store(_ uids: SequenceSet, _ operation: StoreAction.Operation, flags: [MessageFlag], silent: Bool = true,
                      unchangedSince: UInt64? = nil) async throws -> StoreResult {
        guard !uids.isEmpty else { throw IMAPUsageError(.invalidArgument("an empty UID set")) }
        if let bad = flags.first(where: { !$0.isValidForStore }) {
            throw IMAPUsageError(.invalidArgument("\"\(bad.name)\" is not a flag that can be stored"))
        }
        return try await serialized {
            let selected = try self.requireSelected()
            if selected.isReadOnly { throw IMAPUsageError(.invalidArgument("the folder is selected read-only")) }
            if unchangedSince != nil { try self.require(.condStore) }
            var updated: [FetchedMessage] = []
            let response = try await self.execute(
                .store(uids, StoreAction(operation, flags, silent: silent), uid: true, unchangedSince: unchangedSince)
            ) { routed in
                guard case .message(let message) = routed, let uid = message.uid, uids.contains(uid.value) else { return false }
                updated.append(message)
                return true
            }
            var modified: SequenceSet?
            if case .modified(let set)? = response.text.code { modified = set }
            return StoreResult(updated: updated, modified: modified)
        }
    }

    /// `UID STORE` with flags of tern's model.
    public func store(_ uids: SequenceSet, _ operation: StoreAction.Operation, flags: Set<Flag>) async throws -> StoreResult {
        try await store(uids, operation, flags: flags.sorted().map(MessageFlag.init))
    }

    /// `UID COPY` to another mailbox.
    ///
    /// - Returns: Where the copies went, when the server says (UIDPLUS).
    @discardableResult
    public func copy(_ uids: SequenceSet, to mailbox: MailboxName) async throws -> CopyResult? {
        guard !uids.isEmpty else { throw IMAPUsageError(.invalidArgument("an empty UID set")) }
        return try await serialized {
            _ = try self.requireSelected()
            return try await self.copyUnserialized(uids, to: mailbox)
        }
    }

    private func copyUnserialized(_ uids: SequenceSet, to mailbox: MailboxName) async throws -> CopyResult? {
        let response = try await execute(.copy(uids, to: mailbox))
        if case .copyUID(let validity, let source, let destination)? = response.text.code {
            return CopyResult(uidValidity: validity, source: source, destination: destination)
        }
        return nil
    }

    /// Moves messages to another mailbox: `UID MOVE` (RFC 6851) when offered; else UID COPY,
    /// `\Deleted`, and UID EXPUNGE of just these UIDs (UIDPLUS), or, without UIDPLUS, EXPUNGE
    /// with the `\Deleted` flag of other messages lifted for the moment so that only these go.
    ///
    /// - Returns: Where the messages went, when the server says (UIDPLUS).
    @discardableResult
    public func move(_ uids: SequenceSet, to mailbox: MailboxName) async throws -> CopyResult? {
        guard !uids.isEmpty else { throw IMAPUsageError(.invalidArgument("an empty UID set")) }
        return try await serialized {
            let selected = try self.requireSelected()
            if self.client.capabilities.contains(.move) {
                var result: CopyResult?
                let response = try await self.execute(.move(uids, to: mailbox)) { routed in
                    switch routed {
                    case .untagged(.condition(.ok, let text)):
                        if case .copyUID(let validity, let source, let destination)? = text.code {
                            result = CopyResult(uidValidity: validity, source: source, destination: destination)
                            return true
                        }
                        return false
                    case .untagged(.expunge), .untagged(.vanished(_, false)):
                        return true
                    default:
                        return false
                    }
                }
                if result == nil, case .copyUID(let validity, let source, let destination)? = response.text.code {
                    result = CopyResult(uidValidity: validity, source: source, destination: destination)
                }
                return result
            }
            if selected.isReadOnly { throw IMAPUsageError(.invalidArgument("the folder is selected read-only")) }
            let result = try await self.copyUnserialized(uids, to: mailbox)
            _ = try await self.expungeUnserialized(uids)
            return result
        }
    }

    /// Removes messages for good. With `uids`, only those (UID EXPUNGE with UIDPLUS; without
    /// it, other `\Deleted` messages are protected as ``move(_:to:)`` does); without, every
    /// message flagged `\Deleted` (EXPUNGE).
    ///
    /// - Parameter uids: The messages to remove (they get `\Deleted` first), or nil.
    @discardableResult
    public func expunge(_ uids: SequenceSet? = nil) async throws -> ExpungeResult {
        if let uids, uids.isEmpty { throw IMAPUsageError(.invalidArgument("an empty UID set")) }
        return try await serialized {
            let selected = try self.requireSelected()
            if selected.isReadOnly { throw IMAPUsageError(.invalidArgument("the folder is selected read-only")) }
            if let uids { return try await self.expungeUnserialized(uids) }
            return try await self.runExpunge(.expunge)
        }
    }

    /// Flags `uids` `\Deleted` and expunges exactly them.
    private func expungeUnserialized(_ uids: SequenceSet) async throws -> ExpungeResult {
        try await execute(.store(uids, StoreAction(.add, [.deleted]), uid: true)) { routed in
            if case .message = routed { return true }
            return false
        }
        if client.capabilities.contains(.uidPlus) { return try await runExpunge(.uidExpunge(uids)) }
        // No UID EXPUNGE: lift \Deleted from the other messages that have it, expunge, put it back.
        var others: [UInt32] = []
        try await execute(.search(.and([.deleted, .not(.uid(uids))]), uid: true)) { routed in
            if case .untagged(.search(let numbers, _)) = routed {
                others += numbers
                return true
            }
            return false
        }
        let protected = SequenceSet(others)
        if !protected.isEmpty {
            try await execute(.store(protected, StoreAction(.remove, [.deleted]), uid: true)) { routed in
                if case .message = routed { return true }
                return false
            }
        }
        let result = try await runExpunge(.expunge)
        if !protected.isEmpty {
            try await execute(.store(protected, StoreAction(.add, [.deleted]), uid: true)) { routed in
                if case .message = routed { return true }
                return false
            }
        }
        return result
    }

    private func runExpunge(_ command: Command) async throws -> ExpungeResult {
        var numbers: [UInt32] = []
        var vanished: [ClosedRange<UInt32>] = []
        try await execute(command) { routed in
            switch routed {
            case .untagged(.expunge(let number)): numbers.append(number)
            case .untagged(.vanished(let uids, false)): vanished += uids.ranges
            default: return false
            }
            return true
        }
        return ExpungeResult(expungedSequenceNumbers: numbers, vanished: SequenceSet(ranges: vanished).normalized())
    }

    /// `APPEND`: stores a complete message (CRLF line endings, as IMAP requires) in a mailbox.
    ///
    /// - Parameters:
    ///   - message: The message bytes.
    ///   - mailbox: Where.
    ///   - flags: Its flags (`\Seen` for a Sent copy, `\Draft` for a draft).
    ///   - date: Its internal date (default: the server's now).
    /// - Returns: Its UID, when the server says (UIDPLUS).
    @discardableResult
    public func append(_ message: [UInt8], to mailbox: MailboxName, flags: [MessageFlag] = [],
                       date: InternalDate? = nil) async throws -> AppendResult? {
        if let bad = flags.first(where: { !$0.isValidForStore }) {
            throw IMAPUsageError(.invalidArgument("\"\(bad.name)\" is not a flag that can be stored"))
        }
        return try await serialized {
            if message.contains(0) {
                guard self.client.capabilities.contains(.binary) else {
                    throw IMAPUsageError(.invalidArgument("the message holds NUL bytes and the server lacks BINARY"))
                }
            }
            let response = try await self.execute(.append(mailbox, flags: flags, date: date, message: message))
            if case .appendUID(let validity, let uids)? = response.text.code, let uid = uids.ranges.first?.lowerBound {
                return AppendResult(uidValidity: validity, uid: UID(uid))
            }
            return nil
        }
    }

    /// `APPEND` with flags of tern's model and a `Date`.
    @discardableResult
    public func append(_ message: [UInt8], to mailbox: MailboxName, flags: Set<Flag>, date: Date?) async throws
        -> AppendResult?
    {
        try await append(message, to: mailbox, flags: flags.sorted().map(MessageFlag.init),
                         date: date.map { InternalDate($0) })
    }

    /// `UID SEARCH`: the UIDs of the messages matching `key`, as compact ranges (ESEARCH when
    /// the server offers it, so 100,000 matches cost a few bytes).
    public func search(_ key: SearchKey) async throws -> SearchResult {
        try await serialized {
            _ = try self.requireSelected()
            var numbers: [UInt32] = []
            var esearch: ESearchResponse?
            var modSeq: UInt64?
            let useESearch = self.client.capabilities.contains(.esearch) || self.client.capabilities.contains(.imap4rev2)
            try await self.execute(.search(key, uid: true, returning: useESearch ? [.all, .count] : nil)) { routed in
                switch routed {
                case .untagged(.search(let found, let highest)):
                    numbers += found
                    modSeq = highest ?? modSeq
                case .untagged(.esearch(let response)):
                    esearch = response
                default:
                    return false
                }
                return true
            }
            if let esearch {
                let all = esearch.all ?? SequenceSet(ranges: [])
                return SearchResult(matches: all, count: esearch.count ?? all.count, modSeq: esearch.modSeq)
            }
            let set = SequenceSet(numbers)
            return SearchResult(matches: set, count: Set(numbers).count, modSeq: modSeq)
        }
    }
}
