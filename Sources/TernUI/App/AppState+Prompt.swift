import MailCore
import MailEngine
import TerminalKit
import TernConfig

extension AppState {
    /// Opens a text prompt at the bottom.
    public mutating func openPrompt(_ purpose: PromptPurpose, label: String, text: String = "") {
        pendingKeys.removeAll()
        prompt = PromptState(purpose: purpose, label: label, text: text)
    }

    /// Closes the prompt without acting.
    public mutating func cancelPrompt() {
        prompt = nil
    }

    /// Forgets the completions after the text changed.
    mutating func promptTextChanged() {
        prompt?.completions = []
        prompt?.completionIndex = nil
        prompt?.historyIndex = nil
    }

    /// Accepts the prompt's text and acts on it.
    public mutating func submitPrompt() -> [Effect] {
        guard let current = prompt else { return [] }
        prompt = nil
        let text = current.field.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            var past = history[current.purpose.historyKind] ?? []
            past.removeAll { $0 == text }
            past.append(text)
            if past.count > 100 { past.removeFirst(past.count - 100) }
            history[current.purpose.historyKind] = past
        }
        switch current.purpose {
        case .search(let backward):
            guard !text.isEmpty else { return [] }
            return search(text, backward: backward)
        case .limit:
            return applyLimit(text)
        case .tagPattern, .untagPattern:
            guard !text.isEmpty, let view = folder else { return [] }
            guard let query = parseQuery(text) else { return [] }
            isSearching = true
            return [.collectMatches(view.key, query: query, purpose: current.purpose == .tagPattern ? .tag : .untag,
                                    generation: view.generation)]
        case .moveTo(let uids), .copyTo(let uids):
            guard !text.isEmpty, let view = folder else { return [] }
            guard let target = resolveFolder(text, account: view.key.account) else { return [] }
            if target == view.key.path {
                show(.warning, "The messages are already in \(target)")
                return []
            }
            if case .moveTo = current.purpose {
                return [.perform(.move(to: target), uids: uids, in: view.key)]
            }
            return [.perform(.copy(to: target), uids: uids, in: view.key)]
        case .changeFolder:
            guard !text.isEmpty else { return [] }
            let account = folder?.key.account ?? config.defaultAccount
            guard let path = resolveFolder(text, account: account) else { return [] }
            focus = .list
            return openFolder(FolderKey(account: account, path: path))
        case .commandLine:
            return runCommandLine(text)
        case .viewer(let purpose):
            return submitViewerPrompt(purpose, text: text)
        case .composer(let field):
            return submitComposerPrompt(field, text: current.field.text)
        }
    }

    /// Searches the list or, when a page is on top, the page's text.
    public mutating func search(_ text: String, backward: Bool) -> [Effect] {
        if topReader != nil {
            lastSearch = LastSearch(text: text, backward: backward)
            searchReader(text, backward: backward, again: false)
            return []
        }
        if topPage != nil {
            lastSearch = LastSearch(text: text, backward: backward)
            searchPage(text, backward: backward, skipCurrent: false)
            return []
        }
        guard let query = parseQuery(text) else { return [] }
        return searchList(query, text: text, backward: backward)
    }

    /// Sets (or, for empty text or `all`, clears) the limit, and reloads the list.
    public mutating func applyLimit(_ text: String) -> [Effect] {
        guard var view = folder else { return [] }
        if text.isEmpty || text == "all" || text == "~A" {
            guard view.limit != nil else { return [] }
            view.limit = nil
            folder = view
            show(.info, "Showing all messages")
            return reloadFolder(resetPosition: true)
        }
        guard let query = parseQuery(text) else { return [] }
        view.limit = ListLimit(text: text, query: query)
        folder = view
        return reloadFolder(resetPosition: true)
    }

    /// Parses a query of the `/` language, or shows why it cannot.
    mutating func parseQuery(_ text: String) -> SearchQuery? {
        do {
            return try SearchQuery.parse(text)
        } catch {
            show(.error, String(describing: error))
            return nil
        }
    }

    /// The folder of `account` named `text` (case-insensitively for INBOX), or an error shown.
    mutating func resolveFolder(_ text: String, account: String) -> MailboxPath? {
        let wanted = MailboxPath(text)
        guard let state = self.account(account) else { return nil }
        if wanted.isInbox { return .inbox }
        if let exact = state.folders.first(where: { $0.path == wanted }) { return exact.path }
        if let loose = state.folders.first(where: { $0.path.description.lowercased() == text.lowercased() }) { return loose.path }
        if !state.foldersLoaded { return wanted }
        show(.error, "\(account) has no folder \"\(text)\"; press Tab at the prompt to complete a folder name")
        return nil
    }

    /// Runs `name [argument]` typed at the `:` prompt; a number alone goes to that line (`:50000`).
    mutating func runCommandLine(_ text: String) -> [Effect] {
        guard !text.isEmpty else { return [] }
        if let line = Int(text), line > 0 {
            guard var view = folder, view.rowCount > 0 else { return [] }
            view.list.select(min(line, view.rowCount) - 1, count: view.rowCount)
            view.anchor = nil
            folder = view
            focus = .list
            return []
        }
        let parts = text.split(separator: " ", maxSplits: 1)
        let word = String(parts[0])
        let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
        guard let name = CommandName(rawValue: word) else {
            let close = Suggestions.closest(to: word, in: CommandName.allCases.map(\.rawValue))
            show(.error, "unknown command \"\(word)\"" + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?"))
            return []
        }
        var context = keyContext
        if !name.isAvailable(in: context), name.contexts.contains(.list) { context = .list }
        return run(name, in: context, argument: argument)
    }

    /// Tab: completes the prompt's text (folder names or command names); Tab again cycles.
    public mutating func completePrompt() {
        guard var current = prompt else { return }
        if !current.completions.isEmpty {
            let next = ((current.completionIndex ?? -1) + 1) % current.completions.count
            current.completionIndex = next
            current.field.text = current.completions[next]
            prompt = current
            return
        }
        if case .viewer(let purpose) = current.purpose {
            completeViewerPrompt(purpose)
            return
        }
        let text = current.field.text
        let candidates: [String]
        switch current.purpose {
        case .commandLine:
            candidates = CommandName.allCases.map(\.rawValue).filter { $0.hasPrefix(text) }
        case .moveTo, .copyTo, .changeFolder:
            let account = folder?.key.account ?? config.defaultAccount
            let names = sidebar.entries.filter { $0.account == account }.compactMap { entry -> String? in
                if case .folder(let path) = entry.kind { return path.description }
                return nil
            }
            let lower = text.lowercased()
            candidates = names.filter { $0.lowercased().hasPrefix(lower) || $0.lowercased().contains("/" + lower) }
        default:
            candidates = []
        }
        guard !candidates.isEmpty else {
            show(.info, "No completion")
            return
        }
        if candidates.count == 1 {
            current.field.text = candidates[0]
        } else {
            current.completions = candidates
            let common = Self.commonPrefix(candidates)
            if common.count > text.count { current.field.text = common }
        }
        prompt = current
    }

    /// Up/Down at the prompt: the previous or next entry of the prompt's history.
    public mutating func browseHistory(older: Bool) {
        guard var current = prompt else { return }
        let past = history[current.purpose.historyKind] ?? []
        guard !past.isEmpty else { return }
        if current.historyIndex == nil { current.draft = current.field.text }
        var index = current.historyIndex ?? past.count
        index += older ? -1 : 1
        if index < 0 { index = 0 }
        if index >= past.count {
            current.historyIndex = nil
            current.field.text = current.draft
        } else {
            current.historyIndex = index
            current.field.text = past[index]
        }
        current.completions = []
        current.completionIndex = nil
        prompt = current
    }

    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for string in strings.dropFirst() {
            let chars = Array(string)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }
}
