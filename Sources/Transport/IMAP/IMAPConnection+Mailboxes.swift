import IMAP
import MailCore

/// Mailbox commands: LIST, STATUS, SELECT, EXAMINE, CREATE, DELETE, RENAME, SUBSCRIBE, ENABLE.
extension IMAPConnection {
    /// The wire name of a mailbox given as text (`Archive/2024`, `Entwürfe`).
    public func mailboxName(_ name: String) -> MailboxName {
        MailboxName(name, utf8: isUTF8Enabled)
    }

    /// The wire name of a path, with the delimiter the server uses (from LIST; `/` if unknown).
    public func mailboxName(_ path: MailboxPath, delimiter: Character? = "/") -> MailboxName {
        MailboxName(path: path, delimiter: delimiter, utf8: isUTF8Enabled)
    }

    /// `ENABLE` (RFC 5161): turns on extensions such as CONDSTORE, QRESYNC and UTF8=ACCEPT.
    ///
    /// - Returns: Every extension enabled in this session so far.
    /// - Throws: ``IMAPUsageError`` when the server lacks ENABLE.
    @discardableResult
    public func enable(_ extensions: [Capability]) async throws -> Set<Capability> {
        try await serialized {
            try self.require(.enable)
            let wanted = extensions.filter { self.client.capabilities.contains($0) && !self.client.enabled.contains($0) }
            if !wanted.isEmpty { try await self.execute(.enable(wanted)) }
            return self.client.enabled
        }
    }

    /// `ID` (RFC 2971) with other parameters than the settings gave.
    public func id(_ parameters: IDParameters?) async throws -> IDParameters? {
        try await serialized {
            try self.require(.id)
            return try await self.identify(parameters ?? IDParameters([]))
        }
    }

    /// `NAMESPACE` (RFC 2342): where personal and shared mailboxes live.
    public func namespace() async throws -> NamespaceResponse? {
        try await serialized {
            try self.require(.namespace)
            var answer: NamespaceResponse?
            try await self.execute(.namespace) { routed in
                guard case .untagged(.namespace(let value)) = routed else { return false }
                answer = value
                return true
            }
            return answer
        }
    }

    /// The mailboxes matching `pattern`, with their special-use roles, and STATUS counts when
    /// `status` is given (in the same LIST with LIST-STATUS, else with pipelined STATUS
    /// commands).
    ///
    /// - Parameters:
    ///   - reference: The LIST reference (usually empty).
    ///   - pattern: `*` for all, `%` for one level.
    ///   - subscribedOnly: Only subscribed mailboxes (LIST (SUBSCRIBED), or LSUB).
    ///   - status: STATUS items to ask for each selectable mailbox, or nil.
    public func list(reference: String = "", pattern: String = "*", subscribedOnly: Bool = false,
                     status: [StatusAttribute]? = nil) async throws -> [MailboxInfo] {
        try await serialized {
            let capabilities = self.client.capabilities
            let extended = capabilities.contains(.listExtended)
            // RETURN options need LIST-EXTENDED (RFC 5258); without it, a SPECIAL-USE server still
            // puts the special-use attributes in plain LIST answers (RFC 6154 §2).
            var returning: [ListReturnOption] = []
            if extended, capabilities.contains(.specialUse) { returning.append(.specialUse) }
            let listStatus = extended && capabilities.contains(.listStatus)
            if let status, !status.isEmpty, listStatus { returning.append(.status(status)) }
            var entries: [MailboxListEntry] = []
            var statuses: [MailboxName: MailboxStatus] = [:]
            let claim: Claim = { routed in
                switch routed {
                case .untagged(.list(let entry)), .untagged(.lsub(let entry)):
                    entries.append(entry)
                    return true
                case .untagged(.status(let name, let value)):
                    statuses[name] = value
                    return true
                default:
                    return false
                }
            }
            let referenceName = self.mailboxName(reference)
            let patternName = self.mailboxName(pattern)
            if subscribedOnly && !extended {
                try await self.execute(.lsub(reference: referenceName, pattern: patternName), claim: claim)
            } else {
                try await self.execute(.list(reference: referenceName, patterns: [patternName],
                                             selection: subscribedOnly ? [.subscribed] : [], returning: returning),
                                       claim: claim)
            }
            if let status, !status.isEmpty, !listStatus {
                let names = entries.filter(\.isSelectable).map(\.name)
                try await self.pipelinedStatus(names, items: status, into: &statuses)
            }
            let utf8 = self.isUTF8Enabled
            return entries.map { entry in
                MailboxInfo(name: entry.name, path: entry.name.path(delimiter: entry.delimiter, utf8: utf8),
                            delimiter: entry.delimiter, attributes: entry.attributes, role: entry.role,
                            status: statuses[entry.name])
            }
        }
    }

    /// STATUS for many mailboxes, several in flight at once.
    private func pipelinedStatus(_ names: [MailboxName], items: [StatusAttribute],
                                 into statuses: inout [MailboxName: MailboxStatus]) async throws {
        var collected: [MailboxName: MailboxStatus] = [:]
        let claim: Claim = { routed in
            guard case .untagged(.status(let name, let value)) = routed else { return false }
            collected[name] = value
            return true
        }
        var pending: [String] = []
        var next = 0
        while next < names.count || !pending.isEmpty {
            while pending.count < 8, next < names.count {
                pending.append(try await start(.status(names[next], items), claim: claim))
                next += 1
            }
            let oldest = pending.removeFirst()
            try await pump(claim: claim, bodySink: nil, flush: {}) { self.completions[oldest] != nil }
            // A mailbox that cannot be asked (NO) simply has no counts.
            _ = try? takeCompletion(oldest)
        }
        statuses.merge(collected) { _, new in new }
    }

    /// `STATUS mailbox (items)`.
    public func status(_ mailbox: MailboxName, items: [StatusAttribute] = StatusAttribute.counts) async throws -> MailboxStatus {
        try await serialized {
            var answer = MailboxStatus()
            try await self.execute(.status(mailbox, items)) { routed in
                guard case .untagged(.status(let name, let value)) = routed, name == mailbox else { return false }
                answer = value
                return true
            }
            return answer
        }
    }

    /// `SELECT` (or `EXAMINE` when `readOnly`), with CONDSTORE or QRESYNC parameters.
    ///
    /// With `qresync`, QRESYNC is enabled first if needed, and the answer carries the UIDs
    /// expunged and the messages changed since the given mod-sequence (RFC 7162 §3.2.5).
    ///
    /// - Throws: ``IMAPCommandError`` (no such mailbox...), ``IMAPUsageError`` when QRESYNC is
    ///   asked of a server without it.
    public func select(_ mailbox: MailboxName, readOnly: Bool = false, condStore: Bool = false,
                       qresync: QResyncParameters? = nil) async throws -> SelectedMailbox {
        try await serialized {
            if qresync != nil, !self.client.enabled.contains(.qresync) {
                try self.require(.qresync)
                try self.require(.enable)
                try await self.execute(.enable([.qresync]))
            }
            if condStore { try self.require(.condStore) }
            var selected = SelectedMailbox(name: mailbox, isReadOnly: readOnly)
            var vanished: [ClosedRange<UInt32>] = []
            self.selectedMailbox = nil
            let claim: Claim = { routed in
                switch routed {
                case .untagged(.exists(let count)): selected.messageCount = Int(count)
                case .untagged(.recent(let count)): selected.recentCount = Int(count)
                case .untagged(.flags(let flags)): selected.flags = flags
                case .untagged(.vanished(let uids, true)): vanished += uids.ranges
                case .untagged(.condition(.ok, let text)):
                    switch text.code {
                    case .uidValidity(let value)?: selected.uidValidity = value
                    case .uidNext(let value)?: selected.uidNext = value
                    case .highestModSeq(let value)?: selected.highestModSeq = value
                    case .noModSeq?: selected.noModSeq = true
                    case .permanentFlags(let flags)?: selected.permanentFlags = flags
                    case .unseen(let number)?: selected.firstUnseen = number
                    default: return false
                    }
                case .message(let message): selected.changed.append(message)
                default: return false
                }
                return true
            }
            let parameters = SelectParameters(condStore: condStore && qresync == nil, qresync: qresync)
            let response = try await self.execute(readOnly ? .examine(mailbox, parameters) : .select(mailbox, parameters),
                                                  claim: claim)
            if response.text.code == .readOnly { selected.isReadOnly = true }
            selected.vanished = SequenceSet(ranges: vanished).normalized()
            self.selectedMailbox = selected
            return selected
        }
    }

    /// `CLOSE`: expunges the `\Deleted` messages and leaves the mailbox.
    public func closeMailbox() async throws {
        try await serialized {
            _ = try self.requireSelected()
            try await self.execute(.close)
            self.selectedMailbox = nil
        }
    }

    /// `UNSELECT` (RFC 3691): leaves the mailbox without expunging.
    public func unselect() async throws {
        try await serialized {
            _ = try self.requireSelected()
            try self.require(.unselect)
            try await self.execute(.unselect)
            self.selectedMailbox = nil
        }
    }

    /// `CREATE`, with a special use when the server supports CREATE-SPECIAL-USE.
    public func create(_ mailbox: MailboxName, specialUse: MailboxAttribute? = nil) async throws {
        try await serialized {
            var uses: [MailboxAttribute] = []
            if let specialUse {
                try self.require(.createSpecialUse)
                uses = [specialUse]
            }
            try await self.execute(.create(mailbox, specialUse: uses))
        }
    }

    /// `DELETE`.
    public func delete(_ mailbox: MailboxName) async throws {
        try await serialized { try await self.execute(.delete(mailbox)) }
    }

    /// `RENAME`.
    public func rename(_ mailbox: MailboxName, to newName: MailboxName) async throws {
        try await serialized { try await self.execute(.rename(from: mailbox, to: newName)) }
    }

    /// `SUBSCRIBE`.
    public func subscribe(_ mailbox: MailboxName) async throws {
        try await serialized { try await self.execute(.subscribe(mailbox)) }
    }

    /// `UNSUBSCRIBE`.
    public func unsubscribe(_ mailbox: MailboxName) async throws {
        try await serialized { try await self.execute(.unsubscribe(mailbox)) }
    }

    /// `NOOP`: gives the server a chance to report changes (they arrive on ``events``) and
    /// checks that it still answers.
    public func noop() async throws {
        try await serialized { try await self.execute(.noop) }
    }

    /// `CAPABILITY` again.
    @discardableResult
    public func refreshCapabilities() async throws -> Set<Capability> {
        try await serialized {
            try await self.askCapabilities()
            return self.client.capabilities
        }
    }
}
