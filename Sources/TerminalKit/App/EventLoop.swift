/// What the loop hands to the application's handler.
public enum LoopEvent<Message: Sendable> {
    /// The user did something (a key, a paste, the mouse, a resize).
    case input(InputEvent)
    /// A background task posted a message through the ``Mailbox``.
    case message(Message)
    /// The tick interval passed (for spinners and clocks); only with a tick interval set.
    case tick
}

/// Lets the handler steer the loop.
public struct LoopControl {
    /// Set to end ``EventLoop/run(draw:handle:)`` after this event.
    public var shouldQuit = false
    /// Set to false when the event changed nothing on screen (saves a redraw).
    public var needsRedraw = true

    /// Ends the loop after this event.
    public mutating func quit() { shouldQuit = true }
}

/// The UI driver: reads input from a ``Screen``, takes messages posted from background tasks, hands
/// both to the application, and redraws only when something changed.
///
/// One loop per screen, on the UI thread. Other threads talk to it through ``mailbox``.
public final class EventLoop<Message: Sendable> {
    /// The screen the loop draws on and reads from.
    public let screen: any Screen
    /// The thread-safe entry for background tasks: post messages, ask for a redraw.
    public let mailbox: Mailbox<Message>
    /// How often to deliver ``LoopEvent/tick`` (nil: never).
    public var tickInterval: Duration?
    /// The key that suspends the process (`Ctrl-Z`); nil lets the application handle it.
    public var suspendKey: Key? = .ctrl("z")
    /// The number of frames drawn so far (for tests and statistics).
    public private(set) var frameCount = 0

    /// Creates a loop on `screen`.
    /// - Parameters:
    ///   - screen: the terminal.
    ///   - tickInterval: deliver ``LoopEvent/tick`` this often; nil for never.
    public init(screen: any Screen, tickInterval: Duration? = nil) {
        self.screen = screen
        self.mailbox = Mailbox(waker: screen.waker)
        self.tickInterval = tickInterval
    }

    /// Runs until the handler quits or the input ends.
    ///
    /// - Parameters:
    ///   - draw: renders the whole UI into a frame of the screen's size (a pure function of the app
    ///     state). Called at the start and after any batch of events that asked for a redraw.
    ///   - handle: applies one event to the app state; may set `control.quit()` or say that nothing
    ///     changed on screen.
    /// - Throws: what `handle` throws, or a ``TerminalError``. The screen is left running: the caller
    ///   shuts it down (``NcursesScreen`` also restores the terminal on exit and on signals).
    public func run(draw: (inout Frame) -> Void,
                    handle: (LoopEvent<Message>, inout LoopControl) throws -> Void) throws {
        var dirty = true
        var nextTick = tickInterval.map { ContinuousClock.now + $0 }
        while true {
            if dirty || screen.needsRedraw {
                var frame = Frame(size: screen.size)
                draw(&frame)
                try screen.show(frame)
                frameCount += 1
                dirty = false
            }
            var timeout: Duration?
            if let tick = nextTick { timeout = max(.zero, tick - ContinuousClock.now) }
            guard let inputs = try screen.readInput(timeout: timeout) else { return }
            var control = LoopControl()
            for input in inputs {
                if case .key(let key) = input, key == suspendKey {
                    try screen.suspendProcess()
                    dirty = true
                    continue
                }
                control.needsRedraw = true
                try handle(.input(input), &control)
                if case .resize = input { control.needsRedraw = true }
                dirty = dirty || control.needsRedraw
                if control.shouldQuit { return }
            }
            let (messages, invalidated) = mailbox.take()
            dirty = dirty || invalidated
            for message in messages {
                control.needsRedraw = true
                try handle(.message(message), &control)
                dirty = dirty || control.needsRedraw
                if control.shouldQuit { return }
            }
            if let tick = nextTick, ContinuousClock.now >= tick, let interval = tickInterval {
                control.needsRedraw = true
                try handle(.tick, &control)
                dirty = dirty || control.needsRedraw
                if control.shouldQuit { return }
                nextTick = ContinuousClock.now + interval
            }
        }
    }

    /// Runs `body` with the terminal given back (an editor, a pager, a shell), then takes the
    /// terminal back and redraws everything.
    /// - Throws: what `body` throws (the terminal is taken back first), or a ``TerminalError``.
    public func runSuspended<T>(_ body: () throws -> T) throws -> T {
        try screen.suspend()
        let result: Result<T, Error> = Result { try body() }
        try screen.resume()
        return try result.get()
    }
}
