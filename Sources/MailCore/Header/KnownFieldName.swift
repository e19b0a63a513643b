#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The field names nearly every message has, spelled as they usually are, with their lower-case
/// form made once: a header section read from bytes takes its names' strings from here instead of
/// decoding and lowering the same dozen names for every message (a first sync reads 100,000
/// header sections).
struct KnownFieldName: Sendable {
    /// The name as written.
    let name: String
    /// `name.lowercased()`.
    let lowercasedName: String
    /// The name's bytes.
    private let bytes: [UInt8]

    private init(_ name: String) {
        self.name = name
        self.lowercasedName = name.lowercased()
        self.bytes = Array(name.utf8)
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
        guard bytes.count < table.count, let base = bytes.baseAddress else { return nil }
        for known in table[bytes.count] where known.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, bytes.count) == 0 }) {
            return known
        }
        return nil
    }
}
