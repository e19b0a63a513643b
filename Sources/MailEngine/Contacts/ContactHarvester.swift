import Foundation
import MailCore
import MailStore

/// Chooses which addresses of a message go into the address book and how much each counts:
/// the people the user writes to count most, the senders of mail the user receives less, and
/// nobody is harvested from mail they merely appear in as a fellow recipient. The user's own
/// identities and automatic senders (`noreply@`, `mailer-daemon@`, ...) are never harvested.
public struct ContactHarvester: Sendable {
    /// The user's own addresses.
    public var identities: [Address]

    /// The weight of a recipient of the user's own mail.
    public static let recipientWeight = 3.0
    /// The weight of the sender of a received mail.
    public static let senderWeight = 1.0

    /// A harvester that skips `identities`.
    public init(identities: [Address]) {
        self.identities = identities
    }

    /// The uses of one message's envelope (as in the header cache).
    ///
    /// - Parameter fallbackDate: the date when the message has none (its arrival time).
    public func uses(of envelope: Envelope, fallbackDate: Date = Date()) -> [ContactUse] {
        let date = envelope.date ?? fallbackDate
        let fromMe = envelope.from.contains { isMine($0) }
        let addresses: [(Address, Double)]
        if fromMe {
            addresses = (envelope.to + envelope.cc + envelope.bcc).map { ($0, Self.recipientWeight) }
        } else {
            addresses = envelope.from.map { ($0, Self.senderWeight) }
        }
        var seen = Set<String>()
        return addresses.compactMap { address, weight in
            guard address.isUsable, !isMine(address), !Self.isAutomatic(address),
                  seen.insert(address.comparisonKey).inserted else { return nil }
            return ContactUse(address: address, weight: weight, date: date)
        }
    }

    /// Harvests a message into `store`, once per message (keyed by its Message-ID when it has one).
    ///
    /// - Returns: false when the message had been harvested before.
    /// - Throws: ``ContactStoreError`` when the database refuses.
    @discardableResult
    public func harvest(_ envelope: Envelope, fallbackDate: Date = Date(), key: String? = nil, into store: ContactStore) throws -> Bool {
        let uses = uses(of: envelope, fallbackDate: fallbackDate)
        let messageKey = key ?? envelope.messageID.map { "id:" + $0.value }
        if uses.isEmpty, messageKey == nil { return true }
        return try store.recordUses(uses, messageKey: messageKey)
    }

    private func isMine(_ address: Address) -> Bool {
        identities.contains { $0.isSameMailbox(as: address) }
    }

    /// True for addresses of robots: `noreply`, `no-reply`, `donotreply`, `mailer-daemon`,
    /// `postmaster`, `bounce...`.
    public static func isAutomatic(_ address: Address) -> Bool {
        let local = address.localPart.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
            .replacingOccurrences(of: ".", with: "")
        return local.hasPrefix("noreply") || local.hasPrefix("donotreply") || local.hasPrefix("mailerdaemon")
            || local == "postmaster" || local.hasPrefix("bounce") || local.hasSuffix("noreply")
    }
}
