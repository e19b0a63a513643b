/// The field names nearly every message has, spelled as they usually are, with their lower-case
/// form made once: a header section read from bytes takes its names' strings from here instead of
/// decoding and lowering the same dozen names for every message (a first sync reads 100,000
/// header sections).
struct KnownFieldName: Sendable {
    /// The name as written.
    let name: String
    /// `name.lowercased()`.
    let lowercasedName: String
    /// The name's first eight bytes (fewer for a shorter name), the first lowest.
    private let head: UInt64
    /// The name's bytes past the first eight.
    private let tail: [UInt8]

    private init(_ name: String) {
        self.name = name
        self.lowercasedName = name.lowercased()
        let bytes = Array(name.utf8)
        self.head = bytes.withUnsafeBufferPointer { Self.head(of: $0) }
        self.tail = Array(bytes.dropFirst(8))
    }

    /// The first eight bytes of `bytes` (fewer when it is shorter) as one number, the first lowest.
    @inline(__always)
    private static func head(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for i in 0 ..< min(8, bytes.count) { value |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        return value
    }

    /// The known names by length (byte count).
    private static let byLength: [[KnownFieldName]] = {
        let names = [
            "From", "To", "Cc", "Bcc", "Date", "Subject", "Sender", "Reply-To", "Message-ID", "Message-Id", "In-Reply-To",
            "References", "Content-Type", "MIME-Version", "Mime-Version", "Content-Transfer-Encoding", "Received",
            "Return-Path", "List-Id", "List-Unsubscribe", "List-Post", "DKIM-Signature", "Delivered-To", "User-Agent",
            "X-Mailer", "Content-Disposition", "Precedence", "Thread-Topic", "Thread-Index", "Authentication-Results",
            "X-Original-To", "Content-Language", "Importance", "Organization", "Auto-Submitted", "X-Spam-Status",
        ]
        var table = [[KnownFieldName]](repeating: [], count: 1 + (names.map(\.utf8.count).max() ?? 0))
        for name in names { table[name.utf8.count].append(KnownFieldName(name)) }
        return table
    }()

    /// The known name spelled exactly as `bytes`, or nil.
    static func find(_ bytes: UnsafeBufferPointer<UInt8>) -> KnownFieldName? {
        let table = byLength
        guard bytes.count < table.count else { return nil }
        let head = head(of: bytes)
        for known in table[bytes.count] where known.head == head {
            if known.tail.isEmpty { return known }
            let rest = UnsafeBufferPointer(rebasing: bytes[8...])
            if known.tail.withUnsafeBufferPointer({ $0.elementsEqual(rest) }) { return known }
        }
        return nil
    }
}
