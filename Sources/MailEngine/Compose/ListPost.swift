import Foundation
import MailCore

/// The posting address of a mailing list from a message's `List-Post` field (RFC 2369 §3.4):
/// `List-Post: <mailto:list@example.org>`, or `NO` for a list that takes no posts.
public enum ListPost {
    /// What a message's `List-Post` says.
    public enum Value: Sendable, Hashable {
        /// Post to these addresses.
        case addresses([Address])
        /// The list takes no posts (`List-Post: NO`).
        case notAllowed
    }

    /// Reads the `List-Post` field of `header`, or nil when there is none with a mailto: URL.
    ///
    /// The field lists URLs in angle brackets, separated by commas, possibly with comments; the
    /// first `mailto:` URL that gives an address is used (RFC 2369 §2).
    public static func parse(_ header: HeaderSection) -> Value? {
        guard let field = header.first("List-Post") else { return nil }
        let value = field.value()
        var withoutComments = ""
        var depth = 0
        for c in value {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { withoutComments.append(c) }
        }
        let trimmed = withoutComments.trimmingCharacters(in: .whitespaces)
        if trimmed.uppercased() == "NO" { return .notAllowed }
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let url = String(rest[rest.index(after: open)..<close]).filter { !$0.isWhitespace }
            rest = rest[rest.index(after: close)...]
            if MailtoURL.isMailto(url), let parsed = try? MailtoURL.parse(url), !parsed.to.isEmpty {
                return .addresses(parsed.to)
            }
        }
        return nil
    }
}
