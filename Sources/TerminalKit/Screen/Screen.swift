/// A terminal, real (``NcursesScreen``) or in memory (``VirtualScreen``).
///
/// A screen is used from one thread, the UI thread; only ``waker`` may be used from anywhere.
public protocol Screen: AnyObject {
    /// The current size in cells.
    var size: Size { get }

    /// True when the screen needs a full redraw that no input event announced (after the process
    /// was stopped and continued, or after ``resume()``).
    var needsRedraw: Bool { get }

    /// Wakes ``readInput(timeout:)`` from any thread.
    var waker: Waker { get }

    /// Shows a frame: writes only the cells that changed since the last frame, then places the cursor.
    /// - Throws: ``TerminalError`` if the terminal cannot be written.
    func show(_ frame: Frame) throws

    /// Waits until input arrives, the waker is woken, or `timeout` passes.
    /// - Parameter timeout: the longest wait; nil waits without limit.
    /// - Returns: the events read (empty after a timeout or a wake-up), or nil when the input has
    ///   ended (the terminal went away, or a test script ran out).
    func readInput(timeout: Duration?) throws -> [InputEvent]?

    /// Gives the terminal back (normal screen, cooked mode) to run another program in it, such as an
    /// editor or a pager. Call ``resume()`` afterwards.
    func suspend() throws

    /// Takes the terminal back after ``suspend()`` and schedules a full redraw.
    func resume() throws

    /// Stops the process as the shell's job control expects (`Ctrl-Z`): gives the terminal back,
    /// stops, and takes it back when continued (`fg`).
    func suspendProcess() throws

    /// Gives the terminal back for good. Safe to call more than once.
    func shutdown()

    /// Asks the terminal to put `text` on its clipboard (OSC 52, ``ClipboardSequence``).
    /// - Returns: false when the text is too long for the sequence or the terminal is not active.
    @discardableResult
    func setClipboard(_ text: String) -> Bool
}
