/// A unique-id listing: a message's number and its unique id (RFC 1939 §7, UIDL).
///
/// ```
/// C: UIDL
/// S: +OK
/// S: 1 whqtswO00WBw418f9t5JxYwZ
/// S: 2 QhdPYR:00WBw1Ph7x7
/// S: .
/// C: UIDL 2
/// S: +OK 2 QhdPYR:00WBw1Ph7x7
/// ```
public struct POP3UniqueIDEntry: Equatable, Sendable {
    /// The message number in this session.
    public var messageNumber: Int
    /// The message's unique id.
    public var uniqueID: POP3UniqueID

    /// An entry from its parts.
    public init(messageNumber: Int, uniqueID: POP3UniqueID) {
        self.messageNumber = messageNumber
        self.uniqueID = uniqueID
    }

    /// Why a unique-id listing was rejected.
    public enum ParseFailure: Error, Equatable, Sendable {
        /// Not `number SP id`, or the number is not a positive decimal.
        case malformed
        /// The id is empty, too long or has a byte outside 0x21-0x7E.
        case invalidUniqueID
    }

    // unique-id-listing = msg-number SP unique-id
    /// Parses `2 QhdPYR:00WBw1Ph7x7`.
    ///
    /// - Parameters:
    ///   - line: The listing line (or the text after `+OK` for `UIDL n`).
    ///   - maximumIDLength: The longest id accepted (RFC 1939: 70).
    /// - Throws: ``ParseFailure``.
    public init(parsing line: ArraySlice<UInt8>, maximumIDLength: Int = 70) throws(ParseFailure) {
        guard let space = firstIndex(of: ASCII.space, in: line),
              let number = parseDecimal(line[line.startIndex..<space]), number > 0 else { throw .malformed }
        let id = line[(space + 1)...]
        guard POP3UniqueID.isValid(id, maximumLength: maximumIDLength) else { throw .invalidUniqueID }
        self.init(messageNumber: number, uniqueID: POP3UniqueID(validated: String(decoding: id, as: UTF8.self)))
    }
}
