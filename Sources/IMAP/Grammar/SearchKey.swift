import Foundation

/// A SEARCH criterion (RFC 9051 §6.4.4, RFC 7162 for MODSEQ, RFC 5032 for OLDER/YOUNGER).
///
/// ```
/// C: A9 UID SEARCH RETURN (ALL) UNSEEN SINCE 1-Feb-2024 FROM "ann"
/// ```
///
/// Strings may be any Unicode text: without UTF8=ACCEPT the command says `CHARSET UTF-8` and
/// sends non-ASCII strings as literals.
public indirect enum SearchKey: Hashable, Sendable {
    /// `ALL`.
    case all
    /// `ANSWERED`, `DELETED`, `DRAFT`, `FLAGGED`, `SEEN`.
    case answered, deleted, draft, flagged, seen
    /// `UNANSWERED`, `UNDELETED`, `UNDRAFT`, `UNFLAGGED`, `UNSEEN`.
    case unanswered, undeleted, undraft, unflagged, unseen
    /// `KEYWORD flag`.
    case keyword(MessageFlag)
    /// `UNKEYWORD flag`.
    case unkeyword(MessageFlag)
    /// `FROM`, `TO`, `CC`, `BCC`, `SUBJECT`: the field contains the text.
    case from(String), to(String), cc(String), bcc(String), subject(String)
    /// `BODY`: the body contains the text.
    case body(String)
    /// `TEXT`: the header or body contains the text.
    case text(String)
    /// `HEADER field text`.
    case header(String, String)
    /// `BEFORE`, `ON`, `SINCE` on the internal date (the day in UTC).
    case before(Date), on(Date), since(Date)
    /// `SENTBEFORE`, `SENTON`, `SENTSINCE` on the Date header.
    case sentBefore(Date), sentOn(Date), sentSince(Date)
    /// `LARGER n`, `SMALLER n` bytes.
    case larger(Int), smaller(Int)
    /// `UID set`.
    case uid(SequenceSet)
    /// A set of sequence numbers.
    case sequenceNumbers(SequenceSet)
    /// `MODSEQ n`: changed at or after this mod-sequence (RFC 7162).
    case modSeq(UInt64)
    /// `OLDER n`, `YOUNGER n` seconds (RFC 5032 WITHIN).
    case older(Int), younger(Int)
    /// `NOT key`.
    case not(SearchKey)
    /// `OR key key`.
    case or(SearchKey, SearchKey)
    /// Several keys that must all match: `(key key ...)`.
    case and([SearchKey])

    /// True when some string of the key is not ASCII.
    var needsUTF8: Bool {
        switch self {
        case .from(let s), .to(let s), .cc(let s), .bcc(let s), .subject(let s), .body(let s), .text(let s):
            return s.utf8.contains { $0 >= 0x80 }
        case .header(let name, let value): return (name + value).utf8.contains { $0 >= 0x80 }
        case .not(let key): return key.needsUTF8
        case .or(let a, let b): return a.needsUTF8 || b.needsUTF8
        case .and(let keys): return keys.contains { $0.needsUTF8 }
        default: return false
        }
    }
}

// MARK: - Encoding

extension CommandBuffer {
    // search-key = "ALL" / "ANSWERED" / "BCC" SP astring / ... / "NOT" SP search-key /
    //              "OR" SP search-key SP search-key / "(" search-key *(SP search-key) ")" / sequence-set
    /// Writes a search key.
    mutating func write(searchKey: SearchKey) {
        switch searchKey {
        case .all: write("ALL")
        case .answered: write("ANSWERED")
        case .deleted: write("DELETED")
        case .draft: write("DRAFT")
        case .flagged: write("FLAGGED")
        case .seen: write("SEEN")
        case .unanswered: write("UNANSWERED")
        case .undeleted: write("UNDELETED")
        case .undraft: write("UNDRAFT")
        case .unflagged: write("UNFLAGGED")
        case .unseen: write("UNSEEN")
        case .keyword(let flag): writeKeyed("KEYWORD ", atom: flag.name)
        case .unkeyword(let flag): writeKeyed("UNKEYWORD ", atom: flag.name)
        case .from(let text): writeKeyed("FROM ", text)
        case .to(let text): writeKeyed("TO ", text)
        case .cc(let text): writeKeyed("CC ", text)
        case .bcc(let text): writeKeyed("BCC ", text)
        case .subject(let text): writeKeyed("SUBJECT ", text)
        case .body(let text): writeKeyed("BODY ", text)
        case .text(let text): writeKeyed("TEXT ", text)
        case .header(let name, let value):
            writeKeyed("HEADER ", name)
            writeSpace()
            write(astring: Array(value.utf8))
        case .before(let date): writeKeyed("BEFORE ", date: date)
        case .on(let date): writeKeyed("ON ", date: date)
        case .since(let date): writeKeyed("SINCE ", date: date)
        case .sentBefore(let date): writeKeyed("SENTBEFORE ", date: date)
        case .sentOn(let date): writeKeyed("SENTON ", date: date)
        case .sentSince(let date): writeKeyed("SENTSINCE ", date: date)
        case .larger(let size):
            write("LARGER ")
            write(number: max(0, size))
        case .smaller(let size):
            write("SMALLER ")
            write(number: max(0, size))
        case .uid(let set):
            write("UID ")
            write(sequenceSet: set)
        case .sequenceNumbers(let set): write(sequenceSet: set)
        case .modSeq(let value):
            write("MODSEQ ")
            write(number: value)
        case .older(let seconds):
            write("OLDER ")
            write(number: max(1, seconds))
        case .younger(let seconds):
            write("YOUNGER ")
            write(number: max(1, seconds))
        case .not(let key):
            write("NOT ")
            write(searchKey: key)
        case .or(let first, let second):
            write("OR ")
            write(searchKey: first)
            writeSpace()
            write(searchKey: second)
        case .and(let keys):
            guard !keys.isEmpty else {
                write("ALL")
                return
            }
            if keys.count == 1 {
                write(searchKey: keys[0])
                return
            }
            write("(")
            for (position, key) in keys.enumerated() {
                if position > 0 { writeSpace() }
                write(searchKey: key)
            }
            write(")")
        }
    }

    private mutating func writeKeyed(_ keyword: StaticString, _ text: String) {
        write(keyword)
        write(astring: Array(text.utf8))
    }

    private mutating func writeKeyed(_ keyword: StaticString, atom: String) {
        write(keyword)
        write(astring: Array(atom.utf8))
    }

    private mutating func writeKeyed(_ keyword: StaticString, date: Date) {
        write(keyword)
        write(searchDate: date)
    }
}
