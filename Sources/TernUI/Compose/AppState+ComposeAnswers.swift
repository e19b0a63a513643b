import MailCore
import MailEngine

extension AppState {
    /// Applies the answer to a composer effect.
    mutating func applyCompose(_ answer: ComposeAnswer) -> [Effect] {
        switch answer {
        case .ready(let contexts, let recoverable, let outbox, let problems):
            compose.isReady = true
            compose.contexts = contexts
            compose.recoverable = recoverable
            for problem in problems { record(.warning, problem) }
            var retries: [Effect] = []
            for (account, count) in outbox.sorted(by: { $0.key < $1.key }) {
                updateAccount(account) { $0.outboxQueued = count }
                guard count > 0 else { continue }
                record(.info, "\(account): \(count) message(s) waiting in the outbox; sending those due")
                compose.sending.insert(account)
                retries.append(.compose(.flush(account: account, dueOnly: true)))
            }
            if let draft = compose.initialDraft {
                compose.initialDraft = nil
                return retries + [.compose(.begin(draft))]
            }
            if let first = recoverable.first {
                let more = recoverable.count > 1 ? " and \(recoverable.count - 1) more" : ""
                show(.warning, "An unsent draft was kept from an earlier session: \(first.summary)\(more); press R to continue it")
            }
            return retries
        case .opened(let result):
            return applyOpened(result) + outboxRefresh
        case .edited(let id, let revision, let answer):
            return applyEdited(id, revision: revision, answer)
        case .saveFailed(let id, let error):
            if updateComposer(id, { _ in }) {
                show(.error, "The draft could not be saved: \(error.message)")
            }
            return []
        case .queued(let id, let account, let result):
            switch result {
            case .success(let warnings):
                closeComposer(id)
                for warning in warnings { record(.warning, warning) }
                updateAccount(account) { $0.outboxQueued += 1 }
                compose.sending.insert(account)
                show(.info, warnings.isEmpty ? "Message queued; sending…" : "Message queued; sending… (\(warnings[0]))")
                return [.compose(.flush(account: account))] + outboxRefresh
            case .failure(let error):
                updateComposer(id) { $0.busy = nil }
                show(.error, "Not sent: \(error.message)")
                return []
            }
        case .postponed(let id, let result):
            switch result {
            case .success(let done):
                closeComposer(id)
                for warning in done.warnings { record(.warning, warning) }
                show(.info, "Message postponed to \(done.folder)")
                quitIfDone()
                if let view = folder, view.key.path == done.folder { return reloadFolder() + outboxRefresh }
                return outboxRefresh
            case .failure(let error):
                updateComposer(id) { $0.busy = nil }
                show(.error, "Not postponed: \(error.message)")
                return []
            }
        case .discarded(_, let result):
            if case .failure(let error) = result { show(.error, "The draft could not be removed from disk: \(error.message)") }
            quitIfDone()
            return outboxRefresh
        case .attached(let id, let result):
            switch result {
            case .success(let attachments):
                guard topComposer?.id == id else { return [] }
                let effects = changeDraft { $0.attachments += attachments }
                updateTopComposer { $0.selected = $0.draft.attachments.count - 1 }
                show(.info, attachments.count == 1 ? "Attached \(attachments[0].name)" : "Attached \(attachments.count) files")
                return effects
            case .failure(let error):
                show(.error, error.message)
                return []
            }
        case .completions(let kind, let text, let candidates):
            applyCompletions(kind, text: text, candidates)
            return []
        case .bounced(let account, let result):
            switch result {
            case .success:
                updateAccount(account) { $0.outboxQueued += 1 }
                compose.sending.insert(account)
                show(.info, "Message queued for bouncing; sending…")
                return [.compose(.flush(account: account))] + outboxRefresh
            case .failure(let error):
                show(.error, "Not bounced: \(error.message)")
                return []
            }
        case .flushed(let report):
            compose.sending.remove(report.account)
            updateAccount(report.account) { $0.outboxQueued = report.remaining }
            for warning in report.warnings { record(.warning, warning) }
            if let error = report.errors.first {
                for other in report.errors.dropFirst() { record(.error, other) }
                show(.error, error)
            } else if report.sent > 0 {
                show(.info, report.sent == 1 ? "Message sent" : "\(report.sent) messages sent")
            }
            // After `tern compose`, an error stays on screen until the user quits.
            if report.errors.isEmpty { quitIfDone() }
            return outboxRefresh
        case .outboxListed(let listing):
            applyOutboxListing(listing)
            if topOutbox != nil, let problem = listing.problems.first {
                for other in listing.problems.dropFirst() { record(.warning, other) }
                show(.warning, problem)
            }
            return []
        case .outboxRetried(let account, let result):
            switch result {
            case .success:
                return [.compose(.flush(account: account))] + outboxRefresh
            case .failure(let error):
                compose.sending.remove(account)
                show(.error, "Not retried: \(error.message)")
                return outboxRefresh
            }
        case .outboxDeleted(_, let result):
            switch result {
            case .success: show(.info, "Deleted from the outbox")
            case .failure(let error): show(.error, "Not deleted: \(error.message)")
            }
            return outboxRefresh
        }
    }

    /// After `tern compose`: ends tern once no review screen is left and nothing is being sent.
    mutating func quitIfDone() {
        guard compose.quitWhenDone, compose.initialDraft == nil, compose.sending.isEmpty else { return }
        let open = screens.contains { if case .composer = $0 { return true } else { return false } }
        if !open { quitRequested = true }
    }

    private mutating func applyOpened(_ result: Result<ComposeOpened, UIError>) -> [Effect] {
        switch result {
        case .failure(let error):
            show(.error, error.message)
            quitIfDone()
            return []
        case .success(let opened):
            if message?.text == "Starting…" { message = nil }
            var composer = ComposerState(id: opened.id, draft: opened.draft)
            composer.edited = !opened.openEditor
            prompt = nil
            push(.composer(composer))
            for note in opened.notes { show(.warning, note) }
            guard opened.openEditor else {
                if opened.notes.isEmpty { show(.info, "Draft recovered: y sends, e edits, P postpones, q aborts") }
                return []
            }
            composer.revision = 0
            return [.compose(.edit(id: opened.id, opened.draft, revision: 0))]
        }
    }

    private mutating func applyEdited(_ id: String, revision: Int, _ answer: EditorAnswer) -> [Effect] {
        var firstEdit = false
        var untouched = false
        let found = updateComposer(id) { composer in
            firstEdit = !composer.edited
            composer.edited = true
            composer.problems = answer.problems
            if let draft = answer.draft {
                composer.draft = draft
                composer.revision = revision + 1
                let count = draft.attachments.count
                composer.selected = count == 0 ? nil : min(composer.selected ?? 0, count - 1)
            }
            untouched = composer.isUntouched
        }
        guard found else { return [] }
        if answer.editorMissing {
            updateComposer(id) { composer in
                composer.builtIn = BuiltInEditorState(text: composer.draft.body, cursorLine: composer.draft.cursorLine)
            }
        }
        if let failure = answer.editorFailure {
            show(.error, failure)
            return []
        }
        for note in answer.notes { record(.info, note) }
        if !answer.problems.isEmpty {
            show(.error, "The text from the editor has problems: \(answer.problems[0]); press e to fix it")
            return []
        }
        // Only a message begun here and left as it began goes (NeoMutt's abort_unmodified); a
        // postponed draft, a message edited as new or one from the outbox is the user's own text,
        // and leaving the editor without a change means it is ready, not unwanted.
        if firstEdit && untouched, let draft = answer.draft, draft.kind.discardsWhenUnchanged {
            closeComposer(id)
            show(.info, "Message not changed: discarded")
            return [.compose(.discard(id: id))]
        }
        if let note = answer.notes.first { show(.warning, note) }
        return []
    }
}

extension DraftKind {
    /// Whether a draft of this kind is discarded when the first editor run leaves it as it began:
    /// true for messages begun from nothing or from a message being answered or forwarded; false
    /// for a postponed draft taken up again, a message edited as new and one from the outbox,
    /// whose text the user already wrote.
    var discardsWhenUnchanged: Bool {
        switch self {
        case .new, .reply, .groupReply, .listReply, .forward, .forwardAttached: return true
        case .editAsNew, .resumed, .fromOutbox: return false
        }
    }
}
