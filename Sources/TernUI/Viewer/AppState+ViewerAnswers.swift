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
        case .laidOut(let job):
            applyLaidOut(job)
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
        case .savedAll(let request, let outcome):
            applySavedAll(request, outcome)
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
        case .saveAll:
            return submitSaveAll(typed: text)
        case .pipe(let target):
            return submitPipe(target, command: text)
        case .openURL:
            guard !text.isEmpty else { return [] }
            return openURL(number: text)
        }
    }

    /// Tab at a viewer prompt: completes a file path at the save prompt, a folder at the
    /// save-all prompt.
    mutating func completeViewerPrompt(_ purpose: ViewerPrompt) {
        guard purpose.completesPaths, var current = prompt else {
            show(.info, "No completion")
            return
        }
        let typed = current.field.text
        let result = PathCompletion.complete(typed)
        var candidates = result.candidates
        var commonPrefix = result.commonPrefix
        if purpose == .saveAll {
            // The save-all prompt asks for a folder.
            candidates = candidates.filter { $0.hasSuffix("/") }
            commonPrefix = Self.commonPrefix(of: candidates, atLeast: typed)
        }
        guard !candidates.isEmpty else {
            let what = purpose == .saveAll ? "folder" : "file or folder"
            show(.info, "No \(what) starts with \(typed.split(separator: "/").last.map(String.init) ?? typed)")
            return
        }
        if candidates.count == 1 {
            current.field.text = candidates[0]
        } else {
            current.completions = candidates
            if commonPrefix.count > typed.count { current.field.text = commonPrefix }
        }
        prompt = current
    }

    /// The longest text every candidate starts with, or `typed` when that is longer.
    static func commonPrefix(of candidates: [String], atLeast typed: String) -> String {
        guard var prefix = candidates.first else { return typed }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix.count < typed.count ? typed : prefix
    }
}

extension ViewerPrompt {
    /// True for the prompts whose text is a path (Tab completes it).
    var completesPaths: Bool {
        switch self {
        case .saveAttachment, .saveAll: return true
        case .pipe, .openURL: return false
        }
    }
}
