/// An IMAP command (RFC 9051 §6 and the extensions tern uses), without its tag.
///
/// ```
/// C: A7 UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 12345 VANISHED)
/// ```
///
/// Commands that carry credentials (LOGIN, AUTHENTICATE) are built by ``IMAPClient`` from
/// ``IMAPCredentials``; their trace form hides the secret.
public enum Command: Hashable, Sendable {
    /// `CAPABILITY`.
    case capability
    /// `NOOP`: lets the server send pending updates.
    case noop
    /// `LOGOUT`.
    case logout
    /// `STARTTLS` (RFC 9051 §6.2.1).
    case startTLS
    /// `COMPRESS DEFLATE` (RFC 4978): after the OK, both directions are DEFLATE streams.
    case compressDeflate
    /// `LOGIN user password` (RFC 9051 §6.2.3).
    case login(username: String, password: String)
    /// `AUTHENTICATE mechanism [initial-response]` (RFC 9051 §6.2.2, RFC 4959): the response is
    /// base64 text, `=` for an empty one.
    case authenticate(mechanism: String, initialResponse: String?)
    /// `ID (...)` (RFC 2971).
    case id(IDParameters?)
    /// `ENABLE ...` (RFC 5161).
    case enable([Capability])
    /// `NAMESPACE` (RFC 2342).
    case namespace
    /// `LIST [(selection)] reference (patterns) [RETURN (options)]` (RFC 9051 §6.3.9, RFC 5258,
    /// RFC 6154, RFC 5819).
    case list(reference: MailboxName, patterns: [MailboxName], selection: [ListSelectOption] = [],
              returning: [ListReturnOption] = [])
    /// `LSUB reference pattern` (IMAP4rev1).
    case lsub(reference: MailboxName, pattern: MailboxName)
    /// `STATUS mailbox (items)`.
    case status(MailboxName, [StatusAttribute])
    /// `SELECT mailbox [(CONDSTORE / QRESYNC (...))]`.
    case select(MailboxName, SelectParameters = SelectParameters())
    /// `EXAMINE mailbox [...]`: SELECT read-only.
    case examine(MailboxName, SelectParameters = SelectParameters())
    /// `CREATE mailbox [(USE (attributes))]` (RFC 6154 §3 for the special use).
    case create(MailboxName, specialUse: [MailboxAttribute] = [])
    /// `DELETE mailbox`.
    case delete(MailboxName)
    /// `RENAME from to`.
    case rename(from: MailboxName, to: MailboxName)
    /// `SUBSCRIBE mailbox`.
    case subscribe(MailboxName)
    /// `UNSUBSCRIBE mailbox`.
    case unsubscribe(MailboxName)
    /// `CLOSE`: expunges `\Deleted` messages and leaves the mailbox.
    case close
    /// `UNSELECT` (RFC 3691): leaves the mailbox without expunging.
    case unselect
    /// `EXPUNGE`: removes every `\Deleted` message of the mailbox.
    case expunge
    /// `UID EXPUNGE uids` (RFC 4315): removes only these `\Deleted` messages.
    case uidExpunge(SequenceSet)
    /// `APPEND mailbox [(flags)] [date] literal`.
    case append(MailboxName, flags: [MessageFlag] = [], date: InternalDate? = nil, message: [UInt8])
    /// `FETCH` (`uid` false) or `UID FETCH` (`uid` true).
    case fetch(SequenceSet, [FetchAttribute], uid: Bool = true, modifiers: FetchModifiers = FetchModifiers())
    /// `STORE` or `UID STORE`.
    case store(SequenceSet, StoreAction, uid: Bool = true, unchangedSince: UInt64? = nil)
    /// `COPY` or `UID COPY`.
    case copy(SequenceSet, to: MailboxName, uid: Bool = true)
    /// `MOVE` or `UID MOVE` (RFC 6851).
    case move(SequenceSet, to: MailboxName, uid: Bool = true)
    /// `SEARCH` or `UID SEARCH`, with `RETURN (...)` when `returning` is not nil (RFC 4731).
    case search(SearchKey, uid: Bool = true, returning: [SearchReturnOption]? = nil)
    /// `IDLE` (RFC 2177); ended by `DONE`.
    case idle
}

/// A selection option of LIST-EXTENDED (RFC 5258 §3.1).
public enum ListSelectOption: String, Hashable, Sendable {
    /// `SUBSCRIBED`: only subscribed mailboxes.
    case subscribed = "SUBSCRIBED"
    /// `REMOTE`.
    case remote = "REMOTE"
    /// `RECURSIVEMATCH`.
    case recursiveMatch = "RECURSIVEMATCH"
    /// `SPECIAL-USE`: only mailboxes with a special use (RFC 6154).
    case specialUse = "SPECIAL-USE"
}

/// A return option of LIST-EXTENDED (RFC 5258 §3.2, RFC 6154, RFC 5819).
public enum ListReturnOption: Hashable, Sendable {
    /// `SUBSCRIBED`: mark subscribed mailboxes.
    case subscribed
    /// `CHILDREN`: give \HasChildren / \HasNoChildren.
    case children
    /// `SPECIAL-USE`: give special-use attributes.
    case specialUse
    /// `STATUS (...)`: a STATUS answer for each selectable mailbox (LIST-STATUS).
    case status([StatusAttribute])
}

/// The parameters of SELECT and EXAMINE (RFC 7162 §3.1.8 and §3.2.5).
public struct SelectParameters: Hashable, Sendable {
    /// `(CONDSTORE)`: enable CONDSTORE and get HIGHESTMODSEQ.
    public var condStore: Bool
    /// `(QRESYNC (...))`: what the client knows, so the server can say what changed.
    public var qresync: QResyncParameters?

    /// Parameters; none by default.
    public init(condStore: Bool = false, qresync: QResyncParameters? = nil) {
        self.condStore = condStore
        self.qresync = qresync
    }
}

/// What a client remembers of a mailbox, for a quick resynchronisation (RFC 7162 §3.2.5).
public struct QResyncParameters: Hashable, Sendable {
    /// The UIDVALIDITY the client's cache belongs to.
    public var uidValidity: UInt32
    /// The HIGHESTMODSEQ the cache is up to date with.
    public var modSeq: UInt64
    /// The UIDs the client knows, or nil for all.
    public var knownUIDs: SequenceSet?
    /// Some sequence numbers and their UIDs, to let the server find expunges cheaply.
    public var sequenceMatch: (sequenceNumbers: SequenceSet, uids: SequenceSet)?

    /// Parameters from what the cache holds.
    public init(uidValidity: UInt32, modSeq: UInt64, knownUIDs: SequenceSet? = nil,
                sequenceMatch: (sequenceNumbers: SequenceSet, uids: SequenceSet)? = nil) {
        self.uidValidity = uidValidity
        self.modSeq = modSeq
        self.knownUIDs = knownUIDs
        self.sequenceMatch = sequenceMatch
    }

    public static func == (lhs: QResyncParameters, rhs: QResyncParameters) -> Bool {
        lhs.uidValidity == rhs.uidValidity && lhs.modSeq == rhs.modSeq && lhs.knownUIDs == rhs.knownUIDs
            && lhs.sequenceMatch?.sequenceNumbers == rhs.sequenceMatch?.sequenceNumbers
            && lhs.sequenceMatch?.uids == rhs.sequenceMatch?.uids
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(uidValidity)
        hasher.combine(modSeq)
        hasher.combine(knownUIDs)
    }
}

/// The modifiers of FETCH (RFC 7162 §3.1.4 and §3.2.6).
public struct FetchModifiers: Hashable, Sendable {
    /// `CHANGEDSINCE modseq`: only messages changed since.
    public var changedSince: UInt64?
    /// `VANISHED`: also report expunged UIDs of the set (needs QRESYNC and CHANGEDSINCE).
    public var vanished: Bool

    /// Modifiers; none by default.
    public init(changedSince: UInt64? = nil, vanished: Bool = false) {
        self.changedSince = changedSince
        self.vanished = vanished
    }
}

/// What STORE does to the flags (RFC 9051 §6.4.6).
public struct StoreAction: Hashable, Sendable {
    /// Add, remove or replace.
    public enum Operation: Hashable, Sendable {
        /// `+FLAGS`.
        case add
        /// `-FLAGS`.
        case remove
        /// `FLAGS`.
        case replace
    }

    /// Add, remove or replace.
    public var operation: Operation
    /// The flags.
    public var flags: [MessageFlag]
    /// `.SILENT`: the server does not answer with the new flags.
    public var silent: Bool

    /// An action from its parts.
    public init(_ operation: Operation, _ flags: [MessageFlag], silent: Bool = true) {
        self.operation = operation
        self.flags = flags
        self.silent = silent
    }
}

/// A return option of ESEARCH (RFC 4731 §3.1).
public enum SearchReturnOption: String, Hashable, Sendable {
    /// `MIN`.
    case min = "MIN"
    /// `MAX`.
    case max = "MAX"
    /// `COUNT`.
    case count = "COUNT"
    /// `ALL`.
    case all = "ALL"
}
