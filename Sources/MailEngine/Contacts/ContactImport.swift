import Foundation
import MailCore
import MailStore

/// Reads contacts from files exported by other programs, for `tern contacts import`:
/// CSV from Google Contacts, Outlook, Thunderbird and others (the columns are found by their
/// names), and vCard 2.1, 3.0 and 4.0 (RFC 6350).
public enum ContactImport {
    /// The formats understood.
    public enum Format: String, Sendable, CaseIterable {
        /// Comma- (or semicolon-) separated values with a header row.
        case csv
        /// vCard (`.vcf`).
        case vcard
    }

    /// What an import file gave.
    public struct Result: Sendable, Hashable {
        /// The contacts, one per address (a person with two addresses gives two).
        public var records: [ContactRecord]
        /// Entries skipped and why, with their row or card number.
        public var skipped: [String]
    }

    /// Why a file cannot be imported at all.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong and what to do.
        public var message: String

        public var description: String { message }
    }

    /// The format of a file, from its name and its first bytes.
    public static func detect(path: String, text: String) -> Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".vcf") || lower.hasSuffix(".vcard") { return .vcard }
        if lower.hasSuffix(".csv") { return .csv }
        let start = text.drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace }).prefix(11).uppercased()
        return start.hasPrefix("BEGIN:VCARD") ? .vcard : .csv
    }

    /// Reads a file's text in the given format.
    ///
    /// - Throws: ``Failure`` when the file does not look like the format at all.
    public static func read(_ text: String, format: Format) throws -> Result {
        switch format {
        case .csv: return try ContactsCSV.read(text)
        case .vcard: return try VCardReader.read(text)
        }
    }
}
