/// One item of a FETCH answer other than body sections, which arrive as
/// `bodyBegin`/`bodyBytes`/`bodyEnd` events (RFC 9051 §7.5.2, RFC 7162, RFC 8474, RFC 8970).
///
/// ```
/// S: * 12 FETCH (UID 4827 FLAGS (\Seen) RFC822.SIZE 44827 MODSEQ (12121231000))
/// ```
///
/// The large payloads are `indirect`, so that events stay small when they are passed along.
public enum MessageAttribute: Hashable, Sendable {
    /// `UID`.
    case uid(UInt32)
    /// `FLAGS`.
    case flags([MessageFlag])
    /// `ENVELOPE`.
    indirect case envelope(IMAPEnvelope)
    /// `INTERNALDATE`.
    case internalDate(InternalDate)
    /// `RFC822.SIZE`.
    case rfc822Size(Int)
    /// `BODYSTRUCTURE` (`extended` true) or `BODY` without extension data (`extended` false).
    indirect case bodyStructure(BodyStructure, extended: Bool)
    /// `MODSEQ` (RFC 7162).
    case modSeq(UInt64)
    /// `BINARY.SIZE[part]` (RFC 3516).
    case binarySize(part: [Int], size: Int)
    /// `EMAILID` (RFC 8474).
    case emailID(String)
    /// `THREADID` (RFC 8474); nil when the server does not thread.
    case threadID(String?)
    /// `PREVIEW` (RFC 8970): a short plain-text excerpt, nil when not available.
    case preview(String?)
    /// `SAVEDATE` (RFC 8514).
    case saveDate(InternalDate?)
    /// `X-GM-MSGID` (Gmail).
    case gmailMessageID(UInt64)
    /// `X-GM-THRID` (Gmail).
    case gmailThreadID(UInt64)
    /// `X-GM-LABELS` (Gmail).
    case gmailLabels([String])
    /// An ENVELOPE or BODYSTRUCTURE the parser could not read (a server bug); it was skipped so
    /// that the rest of the answer survives. The item's name and what was wrong.
    case malformed(name: String, problem: String)
}
