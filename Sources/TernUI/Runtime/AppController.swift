import Foundation
import MailCore
import MailEngine
import TerminalKit

/// The running UI: owns the ``AppState``, runs the ``EventLoop`` on the calling thread (the UI
/// thread, the only one that touches the terminal), performs effects in tasks and posts their
/// answers and the backends' events into the loop's mailbox.
///
/// Changes to messages (flags, moves, deletions) run one after another per account, and
/// ``run()`` returns them so the caller can wait for them before closing the backends.
public final class AppController {
    /// The state (read it after ``run()`` in tests).
    public private(set) var state: AppState
    /// The loop.
    public let loop: EventLoop<AppMessage>
    private let runner: EffectRunner
    private var chains: [String: Task<Void, Never>] = [:]
    private var eventTasks: [Task<Void, Never>] = []
    private var lastMinute = 0
    private var lastOutboxCount = Date()

    /// Creates the controller.
    /// - Parameters:
    ///   - screen: the terminal (``NcursesScreen``) or a ``VirtualScreen`` in tests.
    ///   - state: the state to start from.
    ///   - runner: performs the effects.
    public init(screen: any Screen, state: AppState, runner: EffectRunner) {
        self.state = state
        self.runner = runner
        self.loop = EventLoop(screen: screen, tickInterval: .seconds(1))
        self.state.size = screen.size
    }

    /// Runs the UI until `quit` or the end of input.
    /// - Returns: the tasks of the message changes still running, to await before closing backends.
    /// - Throws: a ``TerminalError`` from the screen.
    public func run() throws -> [Task<Void, Never>] {
        startEvents()
        dispatch(state.start())
        try loop.run(draw: { frame in
            AppRenderer.render(&state, into: &frame)
        }, handle: { event, control in
            let effects: [Effect]
            switch event {
            case .input(let input):
                effects = state.handle(input)
            case .message(let message):
                effects = state.apply(message)
            case .tick:
                let now = Date()
                let minute = Int(now.timeIntervalSince1970 / 60)
                state.now = now
                control.needsRedraw = minute != lastMinute || state.isBusy
                lastMinute = minute
                effects = state.outboxCheck(now: now, last: &lastOutboxCount)
            }
            dispatch(effects)
            if state.quitRequested { control.quit() }
        })
        for task in eventTasks { task.cancel() }
        return Array(chains.values)
    }

    /// Starts forwarding each backend's events into the loop.
    private func startEvents() {
        let mailbox = loop.mailbox
        for (account, backend) in runner.backends {
            let events = backend.events
            eventTasks.append(Task {
                for await event in events {
                    mailbox.post(.event(account: account, event))
                }
            })
        }
    }

    /// Performs effects in the background; changes to messages run in order per account.
    private func dispatch(_ effects: [Effect]) {
        let mailbox = loop.mailbox
        let runner = self.runner
        for effect in effects {
            switch effect {
            case .redrawScreen:
                try? loop.screen.suspend()
                try? loop.screen.resume()
            case .viewer(.runInTerminal(let job)):
                // The program has the terminal; the UI waits for it, then takes the terminal back.
                do {
                    mailbox.post(try loop.runSuspended { EffectRunner.runJob(job) })
                } catch {
                    mailbox.post(.viewer(.status(.error, "The terminal could not be given to \(job.title): \(error)")))
                }
            case .viewer(.copy(var request)):
                // OSC 52 goes to the terminal from this thread; the clipboard program runs in a task.
                request.sentToTerminal = loop.screen.setClipboard(request.text)
                Task {
                    await runner.perform(.viewer(.copy(request))) { mailbox.post($0) }
                }
            case .compose(let compose) where compose.usesTerminal:
                // The editor runs in the foreground on this thread, with the terminal given back.
                do {
                    let answers = try loop.runSuspended { runner.performInForeground(compose) }
                    for answer in answers { mailbox.post(answer) }
                } catch {
                    mailbox.post(.event(account: state.config.defaultAccount, .error("the terminal could not be given to the editor: \(error)")))
                }
            case .perform(_, _, let key):
                let previous = chains[key.account]
                chains[key.account] = Task {
                    await previous?.value
                    await runner.perform(effect) { mailbox.post($0) }
                }
            default:
                Task {
                    await runner.perform(effect) { mailbox.post($0) }
                }
            }
        }
    }
}

extension AppState {
    /// The effects of starting up: every account's folders, and the default account's inbox.
    /// The folder list of the default account waits when it fetches a folder's newest messages
    /// first (IMAP): its inbox's cached rows, or else its newest page from the server, come before
    /// LIST on the one connection (see ``syncOnceShown()``).
    public mutating func start() -> [Effect] {
        for notice in config.notices { show(.error, notice) }
        var effects: [Effect] = [.compose(.setUp)]
        for account in accounts {
            if account.name == config.defaultAccount && account.fetchesNewestFirst {
                updateAccount(account.name) { $0.folderLoadDeferred = true }
            } else {
                effects.append(.loadFolders(account: account.name))
            }
        }
        effects += openFolder(FolderKey(account: config.defaultAccount, path: .inbox))
        return effects + ensureVisibleRows()
    }

    /// How often the outboxes are counted again while the UI runs.
    public static let outboxCountInterval: TimeInterval = 10

    /// The outbox count due at `now` (every ``outboxCountInterval`` once the composer is set up,
    /// which counted them at start); `last` is when the previous one was asked for.
    public func outboxCheck(now: Date, last: inout Date) -> [Effect] {
        guard compose.isReady, now.timeIntervalSince(last) >= Self.outboxCountInterval else { return [] }
        last = now
        return [.countOutbox]
    }

    /// Whether something runs in the background that the status line shows.
    public var isBusy: Bool {
        isSearching || accounts.contains { $0.sync != nil }
    }
}
