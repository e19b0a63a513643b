/// A Message-ID (RFC 5322 §3.6.4) without its angle brackets, compared exactly.
public struct MessageID: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The id, e.g. `20261129.1234@example.test`.
    public var value: String

    /// An id from its text; surrounding angle brackets and white space are removed.
    public init(_ value: String) {
        var v = Substring(value).drop(while: { $0 == " " || $0 == "\t" })
        while let last = v.last, last == " " || last == "\t" { v = v.dropLast() }
        if v.hasPrefix("<") { v = v.dropFirst() }
        if v.hasSuffix(">") { v = v.dropLast() }
        self.value = String(v)
    }

    /// An id whose text is already without white space and brackets at either end (what
    /// ``init(_:)`` would make of it is itself), taken as it is.
    init(unchecked value: String) {
        self.value = value
    }

    /// The id in angle brackets, as written in a header.
    public var bracketed: String { "<\(value)>" }

    public var description: String { bracketed }
}

/// A stable identifier of a message within one folder: the IMAP UID, or a local number for Maildir.
public struct UID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The numeric value (IMAP UIDs are 1 ... 2^32-1).
    public var value: UInt32

    /// A UID from its value.
    public init(_ value: UInt32) { self.value = value }

    public var description: String { String(value) }

    public static func < (lhs: UID, rhs: UID) -> Bool { lhs.value < rhs.value }
}
