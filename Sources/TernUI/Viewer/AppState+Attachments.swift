import Foundation
import MailCore
import MailEngine
import TerminalKit
import TernConfig

extension AppState {
    /// `v`: the attachment screen of the message in the viewer, or (from the list) of the selected
    /// message, opened in the viewer first.
    public mutating func viewAttachments(from context: KeyContext) -> [Effect] {
        if context == .list {
            guard let line = folder?.list.selected else { return [] }
            return openMessage(atLine: line, attachments: true)
        }
        guard let screen = topReader else { return [] }
        guard let message = screen.message else {
            updateReader { $0.attachmentsWhenLoaded = true }
            show(.info, "The message is still loading; its attachments follow")
            return []
        }
        push(.attachments(AttachmentScreen(reference: screen.reference, message: message,
                                           preferHTML: screen.reader?.options.preferHTML ?? config.preferHTML)))
        return []
    }

    /// Changes the attachment screen on top; nil when it is not on top.
    @discardableResult
    public mutating func updateAttachments<T>(_ change: (inout AttachmentScreen) -> T) -> T? {
        guard case .attachments(var screen)? = screens.last else { return nil }
        screens.removeLast()
        let result = change(&screen)
        screens.append(.attachments(screen))
        return result
    }

    /// Moves the attachment screen's selection.
    public mutating func moveAttachments(_ movement: PageMovement) {
        updateAttachments { screen in Self.apply(movement, to: &screen.list, count: screen.rows.count) }
    }

    /// Closes the attachment screen (and the viewer under it when `v` was pressed in the list).
    mutating func closeAttachments() {
        guard let screen = topAttachments else { return }
        popScreen()
        if screen.closesViewer, topReader?.reference == screen.reference { popScreen() }
    }

    /// The selected part, if it has bytes of its own; else says why not.
    mutating func selectedPart(for verb: String) -> AttachmentRow? {
        guard let row = topAttachments?.selectedRow else { return nil }
        if row.isContainer {
            show(.warning, "Part \(row.number) is a \(row.mimeType) container; choose one of the parts under it to \(verb)")
            return nil
        }
        return row
    }

    /// `s` on the attachment screen: asks where to save the selected part (Tab completes paths).
    public mutating func saveSelectedAttachment(argument: String?) -> [Effect] {
        guard let row = selectedPart(for: "save") else { return [] }
        let folder = AttachmentFiles.startFolder(downloadDirectory: config.viewer.downloadDirectory)
        let suggested = AttachmentFiles.suggestedPath(folder: folder, proposedName: row.proposedName, mimeType: row.mimeType)
        openPrompt(.viewer(.saveAttachment(number: row.number)), label: "Save \(row.number) to: ", text: suggested)
        if let argument, !argument.isEmpty {
            prompt?.field.text = argument
            return submitPrompt()
        }
        return []
    }

    /// The save prompt was answered: saves, or asks before replacing a file.
    mutating func submitSave(number: String, typed: String) -> [Effect] {
        guard let screen = topAttachments, let row = screen.rows.first(where: { $0.number == number }),
              let bytes = ReaderAttachments.bytes(of: number, in: screen.message) else {
            show(.error, "Part \(number) is no longer on screen; open the attachments again with v")
            return []
        }
        let destination: AttachmentFiles.Destination
        do {
            destination = try AttachmentFiles.destination(typed: typed, proposedName: row.proposedName, mimeType: row.mimeType)
        } catch {
            show(.error, String(describing: error))
            return []
        }
        let request = SaveRequest(bytes: bytes, destination: destination, mimeType: row.mimeType, overwrite: false)
        if destination.exists {
            askToReplace(request)
            return []
        }
        return [.viewer(.save(request))]
    }

    /// Asks whether to replace the file a save would write.
    mutating func askToReplace(_ request: SaveRequest) {
        choice = ChoiceState(purpose: .viewer(.replace(request)),
                             question: "\(request.destination.name) already exists in \(request.destination.folder); replace it?",
                             choices: ["y", "n"])
    }

    /// The answer to a viewer question.
    mutating func answerViewerChoice(_ purpose: ViewerChoice, _ answer: Character) -> [Effect] {
        switch purpose {
        case .replace(var request):
            guard answer == "y" else {
                show(.info, "Not saved: \(request.destination.name) is left as it was; press s to choose another name")
                return []
            }
            request.overwrite = true
            return [.viewer(.save(request))]
        case .replaceAll(let request):
            return answerReplaceAll(request, answer)
        }
    }

    /// `Enter` on the attachment screen: opens the part with its mailcap entry or the opener.
    public mutating func openSelectedAttachment() -> [Effect] {
        guard let row = selectedPart(for: "open"), let screen = topAttachments,
              let bytes = ReaderAttachments.bytes(of: row.number, in: screen.message) else { return [] }
        let name = row.filename ?? row.subject ?? "part \(row.number)"
        show(.info, "Opening \(name)…")
        return [.viewer(.open(OpenRequest(bytes: bytes, mimeType: row.mimeType,
                                          parameters: ReaderAttachments.parameters(of: row.number, in: screen.message),
                                          name: name, settings: config.viewer)))]
    }

    /// `|`: asks for a command to pipe the selected part (attachment screen), the message (viewer)
    /// or the selected message (list) to.
    public mutating func startPipe(from context: KeyContext, argument: String?) -> [Effect] {
        let target: PipeTarget
        let label: String
        switch context {
        case .attachments:
            guard let row = selectedPart(for: "pipe") else { return [] }
            target = .part(number: row.number)
            label = "Pipe part \(row.number) to: "
        case .viewer:
            guard topReader?.message != nil else {
                show(.info, "The message is still loading")
                return []
            }
            target = .shownMessage
            label = "Pipe message to: "
        default:
            guard let view = folder, let uid = view.list.selected.flatMap(view.uid(at:)) else { return [] }
            target = .message(MessageReference(folder: view.key, uid: uid))
            label = "Pipe message to: "
        }
        openPrompt(.viewer(.pipe(target)), label: label)
        if let argument, !argument.isEmpty {
            prompt?.field.text = argument
            return submitPrompt()
        }
        return []
    }

    /// The pipe prompt was answered.
    mutating func submitPipe(_ target: PipeTarget, command: String) -> [Effect] {
        guard !command.isEmpty else { return [] }
        let source: PipeRequest.Source
        switch target {
        case .shownMessage:
            guard let message = viewedMessage?.message else { return [] }
            source = .bytes(message.bytes)
        case .part(let number):
            guard let screen = topAttachments, let bytes = ReaderAttachments.bytes(of: number, in: screen.message) else { return [] }
            source = .bytes(bytes)
        case .message(let reference):
            source = .message(reference)
        }
        let usesTerminal = PipeMode.usesTerminal(command)
        if !usesTerminal { show(.info, "Running \(command)…") }
        return [.viewer(.pipe(PipeRequest(source: source, command: command, usesTerminal: usesTerminal)))]
    }

    /// `gx`: asks for the number of a link in the message and opens it.
    public mutating func startOpenURL(argument: String?) -> [Effect] {
        guard topReader?.reader != nil else {
            show(.info, "The message is still loading")
            return []
        }
        let urls = updateReader { screen -> [String] in
            guard var reader = screen.reader else { return [] }
            screen.reader = nil
            defer { screen.reader = reader }
            return reader.urls()
        } ?? []
        guard !urls.isEmpty else {
            show(.info, "This message has no links")
            return []
        }
        if let argument, !argument.isEmpty { return openURL(number: argument) }
        if urls.count == 1 { return openURL(number: "1") }
        openPrompt(.viewer(.openURL), label: "Open link (1-\(urls.count)): ")
        return []
    }

    /// Opens link `number` (as typed) of the message in the viewer.
    mutating func openURL(number typed: String) -> [Effect] {
        let urls = topReader?.reader?.document.urls ?? []
        guard let number = Int(typed.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))),
              urls.indices.contains(number - 1) else {
            show(.error, "\"\(typed)\" is not a link number; the links are numbered 1 to \(urls.count) in the text ([1], [2] ...)")
            return []
        }
        let url = urls[number - 1]
        show(.info, "Opening \(url)")
        return [.viewer(.openURL(url, opener: config.viewer.opener))]
    }
}
