import IMAP
import MailCore

/// What SELECT or EXAMINE said about a mailbox (RFC 9051 §6.3.2, RFC 7162 §3.2.5), kept up to
/// date while it stays selected (EXISTS, EXPUNGE and VANISHED change ``messageCount``).
public struct SelectedMailbox: Hashable, Sendable {
    /// The mailbox.
    public var name: MailboxName
    /// True when selected with EXAMINE or the server said READ-ONLY.
    public var isReadOnly: Bool
    /// `UIDVALIDITY`: if it differs from the cache's, every cached UID is void.
    public var uidValidity: UInt32?
    /// `UIDNEXT`: the UID the next message will get.
    public var uidNext: UInt32?
    /// `HIGHESTMODSEQ`, when the server keeps mod-sequences (CONDSTORE).
    public var highestModSeq: UInt64?
    /// True when the server said NOMODSEQ.
    public var noModSeq: Bool
    /// `EXISTS`: the number of messages.
    public var messageCount: Int
    /// `RECENT` (IMAP4rev1).
    public var recentCount: Int?
    /// `UNSEEN`: the sequence number of the first unseen message (IMAP4rev1).
    public var firstUnseen: UInt32?
    /// `FLAGS`: the flags the mailbox uses.
    public var flags: [MessageFlag]
    /// `PERMANENTFLAGS`: the flags that can be stored (`\*`: new keywords allowed).
    public var permanentFlags: [MessageFlag]
    /// QRESYNC: UIDs expunged since the given mod-sequence (`VANISHED (EARLIER)`).
    public var vanished: SequenceSet
    /// QRESYNC: messages whose flags changed since the given mod-sequence (UID, FLAGS, MODSEQ).
    public var changed: [FetchedMessage]

    /// A mailbox just selected, nothing known yet.
    public init(name: MailboxName, isReadOnly: Bool) {
        self.name = name
        self.isReadOnly = isReadOnly
        self.noModSeq = false
        self.messageCount = 0
        self.flags = []
        self.permanentFlags = []
        self.vanished = SequenceSet(ranges: [])
        self.changed = []
    }

    /// True when `\*` is among the permanent flags: new keywords can be stored.
    public var allowsNewKeywords: Bool { permanentFlags.contains(.wildcard) }
}

/// A mailbox of the account as LIST shows it, with its role and counts when asked for.
public struct MailboxInfo: Hashable, Sendable {
    /// The name on the wire.
    public var name: MailboxName
    /// The path, decoded, split at the delimiter.
    public var path: MailboxPath
    /// The hierarchy delimiter.
    public var delimiter: Character?
    /// The attributes.
    public var attributes: [MailboxAttribute]
    /// The role from SPECIAL-USE, or `.inbox`.
    public var role: MailboxRole?
    /// STATUS counts, when asked for.
    public var status: MailboxStatus?

    /// False for names that hold no messages (`\Noselect`, `\NonExistent`).
    public var isSelectable: Bool {
        !attributes.contains(.noSelect) && !attributes.contains(.nonExistent)
    }

    /// True when LIST said `\Subscribed`.
    public var isSubscribed: Bool { attributes.contains(.subscribed) }
}

/// What COPYUID said: where copied or moved messages went (RFC 4315 §3).
public struct CopyResult: Hashable, Sendable {
    /// The UIDVALIDITY of the target mailbox.
    public var uidValidity: UInt32
    /// Each source UID with its new UID in the target, in order.
    public var mapping: [UIDPair]

    /// A source UID and the UID its copy got.
    public struct UIDPair: Hashable, Sendable {
        /// The UID in the source mailbox.
        public var source: UID
        /// The UID in the target mailbox.
        public var destination: UID
    }

    /// The result of a COPYUID code; nil when the sets do not pair up.
    init?(uidValidity: UInt32, source: SequenceSet, destination: SequenceSet) {
        guard !source.containsStar, !destination.containsStar, source.count == destination.count,
              source.count <= 10_000_000 else { return nil }
        let sources = source.values()
        let destinations = destination.values()
        self.uidValidity = uidValidity
        self.mapping = zip(sources, destinations).map { UIDPair(source: UID($0), destination: UID($1)) }
    }
}

/// What APPENDUID said about an appended message (RFC 4315 §3).
public struct AppendResult: Hashable, Sendable {
    /// The UIDVALIDITY of the mailbox.
    public var uidValidity: UInt32
    /// The message's UID.
    public var uid: UID
}

/// The answer to a search.
public struct SearchResult: Hashable, Sendable {
    /// The matching UIDs (or sequence numbers for a non-UID search), as compact ranges.
    public var matches: SequenceSet
    /// The number of matches.
    public var count: Int
    /// The highest mod-sequence of the matches, when the search involved MODSEQ (RFC 7162).
    public var modSeq: UInt64?

    /// The matches as UIDs, ascending.
    public var uids: [UID] { matches.normalized().values().map(UID.init) }
}

/// What a STORE changed.
public struct StoreResult: Hashable, Sendable {
    /// The messages the server reported (all of them unless `.SILENT`; with CONDSTORE also the
    /// new MODSEQ of silent stores).
    public var updated: [FetchedMessage]
    /// UIDs (or numbers) not stored because they changed since `unchangedSince` (RFC 7162 MODIFIED).
    public var modified: SequenceSet?
}

/// What an EXPUNGE removed.
public struct ExpungeResult: Hashable, Sendable {
    /// The sequence numbers of `* n EXPUNGE` responses, in order (each relative to the state
    /// after the previous one, as the protocol says).
    public var expungedSequenceNumbers: [UInt32]
    /// The UIDs reported with VANISHED (QRESYNC enabled).
    public var vanished: SequenceSet
}

/// What a FETCH reported besides the messages.
public struct FetchOutcome: Hashable, Sendable {
    /// UIDs reported as expunged (`VANISHED (EARLIER)`, with QRESYNC and `vanished: true`).
    public var vanished: SequenceSet
    /// How many messages were delivered.
    public var messageCount: Int
}

/// Something the server said that no command asked for: new mail, expunges, flag changes by
/// other clients, alerts. Delivered on ``IMAPConnection/events``.
public struct IMAPEvent: Hashable, Sendable {
    /// What happened.
    public enum Kind: Hashable, Sendable {
        /// The selected mailbox now holds this many messages (new mail arrived).
        case exists(Int)
        /// `RECENT` count (IMAP4rev1).
        case recent(Int)
        /// The message with this sequence number is gone; later numbers move down by one.
        case expunged(sequenceNumber: UInt32)
        /// These UIDs are gone (QRESYNC).
        case vanished(SequenceSet)
        /// A message changed (flags, mod-sequence), told by an unsolicited FETCH.
        case messageChanged(FetchedMessage)
        /// The mailbox's list of flags changed.
        case flags([MessageFlag])
        /// The server's `[ALERT]`: show it to the user (sanitise it first).
        case alert(String)
        /// The server is closing the connection.
        case bye(String)
        /// The connection ended; no more events follow.
        case disconnected(String)
    }

    /// The mailbox selected when it happened, if any.
    public var mailbox: MailboxName?
    /// What happened.
    public var kind: Kind

    /// An event from its parts.
    public init(mailbox: MailboxName?, kind: Kind) {
        self.mailbox = mailbox
        self.kind = kind
    }
}
