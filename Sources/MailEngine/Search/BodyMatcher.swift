import Foundation
import MailCore

/// Decides which body texts a message contains: the text parts a reader would see (MailCore's
/// body selection), transfer- and charset-decoded, compared ignoring case and diacritics. HTML
/// parts are searched as they are (tags included) until MailCore's HTML-to-text is used here.
public enum BodyMatcher {
    /// The terms of `terms` that occur in the message's shown text.
    public static func matches(_ bytes: [UInt8], terms: [String]) -> Set<String> {
        guard !terms.isEmpty else { return [] }
        let message = Message(bytes: bytes)
        var found = Set<String>()
        for numbered in message.bodyParts(preferring: .plainText) {
            let text = numbered.part.text()
            for term in terms where !found.contains(term) {
                if text.range(of: term, options: [.caseInsensitive, .diacriticInsensitive]) != nil { found.insert(term) }
            }
            if found.count == terms.count { break }
        }
        return found
    }
}
