import Foundation

/// The header section of a message or body part (RFC 5322 §2.2, RFC 2045 §3): the fields in
/// order, duplicates kept, with typed accessors.
public struct HeaderSection: Sendable, Hashable {
    /// Every field in the order written.
    public var fields: [HeaderField]

    /// A header section from fields.
    public init(fields: [HeaderField] = []) {
        self.fields = fields
    }

    /// A header section read from its bytes alone (RFC 5322 §2.2): the fields up to the empty
    /// line (or the end), as ``Message/header`` of the same bytes would hold them, without the
    /// MIME parse of a whole message. For reading the fields a server sent for a message list
    /// (IMAP `BODY[HEADER.FIELDS (...)]`).
    ///
    /// - Parameters:
    ///   - bytes: The header section, possibly followed by an empty line and a body.
    ///   - limits: The limits on fields and bytes; fields past them are dropped.
    public init(parsing bytes: [UInt8], limits: ParseLimits = .standard) {
        let fields = bytes.withUnsafeBufferPointer { p -> [HeaderField] in
            guard p.baseAddress != nil, !p.isEmpty else { return [] }
            return HeaderScanner.scan(bytes, p, from: 0, scanner: BoundaryScanner(), limits: limits, topLevel: true).fields
        }
        self.init(fields: fields)
    }

    /// The first field with this name (case-insensitive), or nil.
    public func first(_ name: String) -> HeaderField? {
        let lower = Self.lowercased(name)
        return fields.first { $0.lowercasedName == lower }
    }

    /// Every field with this name (case-insensitive), in order.
    public func all(_ name: String) -> [HeaderField] {
        let lower = Self.lowercased(name)
        return fields.filter { $0.lowercasedName == lower }
    }

    /// `name` in lower case; itself when it has no upper-case ASCII letter (the usual lookup
    /// names are written in lower case by the callers that run per message).
    private static func lowercased(_ name: String) -> String {
        name.utf8.contains { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ? name.lowercased() : name
    }

    /// True when a field with this name exists.
    public func contains(_ name: String) -> Bool { first(name) != nil }

    /// The display text of the first field with this name (see ``HeaderField/text(fallback:)``).
    public func text(_ name: String, fallback: String = CharsetDecoder.defaultFallback) -> String? {
        first(name)?.text(fallback: fallback)
    }

    /// The addresses of every field with this name (a duplicated `To` is merged), groups flattened.
    public func addresses(_ name: String, fallback: String = CharsetDecoder.defaultFallback) -> [Address] {
        all(name).flatMap { $0.addresses(fallback: fallback) }
    }

    /// The entries of every field with this name, groups kept.
    public func addressList(_ name: String, fallback: String = CharsetDecoder.defaultFallback) -> [AddressListItem] {
        all(name).flatMap { AddressList.parse($0.value(fallback: fallback)) }
    }

    /// The `Date` field as a point in time, or nil when missing or unparseable.
    public var date: Date? {
        first("date")?.mailDate?.date
    }

    /// The `Message-ID`, or nil.
    public var messageID: MessageID? {
        first("message-id").flatMap { MessageIDList.parse($0).first }
    }

    /// The ids of `In-Reply-To`.
    public var inReplyTo: [MessageID] {
        all("in-reply-to").flatMap { MessageIDList.parse($0) }
    }

    /// The ids of `References`.
    public var references: [MessageID] {
        all("references").flatMap { MessageIDList.parse($0) }
    }
}

extension HeaderField {
    /// The addresses of an address-list field, groups flattened (``Address/parseList(_:)`` of
    /// ``value(fallback:)``).
    func addresses(fallback: String) -> [Address] {
        // Plain ASCII lists are read from the field's bytes as they are (the fast path takes
        // line breaks for the white space that unfolding leaves), without making the value.
        rawValue.withUnsafeBufferPointer { PlainAddressList.parse($0) } ?? Address.parseList(value(fallback: fallback))
    }

    /// The value as a date, `MailDate.parse(value())`: the usual form is read from the raw
    /// bytes (it is ASCII only, and a line break anywhere but at the end makes it give up, so
    /// it reads what the unfolded value holds).
    var mailDate: MailDate? {
        rawValue.withUnsafeBufferPointer { MailDate.parseCommonForm(bytes: $0) } ?? MailDate.parse(value())
    }
}
