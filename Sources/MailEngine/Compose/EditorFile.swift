import Foundation
import MailCore

/// The file the editor opens: the body alone, or with `edit_headers = true` the headers at the top
/// (From, To, Cc, Bcc, Subject, Reply-To), an empty line, then the body, as NeoMutt writes it.
///
/// Reading it back turns the header lines into the draft's fields (aliases expanded) and adds an
/// attachment for each `Attach: PATH` line. When something is wrong the draft is left as it was
/// and the problems name their lines; the file keeps the user's text so it can be edited again.
public enum EditorFile {
    /// The header fields written, in order.
    public static let fieldNames = ["From", "To", "Cc", "Bcc", "Subject", "Reply-To"]

    /// The file's text for `draft` and the line (from 1) where the editor's cursor goes.
    ///
    /// - Parameter headers: write the header block (`edit_headers`).
    public static func render(_ draft: Draft, headers: Bool) -> (text: String, cursorLine: Int) {
        var body = draft.body
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        let bodyLine = draft.cursorLine ?? 1
        guard headers else { return (body, bodyLine) }
        func list(_ addresses: [Address]) -> String { addresses.map(\.description).joined(separator: ", ") }
        let lines = [
            "From: " + draft.from.description,
            "To: " + list(draft.to),
            "Cc: " + list(draft.cc),
            "Bcc: " + list(draft.bcc),
            "Subject: " + draft.subject,
            "Reply-To: " + list(draft.replyTo),
        ].map { $0.hasSuffix(" ") ? String($0.dropLast()) : $0 }
        return (lines.joined(separator: "\n") + "\n\n" + body, lines.count + 1 + bodyLine)
    }

    /// What reading the file gave.
    public struct ReadResult: Sendable, Hashable {
        /// The draft with the file's contents, or nil when there are problems.
        public var draft: Draft?
        /// What is wrong, by line; empty when the draft was read.
        public var problems: [Problem]
        /// Things worth telling the user that did not stop the reading.
        public var notes: [String]
    }

    /// Something wrong on a line of the editor file.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The line, from 1.
        public var line: Int
        /// What is wrong and what to do.
        public var message: String

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads the file's text back into `draft`.
    ///
    /// - Parameters:
    ///   - text: the file as the editor left it.
    ///   - draft: the draft before editing.
    ///   - headers: the file was written with the header block.
    ///   - reader: how address fields are read (aliases).
    ///   - directory: the directory relative `Attach:` paths are taken from.
    public static func read(_ text: String, into draft: Draft, headers: Bool, reader: AddressFieldReader = AddressFieldReader(),
                            directory: String = FileManager.default.currentDirectoryPath) -> ReadResult {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var result = draft
        result.cursorLine = nil
        guard headers else {
            result.body = text
            return ReadResult(draft: result, problems: [], notes: [])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, headerName(first) != nil else {
            // The user removed the header block: keep the fields, take everything as the body.
            result.body = text
            return ReadResult(draft: result, problems: [],
                              notes: ["The headers at the top of the file were removed; From, To, Cc, Bcc, Subject and Reply-To were kept as they were."])
        }
        // Header lines (with continuation lines) up to the first empty line.
        var fields: [(name: String, value: String, line: Int)] = []
        var index = 0
        var problems: [Problem] = []
        while index < lines.count {
            let line = lines[index]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { index += 1; break }
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += " " + line.trimmingBlanks
            } else if let name = headerName(line) {
                let value = line[line.index(after: line.firstIndex(of: ":")!)...].trimmingBlanks
                fields.append((name, value, index + 1))
            } else {
                problems.append(Problem(line: index + 1, message: "\"\(TextSanitizer.headerText(String(line.prefix(40))))\" is not a header line "
                    + "(Name: value); leave an empty line between the headers and the text"))
            }
            index += 1
        }
        result.body = lines[index...].joined(separator: "\n")
        var seen = Set<String>()
        for field in fields {
            let lowered = field.name.lowercased()
            if lowered != "attach" && !seen.insert(lowered).inserted {
                problems.append(Problem(line: field.line, message: "\(field.name) appears twice; keep one \(field.name) line"))
                continue
            }
            do {
                switch lowered {
                case "from":
                    let addresses = try reader.read(field.value, field: "From")
                    guard addresses.count == 1 else {
                        problems.append(Problem(line: field.line, message: "From needs exactly one address (found \(addresses.count))"))
                        continue
                    }
                    result.from = addresses[0]
                case "to": result.to = try reader.read(field.value, field: "To")
                case "cc": result.cc = try reader.read(field.value, field: "Cc")
                case "bcc": result.bcc = try reader.read(field.value, field: "Bcc")
                case "reply-to": result.replyTo = try reader.read(field.value, field: "Reply-To")
                case "subject": result.subject = TextSanitizer.headerText(field.value)
                case "attach":
                    if field.value.isEmpty { continue }
                    result.attachments += try AttachmentPaths.attachments(for: field.value, relativeTo: directory)
                default:
                    problems.append(Problem(line: field.line, message: "\(TextSanitizer.headerText(field.name)) is not a header tern reads here; "
                        + "use From, To, Cc, Bcc, Subject, Reply-To or Attach"))
                }
            } catch let error as AddressFieldError {
                problems.append(Problem(line: field.line, message: error.description))
            } catch let error as ComposeError {
                problems.append(Problem(line: field.line, message: error.description))
            } catch {
                problems.append(Problem(line: field.line, message: "\(error)"))
            }
        }
        if !problems.isEmpty { return ReadResult(draft: nil, problems: problems, notes: []) }
        return ReadResult(draft: result, problems: [], notes: [])
    }

    /// The field name of a header line (`Name:` with a name of letters, digits and `-`), or nil.
    static func headerName(_ line: Substring) -> String? {
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return nil }
        let name = line[..<colon]
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return String(name)
    }
}
