import Foundation
import MailCore

/// A person in the address book: an imported contact, an address seen in mail, or both.
public struct StoredContact: Sendable, Hashable {
    /// The mailbox.
    public var address: Address
    /// A nickname from an import (vCard NICKNAME, CSV Nickname), if any.
    public var nickname: String?
    /// True when it came from an import (`tern contacts import`).
    public var imported: Bool
    /// How many times it was seen in mail.
    public var useCount: Int
    /// The date of the newest mail it was seen in.
    public var lastUsed: Date?
    /// The frecency score at ``scoreTime`` (see ``ContactStore/halfLife``).
    public var score: Double
    /// The time ``score`` refers to.
    public var scoreTime: Date?

    /// A contact from its fields.
    public init(address: Address, nickname: String? = nil, imported: Bool = false, useCount: Int = 0,
                lastUsed: Date? = nil, score: Double = 0, scoreTime: Date? = nil) {
        self.address = address
        self.nickname = nickname
        self.imported = imported
        self.useCount = useCount
        self.lastUsed = lastUsed
        self.score = score
        self.scoreTime = scoreTime
    }

    /// How often and how recently it was used, at `now`: every use counts its weight, halved for
    /// every ``ContactStore/halfLife`` since it happened.
    public func frecency(at now: Date) -> Double {
        guard let scoreTime, score > 0 else { return 0 }
        return score * ContactStore.decay(from: scoreTime, to: now)
    }
}

/// A contact read from an import file.
public struct ContactRecord: Sendable, Hashable {
    /// The mailbox.
    public var address: Address
    /// A nickname, if the file has one.
    public var nickname: String?

    /// A record from its fields.
    public init(address: Address, nickname: String? = nil) {
        self.address = address
        self.nickname = nickname
    }
}

/// One sighting of an address in mail, for the harvest.
public struct ContactUse: Sendable, Hashable {
    /// The mailbox, with the display name as written in that mail.
    public var address: Address
    /// How much it counts (more for people the user writes to than for senders).
    public var weight: Double
    /// The mail's date.
    public var date: Date

    /// A use from its fields.
    public init(address: Address, weight: Double = 1, date: Date) {
        self.address = address
        self.weight = weight
        self.date = date
    }
}

/// What an import did.
public struct ContactImportSummary: Sendable, Hashable, CustomStringConvertible {
    /// New contacts.
    public var added = 0
    /// Contacts that got a name or nickname they did not have.
    public var updated = 0
    /// Contacts already there as they are.
    public var unchanged = 0

    /// `3 added, 1 updated, 2 already known`.
    public var description: String { "\(added) added, \(updated) updated, \(unchanged) already known" }
}
