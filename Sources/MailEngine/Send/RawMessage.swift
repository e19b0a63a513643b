import MailCore

/// A complete message given as it is (`tern send --raw`): the envelope comes from its To, Cc and
/// Bcc fields, and the Bcc fields are removed from the bytes that go out. Nothing else changes.
public enum RawMessage {
    /// Why a raw message cannot be sent.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The input is empty.
        case empty
        /// No header section (the first line is not a header field).
        case noHeader
        /// No usable address in To, Cc or Bcc.
        case noRecipients
        /// An entry of To, Cc or Bcc is not an address.
        case unusableAddress(field: String, text: String)

        /// What is wrong and what to do.
        public var description: String {
            switch self {
            case .empty: "The message is empty: give a complete message (header, blank line, body) on standard input."
            case .noHeader: "The message has no header: it must start with fields such as \"From:\" and \"To:\"."
            case .noRecipients: "The message has no recipients: it needs a To, Cc or Bcc field with an address."
            case .unusableAddress(let field, let text):
                "The \(field) field has an entry that is not an address: \"\(TextSanitizer.headerText(text))\"."
            }
        }
    }

    /// One header field: its name and where its lines are in the message.
    struct FieldRange {
        var name: String
        var range: Range<Int>
        var valueStart: Int
    }

    /// Prepares a raw message for sending.
    ///
    /// - Parameters:
    ///   - bytes: The message (CRLF or LF line ends).
    ///   - fallbackSender: The envelope sender when the message has no usable From (the account's
    ///     address, ASCII form).
    /// - Throws: ``Problem``.
    public static func prepare(_ bytes: [UInt8], fallbackSender: String) throws(Problem) -> OutgoingMessage {
        guard !bytes.isEmpty else { throw .empty }
        let fields = headerFields(bytes)
        guard !fields.isEmpty else { throw .noHeader }
        func addresses(_ name: String) throws(Problem) -> [Address] {
            var result: [Address] = []
            for field in fields where field.name.lowercased() == name.lowercased() {
                let value = HeaderField(name: field.name, rawValue: bytes[field.valueStart..<field.range.upperBound]).value()
                for address in Address.parseList(value) {
                    guard address.isUsable else { throw .unusableAddress(field: name, text: address.name ?? address.address) }
                    result.append(address)
                }
            }
            return result
        }
        let to = try addresses("To"), cc = try addresses("Cc"), bcc = try addresses("Bcc")
        var seen = Set<String>()
        var recipients: [String] = []
        for address in to + cc + bcc where seen.insert(address.comparisonKey).inserted {
            recipients.append(address.asciiAddress)
        }
        guard !recipients.isEmpty else { throw .noRecipients }
        let from = (try? addresses("From"))?.first
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for field in fields where field.name.lowercased() == "bcc" {
            out += bytes[position..<field.range.lowerBound]
            position = field.range.upperBound
        }
        out += bytes[position...]
        let subjectField = fields.first { $0.name.lowercased() == "subject" }
        let subject = subjectField.map {
            HeaderField(name: $0.name, rawValue: bytes[$0.valueStart..<$0.range.upperBound]).text()
        } ?? ""
        let idField = fields.first { $0.name.lowercased() == "message-id" }
        let messageID = idField.flatMap {
            MessageIDList.parse(HeaderField(name: $0.name, rawValue: bytes[$0.valueStart..<$0.range.upperBound]).value()).first
        }
        let visible = Set((to + cc).map(\.comparisonKey))
        var hidden: [String] = []
        for address in bcc where !visible.contains(address.comparisonKey) && !hidden.contains(address.asciiAddress) {
            hidden.append(address.asciiAddress)
        }
        return OutgoingMessage(bytes: out, sender: from?.asciiAddress ?? fallbackSender, recipients: recipients,
                               bcc: hidden, subject: subject, messageID: messageID?.value)
    }

    // header = *( field-name ":" value CRLF *( WSP value CRLF ) ) CRLF     (RFC 5322 §2.2, §2.2.3)
    /// The fields of the header section, each with the byte range of all its lines (line ends
    /// included); empty when the message does not start with a field.
    static func headerFields(_ bytes: [UInt8]) -> [FieldRange] {
        var fields: [FieldRange] = []
        var position = 0
        let count = bytes.count
        while position < count {
            var lineEnd = position
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(count, lineEnd + 1)
            let contentEnd = lineEnd > position && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            if contentEnd == position { break }  // the blank line ending the header
            let first = bytes[position]
            if first == 0x20 || first == 0x09 {
                guard !fields.isEmpty else { return [] }
                fields[fields.count - 1].range = fields[fields.count - 1].range.lowerBound..<next
            } else {
                guard let colon = bytes[position..<contentEnd].firstIndex(of: UInt8(ascii: ":")), colon > position,
                      bytes[position..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
                else {
                    if fields.isEmpty { return [] }
                    break
                }
                let name = String(decoding: bytes[position..<colon], as: UTF8.self)
                fields.append(FieldRange(name: name, range: position..<next, valueStart: colon + 1))
            }
            position = next
        }
        return fields
    }
}
