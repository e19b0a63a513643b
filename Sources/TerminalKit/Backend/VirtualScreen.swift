/// An in-memory ``Screen`` for tests: it records the cells shown, can be resized, and replays a
/// script of input events.
///
/// Text-grid tests read ``lines`` (and ``styleLines(legend:)``) after drawing; ``lastChanges`` holds
/// what a real terminal would have been sent for the last frame, so a test can check that only the
/// changed cells are written and that no control character ever reaches a cell.
public final class VirtualScreen: Screen {
    /// The cells of the last frame shown (blank before the first).
    public private(set) var buffer: CellBuffer
    /// The cursor of the last frame shown.
    public private(set) var cursor: Point?
    /// The cells the last ``show(_:)`` changed: what a terminal would be sent.
    public private(set) var lastChanges: [CellChange] = []
    /// The number of frames shown.
    public private(set) var frameCount = 0
    /// How many times the screen was suspended (``suspend()`` and ``suspendProcess()``).
    public private(set) var suspendCount = 0
    /// When true (the default), ``readInput(timeout:)`` reports the end of input once the script is
    /// used up; when false it waits for the waker like a real terminal.
    public var endsWhenScriptEnds = true
    /// See ``Screen/needsRedraw``.
    public private(set) var needsRedraw = false
    /// See ``Screen/waker``.
    public let waker: Waker

    private var script: [InputEvent] = []
    private var previous: CellBuffer?

    /// Creates a blank screen.
    /// - Parameters:
    ///   - width: columns (0 is allowed).
    ///   - height: rows (0 is allowed).
    public init(width: Int, height: Int) {
        buffer = CellBuffer(size: Size(width: width, height: height))
        // A pipe can only fail to open when the process is out of descriptors: a broken test host.
        guard let waker = try? Waker() else { fatalError("VirtualScreen: cannot create a pipe (out of file descriptors)") }
        self.waker = waker
    }

    /// The current size.
    public var size: Size { buffer.size }

    /// The text of each row of the last frame (every line `size.width` columns wide).
    public var lines: [String] { buffer.lines }

    /// Per row, one character per column naming the cell's style in `legend` (`?` if not in it).
    public func styleLines(legend: [Character: Style]) -> [String] { buffer.styleLines(legend: legend) }

    /// Queues input events for ``readInput(timeout:)``, one event per call.
    public func feed(_ events: [InputEvent]) { script.append(contentsOf: events) }

    /// Queues key presses.
    public func feed(keys: [Key]) { feed(keys.map { .key($0) }) }

    /// Queues the keys of a key sequence in config notation, e.g. `"jjG<C-d><Enter>"`.
    /// - Returns: false (and queues nothing) when the notation is malformed.
    @discardableResult
    public func feed(keys notation: String) -> Bool {
        guard let keys = Key.parseSequence(notation) else { return false }
        feed(keys: keys)
        return true
    }

    /// Queues raw terminal bytes, decoded by a ``KeyDecoder`` (flushed at the end, as after a pause).
    public func feed(bytes: [UInt8]) {
        var decoder = KeyDecoder()
        feed(decoder.feed(bytes) + decoder.flush())
    }

    /// Queues a terminal resize: when ``readInput(timeout:)`` reaches it, the screen takes the new size
    /// (blank) and returns a ``InputEvent/resize(_:)`` event.
    public func resize(to newSize: Size) {
        script.append(.resize(newSize))
    }

    /// Draws a widget on a fresh screen of `size` and returns the screen, for text-grid tests.
    public static func render(size: Size, _ draw: (inout CellBuffer, Rect) -> Void) -> VirtualScreen {
        let screen = VirtualScreen(width: size.width, height: size.height)
        var frame = Frame(size: size)
        draw(&frame.buffer, frame.area)
        screen.show(frameUnchecked: frame)
        return screen
    }

    /// Draws a stateless widget filling a fresh screen of `size`.
    public static func render(_ widget: some Widget, size: Size) -> VirtualScreen {
        render(size: size) { buffer, area in widget.draw(into: &buffer, area: area) }
    }

    /// Shows a frame, recording the changed cells.
    public func show(_ frame: Frame) throws {
        show(frameUnchecked: frame)
    }

    private func show(frameUnchecked frame: Frame) {
        lastChanges = frame.buffer.changes(from: previous)
        buffer = frame.buffer
        previous = frame.buffer
        cursor = frame.cursor
        frameCount += 1
        needsRedraw = false
    }

    /// Returns the next scripted event (a resize is applied first), else waits for the waker.
    public func readInput(timeout: Duration?) throws -> [InputEvent]? {
        if !script.isEmpty {
            let event = script.removeFirst()
            if case .resize(let newSize) = event {
                buffer = CellBuffer(size: newSize)
                previous = nil
            }
            return [event]
        }
        if endsWhenScriptEnds {
            if !waker.drain().isEmpty { return [] }
            return nil
        }
        if waker.wait(timeout: timeout) { _ = waker.drain() }
        return []
    }

    /// Records a suspension.
    public func suspend() throws { suspendCount += 1 }

    /// Schedules a full redraw.
    public func resume() throws {
        previous = nil
        needsRedraw = true
    }

    /// Records a suspension and a resume.
    public func suspendProcess() throws {
        try suspend()
        try resume()
    }

    /// Nothing to restore.
    public func shutdown() {}

    /// The OSC 52 sequences ``setClipboard(_:)`` would have written, in order.
    public private(set) var clipboardWrites: [[UInt8]] = []

    /// Records the OSC 52 sequence a terminal would be sent.
    @discardableResult
    public func setClipboard(_ text: String) -> Bool {
        guard let sequence = ClipboardSequence.osc52(text) else { return false }
        clipboardWrites.append(sequence)
        return true
    }
}
