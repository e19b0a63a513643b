/// A message's unique id from UIDL (RFC 1939 §7): 1 to 70 characters in 0x21-0x7E, stable across
/// sessions, unlike message numbers.
///
/// It is data chosen by the server: compare it, store it, never build a file name or a path from
/// it (`../../etc/passwd` is a valid unique id).
public struct POP3UniqueID: Hashable, Sendable, CustomStringConvertible {
    /// The id as the server sent it.
    public let value: String

    /// The id, or nil when `value` is empty, longer than `maximumLength` or holds a byte outside
    /// 0x21-0x7E (a space, a control character, non-ASCII).
    ///
    /// - Parameters:
    ///   - value: The id's text.
    ///   - maximumLength: The longest id accepted (RFC 1939 says 70).
    public init?(_ value: String, maximumLength: Int = 70) {
        guard Self.isValid(Array(value.utf8)[...], maximumLength: maximumLength) else { return nil }
        self.value = value
    }

    /// An id already checked with ``isValid(_:maximumLength:)``.
    init(validated value: String) {
        self.value = value
    }

    // unique-id = 1*70 %x21-7E
    /// True for 1 to `maximumLength` bytes, each in 0x21-0x7E.
    static func isValid(_ bytes: ArraySlice<UInt8>, maximumLength: Int) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximumLength else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer where byte < 0x21 || byte > 0x7E { return false }
            return true
        }
    }

    /// The id as sent.
    public var description: String { value }
}
