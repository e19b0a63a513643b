import Foundation
import MailCore
import MailEngine
import TerminalKit

extension AppState {
    /// Applies the answer to a ``ViewerEffect``.
    public mutating func applyViewer(_ answer: ViewerAnswer) -> [Effect] {
        switch answer {
        case .loaded(let reference, let result):
            return applyLoaded(reference, result)
        case .saved(let request, let result):
            switch result {
            case .success(let saved):
                let renamed = saved.renamed ? " (the name was taken, so it got a number)" : ""
                show(.info, "Saved \(NumberText.size(saved.byteCount)) to \(saved.path)\(renamed)")
            case .failure(let failure) where failure.fileExists && !request.overwrite:
                askToReplace(request)
            case .failure(let failure):
                show(.error, failure.message)
            }
        case .progress(let name, let done, let total):
            // Shown, not logged: the log keeps the outcome only.
            let percent = total > 0 ? done * 100 / total : 100
            message = StatusMessage(level: .info, text: "Saving \(name): \(percent)% of \(NumberText.size(total))", time: now)
        case .showText(let title, let text):
            let lines = TextSanitizer.bodyText(text)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { Line(String($0).replacingOccurrences(of: "\t", with: "    ")) }
            push(.page(Page(kind: .output, title: title, lines: lines)))
        case .needsTerminal(let job):
            return [.viewer(.runInTerminal(job))]
        case .status(let level, let text):
            show(level, text)
        }
        return []
    }

    /// Acts on the answer to a viewer prompt.
    mutating func submitViewerPrompt(_ purpose: ViewerPrompt, text: String) -> [Effect] {
        switch purpose {
        case .saveAttachment(let number):
            return submitSave(number: number, typed: text)
        case .pipe(let target):
            return submitPipe(target, command: text)
        case .openURL:
            guard !text.isEmpty else { return [] }
            return openURL(number: text)
        }
    }

    /// Tab at a viewer prompt: completes a file path at the save prompt.
    mutating func completeViewerPrompt(_ purpose: ViewerPrompt) {
        guard case .saveAttachment = purpose, var current = prompt else {
            show(.info, "No completion")
            return
        }
        let typed = current.field.text
        let result = PathCompletion.complete(typed)
        guard !result.candidates.isEmpty else {
            show(.info, "No file or folder starts with \(typed.split(separator: "/").last.map(String.init) ?? typed)")
            return
        }
        if result.candidates.count == 1 {
            current.field.text = result.candidates[0]
        } else {
            current.completions = result.candidates
            if result.commonPrefix.count > typed.count { current.field.text = result.commonPrefix }
        }
        prompt = current
    }
}
