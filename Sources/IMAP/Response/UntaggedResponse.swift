/// A complete untagged response other than FETCH, which arrives as a sequence of events
/// (RFC 9051 §7; RFC 4731, 5161, 7162, 2971, 2342). Large payloads are `indirect` so that
/// events stay small.
public enum UntaggedResponse: Hashable, Sendable {
    /// `* OK`, `* NO`, `* BAD`, `* PREAUTH` or `* BYE` with its text.
    indirect case condition(ResponseStatus, ResponseText)
    /// `* CAPABILITY ...`.
    case capability([Capability])
    /// `* ENABLED ...` (RFC 5161).
    case enabled([Capability])
    /// `* FLAGS (...)`: the flags the selected mailbox uses.
    case flags([MessageFlag])
    /// `* LIST ...`.
    indirect case list(MailboxListEntry)
    /// `* LSUB ...` (IMAP4rev1).
    indirect case lsub(MailboxListEntry)
    /// `* STATUS mailbox (...)`.
    indirect case status(MailboxName, MailboxStatus)
    /// `* SEARCH n n ...` with the highest mod-sequence when CONDSTORE is in play (RFC 7162).
    case search([UInt32], modSeq: UInt64?)
    /// `* ESEARCH ...` (RFC 4731).
    indirect case esearch(ESearchResponse)
    /// `* n EXISTS`: the mailbox holds n messages.
    case exists(UInt32)
    /// `* n RECENT` (IMAP4rev1).
    case recent(UInt32)
    /// `* n EXPUNGE`: message n is gone; higher numbers move down by one.
    case expunge(UInt32)
    /// `* VANISHED [(EARLIER)] uids` (RFC 7162 §3.2.10): these UIDs are gone.
    case vanished(SequenceSet, earlier: Bool)
    /// `* ID (...)` (RFC 2971); nil for `NIL`.
    indirect case id(IDParameters?)
    /// `* NAMESPACE ...` (RFC 2342).
    indirect case namespace(NamespaceResponse)
    /// An untagged response this parser does not know, skipped: its first word in upper case.
    case unknown(String)
}
