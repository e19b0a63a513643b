import TerminalKit
import TernConfig

extension AppState {
    /// Applies one input event: keys go through the keymap of the current context to a command.
    /// - Returns: the effects of the command run, plus loads of rows that came into view.
    public mutating func handle(_ input: InputEvent) -> [Effect] {
        var effects: [Effect]
        switch input {
        case .key(let key):
            effects = handleKey(key)
        case .paste(let text):
            if prompt != nil {
                prompt?.field.insert(text)
                promptTextChanged()
            } else if topComposer?.builtIn != nil {
                updateTopComposer { $0.builtIn?.insert(text) }
            }
            effects = []
        case .mouse(let event):
            effects = handleMouse(event)
        case .resize(let newSize):
            size = newSize
            effects = []
        }
        return effects + ensureVisibleRows()
    }

    private mutating func handleKey(_ terminalKey: TerminalKit.Key) -> [Effect] {
        if choice != nil { return answerChoice(terminalKey) }
        if topComposer?.builtIn != nil { return builtInEditorKey(terminalKey) }
        if prompt == nil, pendingKeys.isEmpty, message?.level != .error || terminalKey != .escape {
            message = nil
        }
        guard let key = TernConfig.Key(terminal: terminalKey) else {
            show(.warning, "\(terminalKey.name) cannot be bound to anything")
            return []
        }
        let context = keyContext
        if key == TernConfig.Key.named(.escape), !pendingKeys.isEmpty, context != .prompt {
            pendingKeys.removeAll()
            return []
        }
        pendingKeys.append(key)
        switch config.keymap.match(pendingKeys, in: context) {
        case .command(let name):
            pendingKeys.removeAll()
            return run(name, in: context)
        case .pending:
            return []
        case .unbound:
            let typed = pendingKeys
            pendingKeys.removeAll()
            if context == .prompt {
                if typed.count == 1, let character = terminalKey.insertableCharacter {
                    prompt?.field.insert(String(character))
                    promptTextChanged()
                }
                return []
            }
            if typed.count == 1 && key == TernConfig.Key.named(.escape) {
                tagPrefix = false
                message = nil
                return []
            }
            let keys = typed.map(\.description).joined()
            show(.warning, "\(keys) is not bound in the \(context) context; press ? for help")
            tagPrefix = false
            return []
        }
    }

    /// Runs a command by name in `context` (from a key, or from the `:` command line).
    /// - Parameters:
    ///   - name: the command.
    ///   - context: the context it was invoked in.
    ///   - argument: the rest of a `:` command line, if any.
    public mutating func run(_ name: CommandName, in context: KeyContext, argument: String? = nil) -> [Effect] {
        guard let command = commands.command(name) else {
            show(.warning, "\(name) is not available in this build of tern yet")
            tagPrefix = false
            return []
        }
        guard command.contexts.contains(context) || (command.contexts.contains(.global) && context.inheritsGlobal) else {
            show(.warning, "\(name) does not work in the \(context) context")
            tagPrefix = false
            return []
        }
        let invocation = CommandInvocation(context: context, useTagged: tagPrefix && name != .tagPrefix, argument: argument)
        if name != .tagPrefix { tagPrefix = false }
        return command.run(invocation, state: &self)
    }

    private mutating func answerChoice(_ key: TerminalKit.Key) -> [Effect] {
        guard let question = choice else { return [] }
        if key == .escape || key == .ctrl("c") || key == .ctrl("g") {
            choice = nil
            show(.info, "Cancelled")
            return []
        }
        guard let character = key.insertableCharacter, let index = question.choices.firstIndex(of: character) else {
            return []
        }
        choice = nil
        switch question.purpose {
        case .sort(let reverse):
            let fields: [SortField] = [.date, .from, .subject, .size, .thread]
            return setOrder(ListOrder(field: fields[index], reverse: reverse))
        case .viewer(let purpose):
            return answerViewerChoice(purpose, character)
        case .compose(let purpose):
            return answerComposeChoice(purpose, question.choices[index])
        }
    }

    /// Sorts the open folder by `order` (the order then stays for folders opened later).
    public mutating func setOrder(_ order: ListOrder) -> [Effect] {
        guard var view = folder else { return [] }
        let keepStart = view.positioned
        view.order = order
        view.threads = nil
        view.pages.removeAll()
        view.count = nil
        folder = view
        let effects = reloadFolder(resetPosition: true)
        if keepStart { show(.info, "Sorted by \(order)") }
        return effects
    }

    private mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard prompt == nil, choice == nil, topComposer == nil else { return [] }
        if topReader != nil || topAttachments != nil || topURLs != nil { return handleViewerMouse(event) }
        if var page = topPage {
            let body = ScreenLayout.page(size: size).body
            let rows = page.layout(width: body.width).rowCount
            _ = page.view.handleMouse(event, area: body, rowCount: rows)
            updateTopPage { $0 = page }
            return []
        }
        let layout = self.layout
        if let area = layout.sidebar, area.contains(event.position) {
            // The list as drawn: the sidebar keeps its state only while focused, else it shows the open folder.
            var list = sidebar.list
            if focus != .sidebar, let key = folder?.key, let line = sidebar.index(of: key) {
                list.select(line, count: sidebar.entries.count)
            }
            list.fit(count: sidebar.entries.count, height: area.height)
            guard list.handleMouse(event, area: area, count: sidebar.entries.count) else { return [] }
            sidebar.list = list
            focus = .sidebar
            if case .press(.left) = event.kind, let line = list.selected,
               let key = sidebar.entries[line].folderKey, sidebar.entries[line].isSelectable {
                focus = .list
                return openFolder(key)
            }
            return []
        }
        if layout.list.contains(event.position), var view = folder {
            if view.list.handleMouse(event, area: layout.list, count: view.rowCount) {
                view.anchor = nil
                folder = view
                focus = .list
            }
        }
        return []
    }
}
