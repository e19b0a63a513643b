/// A server capability (RFC 9051 §7.2.2) or an extension name given to ENABLE (RFC 5161), kept
/// in upper case so that comparisons ignore case.
///
/// ```
/// S: * CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN LOGINDISABLED
/// ```
public struct Capability: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The capability in upper case (`AUTH=PLAIN`, `IDLE`).
    public let rawValue: String

    /// A capability from its name, in any case.
    public init(_ name: String) {
        rawValue = name.uppercased()
    }

    /// The part before `=` (`AUTH` of `AUTH=PLAIN`), or the whole name.
    public var name: Substring {
        rawValue.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
    }

    /// The part after `=` (`PLAIN` of `AUTH=PLAIN`), or nil.
    public var value: Substring? {
        let parts = rawValue.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 ? parts[1] : nil
    }

    /// The name as the server spelled it, upper-cased.
    public var description: String { rawValue }

    public static func < (lhs: Capability, rhs: Capability) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `AUTH=mechanism`: the server offers that SASL mechanism.
    public static func auth(_ mechanism: String) -> Capability { Capability("AUTH=" + mechanism) }

    /// `IMAP4rev1` (RFC 3501).
    public static let imap4rev1 = Capability("IMAP4rev1")
    /// `IMAP4rev2` (RFC 9051).
    public static let imap4rev2 = Capability("IMAP4rev2")
    /// `STARTTLS` (RFC 9051 §6.2.1).
    public static let startTLS = Capability("STARTTLS")
    /// `LOGINDISABLED`: LOGIN is refused on this connection (RFC 9051 §6.2.3).
    public static let loginDisabled = Capability("LOGINDISABLED")
    /// `SASL-IR`: AUTHENTICATE may carry the initial response (RFC 4959).
    public static let saslIR = Capability("SASL-IR")
    /// `IDLE` (RFC 2177).
    public static let idle = Capability("IDLE")
    /// `ENABLE` (RFC 5161).
    public static let enable = Capability("ENABLE")
    /// `CONDSTORE` (RFC 7162).
    public static let condStore = Capability("CONDSTORE")
    /// `QRESYNC` (RFC 7162).
    public static let qresync = Capability("QRESYNC")
    /// `ESEARCH` (RFC 4731).
    public static let esearch = Capability("ESEARCH")
    /// `MOVE` (RFC 6851).
    public static let move = Capability("MOVE")
    /// `UIDPLUS` (RFC 4315).
    public static let uidPlus = Capability("UIDPLUS")
    /// `LITERAL+` (RFC 7888).
    public static let literalPlus = Capability("LITERAL+")
    /// `LITERAL-` (RFC 7888).
    public static let literalMinus = Capability("LITERAL-")
    /// `SPECIAL-USE` (RFC 6154).
    public static let specialUse = Capability("SPECIAL-USE")
    /// `CREATE-SPECIAL-USE` (RFC 6154 §3).
    public static let createSpecialUse = Capability("CREATE-SPECIAL-USE")
    /// `LIST-EXTENDED` (RFC 5258).
    public static let listExtended = Capability("LIST-EXTENDED")
    /// `LIST-STATUS` (RFC 5819).
    public static let listStatus = Capability("LIST-STATUS")
    /// `UTF8=ACCEPT` (RFC 6855).
    public static let utf8Accept = Capability("UTF8=ACCEPT")
    /// `NAMESPACE` (RFC 2342).
    public static let namespace = Capability("NAMESPACE")
    /// `ID` (RFC 2971).
    public static let id = Capability("ID")
    /// `UNSELECT` (RFC 3691).
    public static let unselect = Capability("UNSELECT")
    /// `BINARY` (RFC 3516).
    public static let binary = Capability("BINARY")
    /// `COMPRESS=DEFLATE` (RFC 4978).
    public static let compressDeflate = Capability("COMPRESS=DEFLATE")
    /// `CHILDREN` (RFC 3348).
    public static let children = Capability("CHILDREN")
    /// `OBJECTID` (RFC 8474).
    public static let objectID = Capability("OBJECTID")
    /// `STATUS=SIZE` (RFC 8438).
    public static let statusSize = Capability("STATUS=SIZE")
    /// `X-GM-EXT-1`: Gmail's labels and ids.
    public static let gmailExtensions = Capability("X-GM-EXT-1")
}

// MARK: - Encoding

extension CommandBuffer {
    // capability = ("AUTH=" auth-type) / atom
    /// Writes a capability name (an atom).
    mutating func write(capability: Capability) {
        write(bytes: Array(capability.rawValue.utf8))
    }
}
