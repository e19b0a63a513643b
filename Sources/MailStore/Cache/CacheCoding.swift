import Foundation
import MailCore

/// How the cache stores values that SQLite has no type for: address lists, flags, message ids and
/// folder paths. Compact text, cheap to write and to read back, and friendly to FTS5.
enum CacheCoding {
    /// Between a name and its address.
    static let unitSeparator: Character = "\u{1F}"
    /// Between two addresses.
    static let recordSeparator: Character = "\u{1E}"

    // MARK: - Addresses

    /// `name U+001F address`, entries joined by U+001E; a missing name is empty. The separators are
    /// control characters, which decoded header text never holds (TextSanitizer replaces them); any
    /// that slipped in are replaced by U+FFFD so that decoding stays exact.
    static func encode(_ addresses: [Address]) -> String {
        var out = ""
        for (index, address) in addresses.enumerated() {
            if index > 0 { out.unicodeScalars.append("\u{1E}") }
            append(address.name ?? "", to: &out)
            out.unicodeScalars.append("\u{1F}")
            append(address.address, to: &out)
        }
        return out
    }

    /// The addresses of ``encode(_:)``'s text.
    static func decodeAddresses(_ text: String) -> [Address] {
        if text.isEmpty { return [] }
        return text.split(separator: recordSeparator, omittingEmptySubsequences: false).map { entry in
            if let split = entry.firstIndex(of: unitSeparator) {
                let name = entry[..<split]
                return Address(name: name.isEmpty ? nil : String(name), address: String(entry[entry.index(after: split)...]))
            }
            return Address(address: String(entry))
        }
    }

    /// Appends `text`, with any separator character in it replaced by U+FFFD.
    private static func append(_ text: String, to out: inout String) {
        if !text.utf8.contains(where: { $0 == 0x1E || $0 == 0x1F }) {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            out.unicodeScalars.append(scalar == "\u{1E}" || scalar == "\u{1F}" ? "\u{FFFD}" : scalar)
        }
    }

    // MARK: - Flags

    /// The bit of each system flag in the `flags` column.
    static func bit(_ flag: Flag) -> Int64? {
        switch flag {
        case .seen: 1
        case .answered: 2
        case .flagged: 4
        case .deleted: 8
        case .draft: 16
        case .forwarded: 32
        case .keyword: nil
        }
    }

    private static let systemFlags: [Flag] = [.seen, .answered, .flagged, .deleted, .draft, .forwarded]

    /// The `flags` bits and the `keywords` text (nil when there are none) of a flag set.
    static func encode(_ flags: Set<Flag>) -> (bits: Int64, keywords: String?) {
        var bits: Int64 = 0
        var keywords: [String] = []
        for flag in flags {
            if let b = bit(flag) {
                bits |= b
            } else if case .keyword(let name) = flag, !name.isEmpty, !name.utf8.contains(0x20) {
                // Bytes, not `contains(" ")`: that one is Foundation's substring search, which was
                // three quarters of the time a first sync spent encoding rows' flags.
                keywords.append(name)
            }
        }
        return (bits, keywords.isEmpty ? nil : keywords.sorted().joined(separator: " "))
    }

    /// The flag set of a row.
    static func decodeFlags(bits: Int64, keywords: String?) -> Set<Flag> {
        var flags = Set<Flag>()
        for flag in systemFlags where bits & (bit(flag) ?? 0) != 0 { flags.insert(flag) }
        if let keywords {
            for name in keywords.split(separator: " ") { flags.insert(.keyword(String(name))) }
        }
        return flags
    }

    // MARK: - Message ids

    /// Ids without brackets, separated by spaces; nil when there are none.
    static func encode(_ ids: [MessageID]) -> String? {
        let values = ids.map(\.value).filter { !$0.isEmpty && !$0.utf8.contains(0x20) }
        return values.isEmpty ? nil : values.joined(separator: " ")
    }

    /// The ids of ``encode(_:)-([MessageID])``'s text.
    static func decodeIDs(_ text: String?) -> [MessageID] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: " ").map { MessageID(String($0)) }
    }

    // MARK: - Folder paths

    /// The JSON array of the path's components (components may hold any character).
    static func encode(_ path: MailboxPath) -> String {
        let normalized = path.isInbox ? MailboxPath.inbox : path
        guard let data = try? JSONEncoder().encode(normalized.components) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The path of ``encode(_:)-(MailboxPath)``'s text.
    static func decodePath(_ text: String) -> MailboxPath {
        let components = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [text]
        return MailboxPath(components)
    }

    // MARK: - Sort keys

    /// The subject to sort on: lower case, without leading `Re:`, `Fwd:`, `Fw:`, `Aw:`, `Wg:`
    /// and `[list]` tags, so that a thread's messages sort together.
    static func sortSubject(_ subject: String?) -> String {
        guard let subject, !subject.isEmpty else { return "" }
        // ASCII (nearly every subject) lowered byte by byte, into one buffer; other text by
        // Unicode's rules. `lowercased()` was a third of the time a first sync spent on this.
        let bytes: [UInt8] = subject.utf8.allSatisfy { $0 < 0x80 }
            ? subject.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            : Array(subject.lowercased().utf8)
        var i = 0
        var changed = true
        while changed {
            changed = false
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            for prefix in replyPrefixes where bytes.count - i >= prefix.count && bytes[i ..< i + prefix.count].elementsEqual(prefix) {
                i += prefix.count
                changed = true
                break
            }
            if !changed, i < bytes.count, bytes[i] == UInt8(ascii: "["),
               let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")) {
                i = close + 1
                changed = true
            }
        }
        return String(decoding: bytes[i...], as: UTF8.self)
    }

    private static let replyPrefixes: [[UInt8]] = ["re:", "fwd:", "fw:", "aw:", "wg:", "sv:", "vs:", "antw:"].map { Array($0.utf8) }

    /// The sender to sort on: the first author's name, else address, in lower case.
    static func sortFrom(_ from: [Address]) -> String {
        guard let first = from.first else { return "" }
        return (first.name ?? first.address).lowercased()
    }
}
