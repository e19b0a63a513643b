import Foundation
import MailCore
import MailEngine

extension EffectRunner {
    /// Performs a composer effect off the UI thread (the editor excepted: see
    /// ``performInForeground(_:)``).
    func performCompose(_ effect: ComposeEffect, deliver: @Sendable (AppMessage) -> Void) async {
        guard let composer else {
            if case .setUp = effect {
                deliver(.compose(.ready(contexts: [:], recoverable: [], outbox: [:], problems: [])))
            }
            if case .listOutbox = effect {
                deliver(.compose(.outboxListed(OutboxListingAnswer(messages: [], problems: ["sending is not set up"]))))
            }
            return
        }
        switch effect {
        case .setUp:
            var contexts: [String: ComposeContext] = [:]
            var outbox: [String: Int] = [:]
            for account in backends.keys {
                if let context = composer.context(for: account) { contexts[account] = context }
                outbox[account] = composer.outboxCount(account: account)
            }
            let recoverable = composer.recoverable().filter { backends[$0.account] != nil }
            deliver(.compose(.ready(contexts: contexts, recoverable: recoverable, outbox: outbox, problems: composer.bookProblems)))
        case .start(let request):
            let backend = backends[request.account]
            deliver(.compose(.opened(await Self.result { try await composer.start(request, backend: backend) })))
        case .begin(let draft):
            deliver(.compose(.opened(await Self.result { try composer.begin(draft) })))
        case .resume(let entry):
            deliver(.compose(.opened(await Self.result { try composer.resume(entry) })))
        case .edit:
            for answer in performInForeground(effect) { deliver(answer) }
        case .save(let id, let draft, let revision):
            do {
                try composer.save(id, draft, revision: revision)
            } catch {
                deliver(.compose(.saveFailed(id: id, UIError(error: error))))
            }
        case .send(let id, let draft):
            let backend = backends[draft.account]
            deliver(.compose(.queued(id: id, account: draft.account,
                                     await Self.result { try await composer.queue(id, draft, backend: backend) })))
        case .flush(let account, let dueOnly):
            deliver(.compose(.flushed(await composer.flush(account: account, backend: backends[account], dueOnly: dueOnly))))
        case .postpone(let id, let draft):
            let backend = backends[draft.account]
            deliver(.compose(.postponed(id: id, await Self.result { try await composer.postpone(id, draft, backend: backend) })))
        case .discard(let id):
            deliver(.compose(.discarded(id: id, await Self.result { try composer.discard(id) })))
        case .attach(let id, let text):
            deliver(.compose(.attached(id: id, await Self.result { try composer.attachments(for: text) })))
        case .complete(let kind, let text):
            let candidates = kind == .path ? composer.completePath(text) : composer.completeAddresses(text)
            deliver(.compose(.completions(kind, text: text, candidates)))
        case .listOutbox:
            deliver(.compose(.outboxListed(composer.outboxListing())))
        case .retryOutbox(let account, let id):
            deliver(.compose(.outboxRetried(account: account, await Self.result { try await composer.retryOutbox(account: account, id: id) })))
        case .deleteOutbox(let account, let id):
            deliver(.compose(.outboxDeleted(account: account, await Self.result { try await composer.deleteOutbox(account: account, id: id) })))
        case .editOutbox(let account, let id):
            deliver(.compose(.opened(await Self.result { try await composer.editOutbox(account: account, id: id) })))
        case .bounce(let reference, let to):
            let backend = backends[reference.folder.account]
            deliver(.compose(.bounced(account: reference.folder.account,
                                      await Self.result { try await composer.bounce(reference, to: to, backend: backend) })))
        }
    }

    /// Performs an effect that needs the terminal, on the calling thread (the UI thread, with the
    /// terminal given back): runs the editor and returns its answer.
    public func performInForeground(_ effect: ComposeEffect) -> [AppMessage] {
        guard case .edit(let id, let draft, let revision) = effect else { return [] }
        guard let composer else { return [] }
        return [.compose(.edited(id: id, revision: revision, composer.runEditor(id, draft, revision: revision)))]
    }

    static func result<T>(_ body: () async throws -> T) async -> Result<T, UIError> {
        do {
            return .success(try await body())
        } catch let error as UIError {
            return .failure(error)
        } catch {
            return .failure(UIError(error: error))
        }
    }
}
