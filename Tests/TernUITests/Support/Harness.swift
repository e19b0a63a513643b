import Foundation
import MailCore
import MailEngine
import TerminalKit
import TernConfig
import TernTestSupport
import TernUI

/// Collects messages delivered from a @Sendable closure.
final class MessageBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [AppMessage] = []
    func append(_ message: AppMessage) { lock.lock(); items.append(message); lock.unlock() }
    func take() -> [AppMessage] { lock.lock(); defer { items.removeAll(); lock.unlock() }; return items }
}

/// The fixed "now" of the UI tests: 2026-09-21 20:26:40 UTC (a Monday).
let testNow = Date(timeIntervalSince1970: 1_790_022_400)

/// Runs the UI without a terminal: keys go to ``AppState``, effects are performed against a fake
/// backend at once and their answers applied, and the screen is rendered into a ``VirtualScreen``
/// after every step, as the real loop does.
final class Harness {
    var state: AppState
    var runner: EffectRunner
    let backends: [String: FakeMailBackend]
    /// Every effect performed, in order.
    private(set) var effects: [Effect] = []
    private(set) var screen: VirtualScreen

    init(size: Size = Size(width: 80, height: 24), backends: [FakeMailBackend], theme: UITheme = .plain,
         order: ListOrder = ListOrder(field: .date), keymap: Keymap = .defaults, sidebarWidth: Int = 20,
         fetchesNewestFirst: Bool = false) {
        var config = UIConfiguration(accounts: backends.map { .init(name: $0.accountName, fetchesNewestFirst: fetchesNewestFirst) },
                                     keymap: keymap, theme: theme,
                                     order: order, sidebarWidth: sidebarWidth, dateFormat: "%Y-%m-%d")
        config.timeZone = TimeZone(identifier: "UTC").map(DisplayZone.zone) ?? .system
        state = AppState(config: config, size: size, now: testNow)
        var map: [String: FakeMailBackend] = [:]
        for backend in backends { map[backend.accountName] = backend }
        self.backends = map
        runner = EffectRunner(backends: map, theme: theme)
        screen = VirtualScreen(width: size.width, height: size.height)
    }

    /// A harness over one standard fake account with `inbox` generated messages.
    convenience init(inbox: Int, size: Size = Size(width: 80, height: 24), theme: UITheme = .plain,
                     order: ListOrder = ListOrder(field: .date), sidebarWidth: Int = 20) {
        self.init(size: size, backends: [FakeMailBackend.standard(account: "test", inbox: inbox)], theme: theme,
                  order: order, sidebarWidth: sidebarWidth)
    }

    var backend: FakeMailBackend { backends.values.first! }

    /// Starts the UI and settles.
    func start() async {
        await settle(state.start())
    }

    /// Performs effects and applies their answers until nothing is left, drawing after each round.
    func settle(_ initial: [Effect]) async {
        var queue = initial
        render()
        var rounds = 0
        while !queue.isEmpty || rounds == 0 {
            rounds += 1
            let batch = queue
            queue.removeAll()
            for effect in batch {
                effects.append(effect)
                let box = MessageBox()
                await runner.perform(effect) { box.append($0) }
                for message in box.take() { queue += state.apply(message) }
            }
            for (account, backend) in backends {
                for event in await backend.takeEmitted() { queue += state.apply(.event(account: account, event)) }
            }
            render()
            queue += state.ensureVisibleRows()
            if rounds > 1000 { break }
        }
    }

    /// Types keys in config notation (`jj`, `<C-d>`, `/from:bob<Enter>`), settling after each.
    func press(_ notation: String) async {
        guard let keys = TerminalKit.Key.parseSequence(notation) else { fatalError("bad key notation \(notation)") }
        for key in keys { await settle(state.handle(.key(key))) }
    }

    /// Types text at a prompt (spaces included).
    func type(_ text: String) async {
        for character in text {
            await settle(state.handle(.key(character == " " ? .space : .char(character))))
        }
    }

    /// Sends an input event.
    func send(_ input: InputEvent) async {
        if case .resize(let size) = input { screen = VirtualScreen(width: size.width, height: size.height) }
        await settle(state.handle(input))
    }

    /// Applies a message as if it arrived from the runtime.
    func deliver(_ message: AppMessage) async {
        await settle(state.apply(message))
    }

    /// Draws the state on the screen.
    @discardableResult
    func render() -> VirtualScreen {
        var frame = Frame(size: screen.size)
        AppRenderer.render(&state, into: &frame)
        try? screen.show(frame)
        return screen
    }

    var lines: [String] { screen.lines }
    var text: String { lines.joined(separator: "\n") }

    /// The effects performed since the last call.
    func takeEffects() -> [Effect] {
        defer { effects.removeAll() }
        return effects
    }
}
