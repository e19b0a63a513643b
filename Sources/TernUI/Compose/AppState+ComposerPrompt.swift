import MailCore
import MailEngine

extension AppState {
    /// Acts on the text typed at a composer prompt.
    mutating func submitComposerPrompt(_ field: ComposerPrompt, text raw: String) -> [Effect] {
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch field {
        case .newTo(let account):
            guard let addresses = readAddresses(text, field: "To", account: account, reopen: field, raw: raw) else { return [] }
            compose.pendingTo = addresses
            openPrompt(.composer(.newSubject(account: account)), label: "Subject: ")
            return []
        case .newSubject(let account):
            let to = compose.pendingTo ?? []
            compose.pendingTo = nil
            compose.pendingAccount = nil
            return [.compose(.start(ComposeStart(account: account, kind: .new(to: to, subject: text))))]
        case .header(let header):
            return setHeader(header, text: text, raw: raw)
        case .attach:
            guard !text.isEmpty, let composer = topComposer else { return [] }
            return [.compose(.attach(id: composer.id, text: text))]
        case .rename(let index):
            guard !text.isEmpty else {
                show(.error, "An attachment needs a name")
                return []
            }
            if text.contains("/") || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                show(.error, "\"\(text)\" cannot be a file name: no / or control characters")
                return []
            }
            return changeAttachment(index) { $0.name = text }
        case .contentType(let index):
            let lower = text.lowercased()
            let parts = lower.split(separator: "/", omittingEmptySubsequences: false)
            let token: (Substring) -> Bool = { part in
                !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "!#$&^_.+-".contains($0)) }
            }
            guard parts.count == 2, token(parts[0]), token(parts[1]) else {
                show(.error, "\"\(text)\" is not a MIME type; write it as type/subtype, e.g. application/pdf")
                return []
            }
            return changeAttachment(index) { $0.contentType = lower }
        case .bounce(let reference):
            guard let context = compose.contexts[reference.folder.account] else { return [] }
            let addresses: [Address]
            do {
                addresses = try context.reader.read(text, field: "Bounce to")
            } catch {
                show(.error, "\(error)")
                openPrompt(.composer(field), label: "Bounce to: ", text: raw)
                return []
            }
            guard !addresses.isEmpty else {
                show(.error, "Bounce to whom? Type at least one address")
                return []
            }
            // Aliases are expanded: the question names every address the message goes to.
            let resolved = addresses.map(\.address).joined(separator: ", ")
            choice = ChoiceState(purpose: .compose(.bounce(reference, to: text)), question: "Bounce to \(resolved)? (y/n)",
                                 choices: ["y", "n"])
            return []
        }
    }

    /// Reads an address field with the account's aliases, or shows why not and opens the prompt again.
    private mutating func readAddresses(_ text: String, field: String, account: String, reopen: ComposerPrompt, raw: String) -> [Address]? {
        guard let context = compose.contexts[account] else { return nil }
        do {
            return try context.reader.read(text, field: field)
        } catch {
            show(.error, "\(error)")
            openPrompt(.composer(reopen), label: "\(field): ", text: raw)
            return nil
        }
    }

    private mutating func setHeader(_ header: ComposerHeader, text: String, raw: String) -> [Effect] {
        guard let composer = topComposer else { return [] }
        let account = composer.draft.account
        switch header {
        case .subject:
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                show(.error, "The subject cannot hold control characters")
                return []
            }
            return changeDraft { $0.subject = text }
        case .from:
            guard let address = Address.parse(text) else {
                show(.error, "\"\(text)\" is not one address; write it as Name <name@example.org>")
                openPrompt(.composer(.header(.from)), label: "From: ", text: raw)
                return []
            }
            let identities = compose.contexts[account]?.identities ?? []
            if !identities.contains(where: { $0.isSameMailbox(as: address) }) {
                show(.warning, "\(address.address) is not one of the identities of \(account); the server may refuse it")
            }
            return changeDraft { $0.from = address }
        case .to, .cc, .bcc, .replyTo:
            let cleaned = text.hasSuffix(",") ? String(text.dropLast()) : text
            guard let addresses = readAddresses(cleaned, field: header.rawValue, account: account,
                                                reopen: .header(header), raw: raw) else { return [] }
            return changeDraft { draft in
                switch header {
                case .to: draft.to = addresses
                case .cc: draft.cc = addresses
                case .bcc: draft.bcc = addresses
                default: draft.replyTo = addresses
                }
            }
        }
    }

    private mutating func changeAttachment(_ index: Int, _ body: (inout DraftAttachment) -> Void) -> [Effect] {
        guard let composer = topComposer, index < composer.draft.attachments.count else { return [] }
        return changeDraft { body(&$0.attachments[index]) }
    }

    /// Tab at a composer prompt: cycles through the completions already offered, else asks for them.
    mutating func completeComposerPrompt(_ field: ComposerPrompt) -> [Effect] {
        guard var current = prompt else { return [] }
        if !current.completions.isEmpty {
            let next = ((current.completionIndex ?? -1) + 1) % current.completions.count
            current.completionIndex = next
            current.field.text = current.completions[next]
            prompt = current
            return []
        }
        guard let kind = field.completion else {
            show(.info, "No completion here")
            return []
        }
        return [.compose(.complete(kind, text: current.field.text))]
    }

    /// Completions arrived: used if the prompt still holds the text they were made for.
    mutating func applyCompletions(_ kind: ComposeCompletion, text: String, _ candidates: [String]) {
        guard var current = prompt, case .composer(let field) = current.purpose, field.completion == kind,
              current.field.text == text else { return }
        guard !candidates.isEmpty else {
            show(.info, kind == .path ? "No file matches" : "No address matches")
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
}
