import Foundation
import MailCore

/// A person (or a group alias) offered by the address book, merged from every source.
public struct Contact: Sendable, Hashable {
    /// Where a contact comes from.
    public enum Source: String, Sendable, Hashable, Codable, Comparable {
        /// An alias file.
        case alias
        /// `tern contacts import`.
        case imported
        /// `query_command`.
        case query
        /// Seen in mail.
        case harvested

        public static func < (lhs: Source, rhs: Source) -> Bool {
            order(lhs) < order(rhs)
        }

        private static func order(_ s: Source) -> Int {
            switch s {
            case .alias: 0
            case .imported: 1
            case .query: 2
            case .harvested: 3
            }
        }
    }

    /// The mailbox; for a group alias, the first member (see ``members``).
    public var address: Address
    /// The alias key, when an alias file names it.
    public var aliasKey: String?
    /// A nickname from an import.
    public var nickname: String?
    /// Every address of a group alias (empty for one person).
    public var members: [Address]
    /// The sources it was found in, best first.
    public var sources: [Source]
    /// How often and how recently it was used (0 when never seen in mail).
    public var frecency: Double
    /// How many mails it was seen in.
    public var useCount: Int
    /// The date of the newest of them.
    public var lastUsed: Date?
    /// A note (query_command's third column, an alias's comment).
    public var note: String?

    /// A contact from its fields.
    public init(address: Address, aliasKey: String? = nil, nickname: String? = nil, members: [Address] = [],
                sources: [Source], frecency: Double = 0, useCount: Int = 0, lastUsed: Date? = nil, note: String? = nil) {
        self.address = address
        self.aliasKey = aliasKey
        self.nickname = nickname
        self.members = members
        self.sources = sources
        self.frecency = frecency
        self.useCount = useCount
        self.lastUsed = lastUsed
        self.note = note
    }

    /// True for an alias that stands for several addresses.
    public var isGroup: Bool { members.count > 1 }

    /// What a completed address field gets: the alias key for a group (expanded when the field is
    /// read), else `Name <address>`.
    public var completion: String {
        if isGroup, let aliasKey { return aliasKey }
        return address.description
    }
}
