import Foundation
import MailCore
import MailEngine
import TerminalKit
import TernConfig

extension AppState {
    /// The parts `S` saves: every leaf and embedded message that is not shown as the text.
    static func savableRows(of screen: AttachmentScreen) -> [AttachmentRow] {
        screen.rows.filter { !$0.isContainer && !$0.isShownAsText }
    }

    /// `S` in the viewer or on the attachment screen: asks for a folder (Tab completes) and saves
    /// every attachment of the message into it.
    public mutating func startSaveAll(from context: KeyContext, argument: String?) -> [Effect] {
        if context == .viewer {
            guard let screen = topReader else { return [] }
            guard let message = screen.message else {
                show(.info, "The message is still loading")
                return []
            }
            let rows = Self.savableRows(of: AttachmentScreen(reference: screen.reference, message: message,
                                                             preferHTML: screen.reader?.options.preferHTML ?? config.preferHTML))
            guard !rows.isEmpty else {
                show(.info, "This message has no attachments")
                return []
            }
        } else {
            guard let screen = topAttachments else { return [] }
            guard !Self.savableRows(of: screen).isEmpty else {
                show(.info, "This message has no attachments")
                return []
            }
        }
        var folder = AttachmentFiles.startFolder(downloadDirectory: config.viewer.downloadDirectory)
        if !folder.hasSuffix("/") { folder += "/" }
        openPrompt(.viewer(.saveAll), label: "Save all attachments to folder: ", text: folder)
        if let argument, !argument.isEmpty {
            prompt?.field.text = argument
            return submitPrompt()
        }
        return []
    }

    /// The message and its savable rows on the top screen (viewer or attachment screen).
    var saveAllSource: (message: Message, rows: [AttachmentRow])? {
        switch screens.last {
        case .attachments(let screen)?:
            return (screen.message, Self.savableRows(of: screen))
        case .reader(let screen)?:
            guard let message = screen.message else { return nil }
            let rows = Self.savableRows(of: AttachmentScreen(reference: screen.reference, message: message,
                                                             preferHTML: screen.reader?.options.preferHTML ?? config.preferHTML))
            return (message, rows)
        default:
            return nil
        }
    }

    /// The folder prompt was answered: saves, or asks first when names are taken.
    mutating func submitSaveAll(typed: String) -> [Effect] {
        guard let source = saveAllSource else {
            show(.error, "The message is no longer on screen; open it again and press S")
            return []
        }
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            show(.error, "No folder given; type the folder to save the attachments into")
            return []
        }
        // A folder: the part after the last slash is never taken as a file name.
        let folderText = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        var items: [SaveAllRequest.Item] = []
        var folder = ""
        var taken: Set<String> = []
        for row in source.rows {
            guard let bytes = ReaderAttachments.bytes(of: row.number, in: source.message) else { continue }
            let destination: AttachmentFiles.Destination
            do {
                destination = try AttachmentFiles.destination(typed: folderText, proposedName: row.proposedName, mimeType: row.mimeType)
            } catch {
                show(.error, String(describing: error))
                return []
            }
            folder = destination.folder
            // Two parts of the same name: the second is numbered whatever the answer.
            let exists = destination.exists && !taken.contains(destination.name)
            taken.insert(destination.name)
            items.append(SaveAllRequest.Item(number: row.number, bytes: bytes, proposedName: row.proposedName,
                                             mimeType: row.mimeType, name: destination.name, exists: exists))
        }
        guard !items.isEmpty else {
            show(.info, "This message has no attachments to save")
            return []
        }
        let request = SaveAllRequest(folder: folder, items: items, replace: false)
        let existing = request.existing
        if !existing.isEmpty {
            let names = existing.prefix(3).map(\.name).joined(separator: ", ") + (existing.count > 3 ? ", …" : "")
            let what = existing.count == 1 ? "\(names) already exists" : "\(existing.count) files already exist (\(names))"
            choice = ChoiceState(purpose: .viewer(.replaceAll(request)),
                                 question: "\(what) in \(folder): (y) replace, (k) keep both with numbered names, (n) cancel?",
                                 choices: ["y", "k", "n"])
            return []
        }
        return [.viewer(.saveAll(request))]
    }

    /// The answer to "replace the files that exist?".
    mutating func answerReplaceAll(_ request: SaveAllRequest, _ answer: Character) -> [Effect] {
        var request = request
        switch answer {
        case "y":
            request.replace = true
        case "k":
            request.replace = false
        default:
            show(.info, "Nothing saved; press S to choose another folder")
            return []
        }
        return [.viewer(.saveAll(request))]
    }

    /// A save-all ended: names the files written (and the failure that stopped it).
    mutating func applySavedAll(_ request: SaveAllRequest, _ outcome: SaveAllOutcome) {
        let total = outcome.saved.reduce(0) { $0 + $1.byteCount }
        let names = outcome.saved.map(\.name).joined(separator: ", ")
        let files = outcome.saved.count == 1 ? "1 file" : "\(outcome.saved.count) files"
        if let failure = outcome.failure {
            let done = outcome.saved.isEmpty ? "" : " (saved \(files) first: \(names))"
            show(.error, failure.message + done)
        } else {
            show(.info, "Saved \(files) (\(NumberText.size(total))) to \(request.folder): \(names)")
        }
    }
}
