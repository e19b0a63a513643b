import Foundation
import MailEngine
import TerminalKit
import TernUI

/// Runs the interactive client: the terminal UI on a thread of its own (the only thread that
/// touches the terminal) while the accounts' backends work on the concurrency pool.
enum InteractiveClient {
    /// Opens the UI over `backends` and returns when the user quits. Changes to messages still on
    /// their way (flags, moves, deletions) are waited for, then the backends are closed.
    /// Drafts still open in the composer when the UI ends stay on disk, offered back at the next start.
    /// - Parameters:
    ///   - configuration: the UI settings (accounts, keys, theme, sort...).
    ///   - backends: one backend per account of `configuration`, by account name.
    ///   - composer: drafts, editor and outbox of the accounts that can compose.
    ///   - draft: a draft to open the composer on at once (`tern compose`); the UI ends with it.
    ///   - early: requests started before the UI (a cold inbox's newest page).
    /// - Throws: ``TerminalError`` when there is no usable terminal.
    static func run(configuration: UIConfiguration, backends: [String: any MailBackend], composer: ComposeService?, draft: Draft? = nil,
                    early: EarlyRequests = EarlyRequests()) async throws {
        var setUp = EffectRunner(backends: backends, theme: configuration.theme)
        setUp.composer = composer
        setUp.early = early
        let runner = setUp
        let outcome: Result<[Task<Void, Never>], any Error> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result {
                    let screen = try NcursesScreen()
                    defer { screen.shutdown() }
                    if let path = ProcessInfo.processInfo.environment["TERN_PIDFILE"], !path.isEmpty {
                        try? "\(getpid())\n".write(toFile: path, atomically: true, encoding: .utf8)
                    }
                    var state = AppState(config: configuration, size: screen.size)
                    state.compose.initialDraft = draft
                    let controller = AppController(screen: screen, state: state, runner: runner)
                    return try controller.run()
                })
            }
            thread.name = "tern UI"
            thread.stackSize = 8 << 20
            thread.start()
        }
        composer?.releaseAll()
        let pending = try outcome.get()
        for task in pending { await task.value }
        for backend in backends.values { await backend.close() }
    }
}
