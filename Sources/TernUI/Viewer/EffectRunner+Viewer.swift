import Foundation
import MailCore
import MailEngine

extension EffectRunner {
    /// Saves of at least this many bytes report their progress.
    static let progressThreshold = 4 << 20

    /// Performs a ``ViewerEffect``; `deliver` gets the answers.
    func performViewer(_ effect: ViewerEffect, deliver: @Sendable (AppMessage) -> Void) async {
        switch effect {
        case .load(let reference):
            deliver(.viewer(.loaded(reference, await attempt(reference.folder.account) {
                Message(bytes: try await $0.messageBytes(reference.uid, in: reference.folder.path))
            })))
        case .layOut(let job):
            deliver(.viewer(.laidOut(await Self.layOut(job))))
        case .save(let request):
            deliver(.viewer(.saved(request, Self.save(request, deliver: deliver))))
        case .saveAll(let request):
            deliver(.viewer(.savedAll(request, Self.saveAll(request, deliver: deliver))))
        case .copy(let request):
            deliver(.viewer(await Self.copy(request, environment: ProcessInfo.processInfo.environment)))
        case .open(let request):
            await open(request, deliver: deliver)
        case .pipe(let request):
            await pipe(request, deliver: deliver)
        case .openURL(let url, let opener):
            do {
                try URLOpener(opener: opener, environment: ProcessInfo.processInfo.environment).open(url)
                deliver(.viewer(.status(.info, "Opened \(url)")))
            } catch {
                deliver(.viewer(.status(.error, "Cannot open \(url): \(error)")))
            }
        case .runInTerminal(let job):
            deliver(Self.runJob(job))
        }
    }

    /// Finishes a layout on a thread of its own (it may take seconds for a huge body; the
    /// cooperative pool is left to the accounts).
    static func layOut(_ job: LayoutJob) async -> LayoutJob {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                var finished = job
                finished.document.layOutAll()
                continuation.resume(returning: finished)
            }
        }
    }

    /// Runs a terminal job (the runtime suspends the UI around it) and says how it ended.
    public static func runJob(_ job: TerminalJob) -> AppMessage {
        do {
            let result = try job.run()
            if result.succeeded { return .viewer(.status(.info, "Finished: \(job.title)")) }
            return .viewer(.status(.warning, "Status \(result.status): \(job.title)"))
        } catch {
            return .viewer(.status(.error, "Cannot run \(job.title): \(error)"))
        }
    }

    static func save(_ request: SaveRequest, deliver: @Sendable (AppMessage) -> Void) -> Result<AttachmentFiles.Saved, AttachmentFiles.Failure> {
        let name = request.destination.name
        let big = request.bytes.count >= progressThreshold
        return withoutActuallyEscaping(deliver) { deliver in
            do {
                return .success(try AttachmentFiles.save(request.bytes, to: request.destination, mimeType: request.mimeType,
                                                         overwrite: request.overwrite, progress: { done, total in
                    if big, done < total { deliver(.viewer(.progress(name: name, done: done, total: total))) }
                }))
            } catch let failure as AttachmentFiles.Failure {
                return .failure(failure)
            } catch {
                return .failure(AttachmentFiles.Failure(message: "Cannot save \(name): \(error)"))
            }
        }
    }

    /// Saves each attachment of a save-all in turn: an item whose name was taken replaces the file
    /// when the user said so, else it gets a numbered name; a big one reports its progress.
    static func saveAll(_ request: SaveAllRequest, deliver: @Sendable (AppMessage) -> Void) -> SaveAllOutcome {
        var saved: [AttachmentFiles.Saved] = []
        let count = request.items.count
        return withoutActuallyEscaping(deliver) { deliver in
            for (index, item) in request.items.enumerated() {
                let big = item.bytes.count >= progressThreshold
                let label = count > 1 ? "\(item.name) (\(index + 1) of \(count))" : item.name
                let progress: (Int, Int) -> Void = { done, total in
                    if big, done < total { deliver(.viewer(.progress(name: label, done: done, total: total))) }
                }
                do {
                    if request.replace, item.exists {
                        let path = request.folder.hasSuffix("/") ? request.folder + item.name : request.folder + "/" + item.name
                        let destination = try AttachmentFiles.destination(typed: path, proposedName: item.name, mimeType: item.mimeType)
                        saved.append(try AttachmentFiles.save(item.bytes, to: destination, mimeType: item.mimeType,
                                                              overwrite: true, progress: progress))
                    } else {
                        let one = AttachmentFiles.Item(bytes: item.bytes, proposedName: item.name, mimeType: item.mimeType)
                        saved += try AttachmentFiles.saveAll([one], into: request.folder, progress: { _, done, total in progress(done, total) })
                    }
                } catch let failure as AttachmentFiles.Failure {
                    return SaveAllOutcome(saved: saved, failure: failure)
                } catch {
                    return SaveAllOutcome(saved: saved, failure: AttachmentFiles.Failure(message: "Cannot save \(item.name): \(error)"))
                }
            }
            return SaveAllOutcome(saved: saved, failure: nil)
        }
    }

    /// Copies text with the desktop's clipboard program when there is one, and says where the text went
    /// (the runtime has already sent it to the terminal with OSC 52 when ``CopyRequest/sentToTerminal``).
    static func copy(_ request: CopyRequest, environment: [String: String]) async -> ViewerAnswer {
        let shown = request.text.count > 60 ? String(request.text.prefix(59)) + "…" : request.text
        var places: [String] = []
        if request.sentToTerminal { places.append("the terminal's clipboard") }
        var problem: String?
        if let program = Clipboard.program(environment: environment) {
            do {
                try await Clipboard.copy(request.text, environment: environment)
                places.append(program[0])
            } catch {
                problem = String(describing: error)
            }
        }
        if places.isEmpty {
            return .status(.error, "Cannot copy: " + (problem ?? "the terminal cannot take it and no clipboard program was found (install wl-copy, xclip or xsel)"))
        }
        return .status(.info, "Copied \(shown) to " + places.joined(separator: " and "))
    }

    func open(_ request: OpenRequest, deliver: @Sendable (AppMessage) -> Void) async {
        let viewer = AttachmentViewer(mailcap: Mailcap.load(files: request.settings.mailcapFiles), opener: request.settings.opener)
        do {
            switch try viewer.prepare(request.bytes, mimeType: request.mimeType, parameters: request.parameters) {
            case .showAsText:
                let text = CharsetDecoder.decode(request.bytes, charset: request.parameters["charset"])
                deliver(.viewer(.showText(title: request.name, text: text)))
            case .run(let prepared):
                switch prepared.mode {
                case .terminal:
                    deliver(.viewer(.needsTerminal(TerminalJob(id: Self.nextJobID(), title: prepared.origin) {
                        try prepared.runInTerminal()
                    })))
                case .output:
                    let result = try await prepared.runCapturingOutput()
                    deliver(.viewer(.showText(title: "\(request.name) (\(prepared.origin))",
                                              text: Self.outputText(result))))
                case .background:
                    try prepared.startInBackground(linger: 30)
                    deliver(.viewer(.status(.info, "Opened \(request.name) with the \(prepared.origin)")))
                }
            }
        } catch {
            deliver(.viewer(.status(.error, "Cannot open \(request.name): \(error)")))
        }
    }

    func pipe(_ request: PipeRequest, deliver: @Sendable (AppMessage) -> Void) async {
        let bytes: [UInt8]
        switch request.source {
        case .bytes(let given):
            bytes = given
        case .message(let reference):
            switch await attempt(reference.folder.account, { try await $0.messageBytes(reference.uid, in: reference.folder.path) }) {
            case .success(let loaded): bytes = loaded
            case .failure(let error):
                deliver(.viewer(.status(.error, "Cannot pipe the message: \(error.message)")))
                return
            }
        }
        if request.usesTerminal {
            // The command gets the terminal (a pager, urlview): the runtime suspends the UI around it.
            do {
                let command = try PipeCommand(request.command)
                deliver(.viewer(.needsTerminal(TerminalJob(id: Self.nextJobID(), title: request.command) {
                    try command.runInTerminal(bytes)
                })))
            } catch {
                deliver(.viewer(.status(.error, "Cannot run \(request.command): \(error)")))
            }
            return
        }
        do {
            let result = try await PipeCommand(request.command).runCapturingOutput(bytes)
            let how = result.succeeded ? "finished" : "ended with status \(result.status)"
            if !result.output.isEmpty {
                deliver(.viewer(.showText(title: "| \(request.command)", text: Self.outputText(result))))
            }
            deliver(.viewer(.status(result.succeeded ? .info : .warning, "\(request.command) \(how)")))
        } catch {
            deliver(.viewer(.status(.error, "Cannot run \(request.command): \(error)")))
        }
    }

    /// A program's output as text, with a note when it was cut.
    static func outputText(_ result: ExternalProcess.Result) -> String {
        var text = String(decoding: result.output, as: UTF8.self)
        if result.truncated { text += "\n[output cut at \(ExternalProcess.captureLimit >> 20) MiB]" }
        return text
    }

    private static let jobCounter = JobCounter()

    static func nextJobID() -> Int { jobCounter.next() }
}

/// Numbers terminal jobs.
private final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
