import Foundation
import MailCore

/// Resending a message unchanged to other recipients (NeoMutt's bounce, `R`/`b`): the original's
/// bytes with `Resent-*` fields prepended (RFC 5322 §3.6.6), sent to the new recipients only.
public enum Bounce {
    /// A bounced message ready for the outbox.
    public struct Prepared: Sendable {
        /// The message: the `Resent-*` block, then the original as it was.
        public var bytes: [UInt8]
        /// The envelope sender (the identity's address).
        public var sender: String
        /// The envelope recipients (the new ones only; the original's To and Cc are not sent to).
        public var recipients: [String]
        /// The new `Resent-Message-ID`.
        public var messageID: MessageID
    }

    /// Prepares `original` for resending from `from` to `to`.
    ///
    /// - Parameters:
    ///   - original: the message's bytes as stored.
    ///   - from: the identity resending it.
    ///   - to: the new recipients.
    ///   - date: the resend date.
    ///   - zoneOffset: seconds east of UTC for the date; the local zone when nil.
    /// - Throws: ``ComposeError/build(_:)`` for no recipient or an invalid address.
    public static func prepare(_ original: [UInt8], from: Address, to: [Address], date: Date = Date(),
                               zoneOffset: Int? = nil) throws -> Prepared {
        var seen = Set<String>()
        let to = to.filter { seen.insert($0.comparisonKey).inserted }
        guard !to.isEmpty else { throw ComposeError.build(.noRecipients) }
        do {
            try AddressEncoder.validate(from, field: "Resent-From")
            for address in to { try AddressEncoder.validate(address, field: "Resent-To") }
        } catch let error as BuildError {
            throw ComposeError.build(error)
        }
        // The builder writes correctly encoded address fields; take them from a message it builds.
        var builder = MessageBuilder(from: from)
        builder.to = to
        builder.date = date
        builder.zoneOffset = zoneOffset
        let built: BuiltMessage
        do {
            built = try builder.build()
        } catch let error as BuildError {
            throw ComposeError.build(error)
        }
        let header = Message(bytes: built.bytes).header
        var block: [UInt8] = []
        for (name, resent) in [("Date", "Resent-Date"), ("From", "Resent-From"), ("To", "Resent-To"), ("Message-ID", "Resent-Message-ID")] {
            guard let field = header.first(name) else { continue }
            block += Array("\(resent):".utf8) + Array(field.rawValue)
            if !(block.last == 10) { block += [13, 10] }
        }
        // Drop a leading "From " mbox line, normalise the original's line ends to CRLF.
        var body = ArraySlice(original)
        if body.starts(with: Array("From ".utf8)), let lf = body.firstIndex(of: 10) { body = body[(lf + 1)...] }
        var bytes = block
        bytes.reserveCapacity(block.count + body.count + body.count / 50)
        var previous: UInt8 = 0
        for b in body {
            if b == 10 && previous != 13 { bytes.append(13) }
            bytes.append(b)
            previous = b
        }
        let recipients = to.map(\.asciiAddress)
        return Prepared(bytes: bytes, sender: from.asciiAddress, recipients: recipients, messageID: built.messageID)
    }
}
