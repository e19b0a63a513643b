import MailCore
import MailEngine
import TerminalKit
import TernConfig

extension AppState {
    // MARK: - The draft on top

    /// The review screen on top, if the top screen is one.
    public var topComposer: ComposerState? {
        if case .composer(let composer)? = screens.last { return composer }
        return nil
    }

    /// Changes the review screen on top; returns what `change` returned.
    @discardableResult
    mutating func updateTopComposer<T>(_ change: (inout ComposerState) -> T) -> T? {
        guard case .composer(var composer)? = screens.last else { return nil }
        let result = change(&composer)
        screens[screens.count - 1] = .composer(composer)
        return result
    }

    /// Changes the review screen of draft `id`, wherever it is in the stack.
    @discardableResult
    mutating func updateComposer(_ id: String, _ change: (inout ComposerState) -> Void) -> Bool {
        for i in screens.indices.reversed() {
            guard case .composer(var composer) = screens[i], composer.id == id else { continue }
            change(&composer)
            screens[i] = .composer(composer)
            return true
        }
        return false
    }

    /// Closes the review screen of draft `id`.
    mutating func closeComposer(_ id: String) {
        screens.removeAll { entry in
            if case .composer(let composer) = entry { return composer.id == id }
            return false
        }
    }

    /// Changes the draft on top and saves it.
    mutating func changeDraft(_ body: (inout Draft) -> Void) -> [Effect] {
        guard let composer = updateTopComposer({ composer -> ComposerState in
            composer.change(body)
            return composer
        }) else { return [] }
        return [.compose(.save(id: composer.id, composer.draft, revision: composer.revision))]
    }

    /// Moves the attachment selection by `delta` (`Int.min`/`Int.max`: the first/last).
    public mutating func selectAttachment(by delta: Int) {
        updateTopComposer { composer in
            let count = composer.draft.attachments.count
            guard count > 0 else { return }
            let current = composer.selected ?? 0
            let target: Int
            if delta == .min { target = 0 } else if delta == .max { target = count - 1 } else { target = current + delta }
            composer.selected = min(max(target, 0), count - 1)
        }
    }

    // MARK: - Starting

    /// The message a command started in `context` works on: the one shown in the viewer, else the
    /// list's selected one.
    func composeSource(in context: KeyContext) -> MessageReference? {
        if context == .viewer, let reference = topReader?.reference { return reference }
        guard let view = folder, let uid = view.list.selected.flatMap(view.uid(at:)) else { return nil }
        return MessageReference(folder: view.key, uid: uid)
    }

    /// The account new messages are written in: the open folder's, else the default one.
    var composeAccount: String { folder?.key.account ?? config.defaultAccount }

    /// Whether composing is set up; shows why not when it is not.
    mutating func composeReady(_ account: String) -> Bool {
        if topComposer != nil {
            show(.warning, "Finish this message first: y sends it, P postpones it, q aborts it")
            return false
        }
        guard compose.isReady else {
            show(.warning, "The composer is still starting; try again in a moment")
            return false
        }
        guard compose.contexts[account] != nil else {
            show(.error, "Account \"\(account)\" has no settings for writing mail (from, identities); see `tern config example`")
            return false
        }
        return true
    }

    /// Starts a draft of `kind` from the message of `context` (or from nothing for a new one).
    mutating func startCompose(_ kind: ComposeStartKind, in context: KeyContext) -> [Effect] {
        if case .new = kind {
            let account = composeAccount
            guard composeReady(account) else { return [] }
            return [.compose(.start(ComposeStart(account: account, kind: kind)))]
        }
        guard let source = composeSource(in: context) else {
            show(.warning, folder?.rowCount ?? 0 > 0 ? "The message is still loading" : "There is no message here")
            return []
        }
        guard composeReady(source.folder.account) else { return [] }
        show(.info, "Starting…")
        return [.compose(.start(ComposeStart(account: source.folder.account, kind: kind, source: source)))]
    }

    /// `m`: asks To and Subject (unless `edit_headers` puts them in the editor), then starts.
    mutating func startNewMessage() -> [Effect] {
        let account = composeAccount
        guard composeReady(account) else { return [] }
        if compose.contexts[account]?.editHeaders == true {
            return startCompose(.new(to: [], subject: ""), in: .list)
        }
        compose.pendingAccount = account
        compose.pendingTo = nil
        openPrompt(.composer(.newTo(account: account)), label: "To: ")
        return []
    }

    /// The role folder Drafts of `account`, as far as the UI knows it.
    func draftsFolder(of account: String) -> MailboxPath {
        if let configured = config.accounts.first(where: { $0.name == account })?.roleOverrides[.drafts] {
            return MailboxPath(configured)
        }
        if let byRole = self.account(account)?.folders.first(where: { $0.role == .drafts }) { return byRole.path }
        return MailboxPath("Drafts")
    }

    /// `R`: takes up the newest draft left on disk, else opens the Drafts folder to pick a
    /// postponed message (`e` continues it).
    mutating func recallPostponed() -> [Effect] {
        if topComposer != nil {
            show(.warning, "Finish this message first: y sends it, P postpones it, q aborts it")
            return []
        }
        guard compose.isReady else {
            show(.warning, "The composer is still starting; try again in a moment")
            return []
        }
        if let entry = compose.recoverable.first {
            compose.recoverable.removeFirst()
            return [.compose(.resume(entry))]
        }
        let account = composeAccount
        let drafts = FolderKey(account: account, path: draftsFolder(of: account))
        var effects: [Effect] = []
        if folder?.key != drafts {
            focus = .list
            effects = openFolder(drafts)
        }
        show(.info, "Postponed messages are in \(drafts.path): press e on one to continue it")
        return effects
    }

    /// `e`: edits the message as a new one; in the Drafts folder it continues the postponed
    /// message (its copy there goes once it is sent or postponed again).
    mutating func editAsNew(in context: KeyContext) -> [Effect] {
        guard let source = composeSource(in: context) else {
            show(.warning, "There is no message here")
            return []
        }
        let resume = source.folder.path == draftsFolder(of: source.folder.account)
        return startCompose(.editAsNew(resume: resume), in: context)
    }

    // MARK: - On the review screen

    /// `y`: checks the draft and hands it to the outbox.
    mutating func sendDraft() -> [Effect] {
        guard let composer = topComposer, composer.busy == nil else { return [] }
        if composer.draft.recipients.isEmpty {
            show(.error, "The message has no recipient: press t to add one")
            return []
        }
        if !composer.problems.isEmpty {
            show(.error, "The text from the editor has problems (shown above): press e to fix them first")
            return []
        }
        updateTopComposer { $0.busy = "Queueing…" }
        return [.compose(.send(id: composer.id, composer.draft))]
    }

    /// `P`: stores the draft in the Drafts folder.
    mutating func postponeDraft() -> [Effect] {
        guard let composer = topComposer, composer.busy == nil else { return [] }
        updateTopComposer { $0.busy = "Postponing…" }
        return [.compose(.postpone(id: composer.id, composer.draft))]
    }

    /// `e`: runs the editor again.
    mutating func editDraft() -> [Effect] {
        guard let composer = topComposer, composer.busy == nil else { return [] }
        return [.compose(.edit(id: composer.id, composer.draft, revision: composer.revision))]
    }

    /// `q`: closes at once when nothing was written, else asks whether to postpone or discard.
    mutating func abortDraft() -> [Effect] {
        guard let composer = topComposer, composer.busy == nil else { return [] }
        if composer.isUntouched {
            closeComposer(composer.id)
            show(.info, "Message discarded (nothing was written)")
            return [.compose(.discard(id: composer.id))]
        }
        choice = ChoiceState(purpose: .compose(.abort), question: "Abort this message? (p)ostpone it, (d)iscard it, (c)ontinue editing",
                             choices: ["p", "d", "c"])
        return []
    }

    /// The answer to the abort question.
    mutating func answerAbort(_ key: Character) -> [Effect] {
        switch key {
        case "p": return postponeDraft()
        case "d":
            guard let composer = topComposer else { return [] }
            closeComposer(composer.id)
            show(.info, "Message discarded")
            return [.compose(.discard(id: composer.id))]
        default:
            return []
        }
    }

    /// Opens a prompt to edit `header` of the draft on top.
    mutating func editHeader(_ header: ComposerHeader) -> [Effect] {
        guard let composer = topComposer, composer.busy == nil else { return [] }
        let draft = composer.draft
        let text: String
        switch header {
        case .from: text = AddressText.one(draft.from)
        case .to: text = AddressText.list(draft.to)
        case .cc: text = AddressText.list(draft.cc)
        case .bcc: text = AddressText.list(draft.bcc)
        case .subject: text = draft.subject
        case .replyTo: text = AddressText.list(draft.replyTo)
        }
        let prefill = header.isAddressList && !text.isEmpty ? text + ", " : text
        openPrompt(.composer(.header(header)), label: "\(header.rawValue): ", text: prefill)
        if header == .from, let identities = compose.contexts[draft.account]?.identities, identities.count > 1 {
            prompt?.completions = identities.map(AddressText.one)
            prompt?.completionIndex = identities.firstIndex { $0.isSameMailbox(as: draft.from) }
            show(.info, "Tab chooses among the identities of \(draft.account)")
        }
        return []
    }

    /// Opens a prompt about the selected attachment (rename or retype).
    mutating func editAttachment(_ make: (Int) -> ComposerPrompt, label: String, text: (DraftAttachment) -> String) -> [Effect] {
        guard let composer = topComposer, composer.busy == nil else { return [] }
        guard let index = composer.selected, index < composer.draft.attachments.count else {
            show(.warning, "There is no attachment; press a to attach a file")
            return []
        }
        openPrompt(.composer(make(index)), label: label, text: text(composer.draft.attachments[index]))
        return []
    }

    /// `D`: removes the selected attachment.
    mutating func removeAttachment() -> [Effect] {
        guard let composer = topComposer, composer.busy == nil else { return [] }
        guard let index = composer.selected, index < composer.draft.attachments.count else {
            show(.warning, "There is no attachment to remove")
            return []
        }
        let name = composer.draft.attachments[index].name
        let effects = changeDraft { $0.attachments.remove(at: index) }
        show(.info, "Removed \(name)")
        return effects
    }

    /// `w`: switches format=flowed.
    mutating func toggleFlowed() -> [Effect] {
        guard let composer = topComposer, composer.busy == nil else { return [] }
        let effects = changeDraft { $0.flowed.toggle() }
        show(.info, composer.draft.flowed ? "The text is sent as it is (not format=flowed)" : "The text is sent as format=flowed")
        return effects
    }
}

extension AppState {
    /// A key for the built-in editor: edits the text; `<C-x>` or `<Esc>` puts it in the draft
    /// and saves it.
    mutating func builtInEditorKey(_ key: TerminalKit.Key) -> [Effect] {
        let height = max(1, ScreenLayout.page(size: size).body.height)
        let outcome = updateTopComposer { composer -> BuiltInEditorState.Outcome in
            guard var editor = composer.builtIn else { return .finished }
            let outcome = editor.handle(key, pageHeight: height)
            composer.builtIn = editor
            return outcome
        }
        guard outcome == .finished, let text = topComposer?.builtIn?.text else { return [] }
        updateTopComposer {
            $0.builtIn = nil
            $0.edited = true
        }
        message = nil
        return changeDraft { $0.body = text }
    }
}
