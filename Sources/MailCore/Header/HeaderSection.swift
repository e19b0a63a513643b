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

    /// The first field with this name (case-insensitive), or nil.
    public func first(_ name: String) -> HeaderField? {
        let lower = name.lowercased()
        return fields.first { $0.lowercasedName == lower }
    }

    /// Every field with this name (case-insensitive), in order.
    public func all(_ name: String) -> [HeaderField] {
        let lower = name.lowercased()
        return fields.filter { $0.lowercasedName == lower }
    }

    /// True when a field with this name exists.
    public func contains(_ name: String) -> Bool { first(name) != nil }

    /// The display text of the first field with this name (see ``HeaderField/text(fallback:)``).
    public func text(_ name: String, fallback: String = CharsetDecoder.defaultFallback) -> String? {
        first(name)?.text(fallback: fallback)
    }

    /// The addresses of every field with this name (a duplicated `To` is merged), groups flattened.
    public func addresses(_ name: String, fallback: String = CharsetDecoder.defaultFallback) -> [Address] {
        all(name).flatMap { Address.parseList($0.value(fallback: fallback)) }
    }

    /// The entries of every field with this name, groups kept.
    public func addressList(_ name: String, fallback: String = CharsetDecoder.defaultFallback) -> [AddressListItem] {
        all(name).flatMap { AddressList.parse($0.value(fallback: fallback)) }
    }

    /// The `Date` field as a point in time, or nil when missing or unparseable.
    public var date: Date? {
        guard let f = first("Date") else { return nil }
        return MailDate.parse(f.value())?.date
    }

    /// The `Message-ID`, or nil.
    public var messageID: MessageID? {
        guard let f = first("Message-ID") else { return nil }
        return MessageIDList.parse(f.value()).first
    }

    /// The ids of `In-Reply-To`.
    public var inReplyTo: [MessageID] {
        all("In-Reply-To").flatMap { MessageIDList.parse($0.value()) }
    }

    /// The ids of `References`.
    public var references: [MessageID] {
        all("References").flatMap { MessageIDList.parse($0.value()) }
    }
}
