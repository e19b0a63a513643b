import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncurses (wide-character build).
///
/// Starting it sets the locale from the environment, enters the alternate screen, raw mode without
/// echo, bracketed paste and mouse reporting (SGR 1006), and installs the ``TerminalGuard`` so the
/// terminal is restored on exit, on SIGINT/SIGTERM/SIGHUP (exit 128 + n), on a crash and around
/// `Ctrl-Z`. Input is read straight from the tty and decoded by ``KeyDecoder`` (with the terminal's
/// own key sequences from terminfo); output writes only the cells that changed since the last frame.
///
/// Use it from one thread. Only one can run at a time.
public final class NcursesScreen: Screen {
    /// Start-up choices.
    public struct Options: Sendable {
        /// Report mouse clicks and the wheel (turn off to let the terminal select text natively).
        public var mouse: Bool
        /// Ask the terminal to mark pasted text, so a paste is not taken for typed commands.
        public var bracketedPaste: Bool
        /// How long a lone ESC waits for the rest of a sequence before it counts as the Escape key.
        public var escapeDelay: Duration

        /// Creates options; by default mouse and bracketed paste on, 25 ms escape delay.
        public init(mouse: Bool = true, bracketedPaste: Bool = true, escapeDelay: Duration = .milliseconds(25)) {
            self.mouse = mouse
            self.bracketedPaste = bracketedPaste
            self.escapeDelay = escapeDelay
        }
    }

    nonisolated(unsafe) private static var running = false

    /// See ``Screen/waker``.
    public let waker: Waker
    /// See ``Screen/size``.
    public private(set) var size: Size
    /// See ``Screen/needsRedraw``.
    public private(set) var needsRedraw = false
    /// The number of colours the terminal has (`COLORS`); 0 without colour support.
    public private(set) var colorCount: Int = 0

    private let options: Options
    private var screen: OpaquePointer?
    private var decoder: KeyDecoder
    private var previous: CellBuffer?
    private var cursorVisible: Int32 = -1
    private var defaultColors = false
    private var active = false
    private let inputDescriptor: Int32 = STDIN_FILENO
    private let outputDescriptor: Int32 = STDOUT_FILENO
    private var enterModes: [UInt8] = []
    private var leaveModes: [UInt8] = []
    private let attributeMap: [(Attributes, attr_t)]
    private let fallbackGlyph: Unicode.Scalar

    /// Starts the terminal UI.
    /// - Parameter options: mouse, paste and escape-delay choices.
    /// - Throws: ``TerminalError/notATerminal`` when stdin or stdout is not a tty,
    ///   ``TerminalError/cannotStart(terminal:)`` when TERM is unknown, ``TerminalError/alreadyRunning``.
    public init(options: Options = Options()) throws {
        guard !NcursesScreen.running else { throw TerminalError.alreadyRunning }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        self.options = options
        self.waker = try Waker()
        var shellMode = termios()
        guard tcgetattr(STDIN_FILENO, &shellMode) == 0 else { throw TerminalError.system("tcgetattr", errno) }

        // The guard first, so ncurses leaves the signals to it.
        TerminalGuard.configure(ttyDescriptor: STDOUT_FILENO, wakeDescriptor: waker.writeDescriptor,
                                shellMode: shellMode, programMode: shellMode, leave: [], enter: [])
        try TerminalGuard.install()

        setlocale(LC_ALL, "")
        _ = CNcurses_ESCDELAY_set(Int32(Waker.milliseconds(options.escapeDelay)))
        guard let screen = CNcurses_newterm_stdio() else {
            TerminalGuard.uninstall()
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError.cannotStart(terminal: term)
        }
        self.screen = screen
        NcursesScreen.running = true
        attributeMap = [
            (.bold, CNcurses_A_BOLD()), (.dim, CNcurses_A_DIM()), (.italic, CNcurses_A_ITALIC()),
            (.underline, CNcurses_A_UNDERLINE()), (.reverse, CNcurses_A_REVERSE()), (.blink, CNcurses_A_BLINK()),
        ]
        fallbackGlyph = CNcurses_wcwidth(0xFFFD) == 1 ? "\u{FFFD}" : "?"
        decoder = KeyDecoder(extraSequences: NcursesScreen.terminfoKeys())
        raw()
        noecho()
        nonl()
        _ = keypad(CNcurses_stdscr(), true)
        _ = typeahead(-1)
        _ = curs_set(0)
        cursorVisible = 0
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == CNcurses_OK()
            colorCount = Int(CNcurses_COLORS())
        }
        size = Size(width: Int(CNcurses_COLS()), height: Int(CNcurses_LINES()))
        buildModeSequences()
        var programMode = termios()
        _ = tcgetattr(STDIN_FILENO, &programMode)
        TerminalGuard.configure(ttyDescriptor: STDOUT_FILENO, wakeDescriptor: waker.writeDescriptor,
                                shellMode: shellMode, programMode: programMode, leave: leaveModes, enter: enterModes)
        _ = erase()
        _ = refresh()
        writeToTerminal(enterExtras)
        active = true
        TerminalGuard.setActive(true)
    }

    deinit {
        shutdown()
    }

    /// Paste and mouse modes on (written after ncurses has entered the alternate screen).
    private var enterExtras: [UInt8] {
        var bytes: [UInt8] = []
        if options.bracketedPaste { bytes += Array("\u{1B}[?2004h".utf8) }
        if options.mouse { bytes += Array("\u{1B}[?1000h\u{1B}[?1006h".utf8) }
        return bytes
    }

    /// Paste and mouse modes off.
    private var leaveExtras: [UInt8] {
        var bytes: [UInt8] = []
        if options.mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1000l".utf8) }
        if options.bracketedPaste { bytes += Array("\u{1B}[?2004l".utf8) }
        return bytes
    }

    private func buildModeSequences() {
        func cap(_ name: String) -> [UInt8] {
            guard let s = CNcurses_tigetstr(name) else { return [] }
            return Array(String(cString: s).utf8)
        }
        enterModes = cap("smcup") + cap("smkx") + enterExtras
        leaveModes = leaveExtras + cap("sgr0") + cap("cnorm") + cap("rmkx") + cap("rmcup")
    }

    /// Key sequences the terminal's terminfo entry describes.
    static func terminfoKeys() -> [[UInt8]: Key] {
        var capabilities: [(String, Key)] = [
            ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("khome", .home),
            ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown), ("kich1", Key(.insert)), ("kdch1", .delete),
            ("kcbt", .backTab), ("kent", .enter),
            ("kLFT", Key(.left, modifiers: .shift)), ("kRIT", Key(.right, modifiers: .shift)),
            ("kHOM", Key(.home, modifiers: .shift)), ("kEND", Key(.end, modifiers: .shift)),
        ]
        for n in 1...20 { capabilities.append(("kf\(n)", .f(n))) }
        var result: [[UInt8]: Key] = [:]
        for (name, key) in capabilities {
            guard let s = CNcurses_tigetstr(name) else { continue }
            let bytes = Array(String(cString: s).utf8)
            if bytes.count > 1 { result[bytes] = key }
        }
        return result
    }

    /// Writes the OSC 52 sequence for `text` straight to the terminal (it changes no cell, so the
    /// screen ncurses knows stays right).
    @discardableResult
    public func setClipboard(_ text: String) -> Bool {
        guard active, let sequence = ClipboardSequence.osc52(text) else { return false }
        writeToTerminal(sequence)
        return true
    }

    private func writeToTerminal(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBufferPointer { write(outputDescriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    // MARK: - State shared with the input and suspend code

    var decoderHasPending: Bool { decoder.hasPending }
    var escapeDelay: Duration { options.escapeDelay }
    var isActive: Bool { active }
    var isStarted: Bool { screen != nil }
    func flushDecoder() -> [InputEvent] { decoder.flush() }
    func feedDecoder(_ bytes: ArraySlice<UInt8>) -> [InputEvent] { decoder.feed(bytes) }

    /// Adopts a new size and schedules a full redraw.
    func setSize(_ newSize: Size) {
        size = newSize
        scheduleFullRedraw()
    }

    private func scheduleFullRedraw() {
        previous = nil
        needsRedraw = true
        _ = clearok(CNcurses_stdscr(), true)
    }

    /// Leaves the UI's terminal modes (paste, mouse, alternate screen, raw mode).
    func leave() {
        writeToTerminal(leaveExtras)
        _ = endwin()
        active = false
        TerminalGuard.setActive(false)
    }

    /// Re-enters the UI's terminal modes after ``leave()`` and schedules a full redraw.
    func enter() {
        _ = reset_prog_mode()
        _ = refresh()
        // All the modes, not only paste and mouse: ncurses does not always send smkx again after endwin.
        writeToTerminal(enterModes)
        active = true
        TerminalGuard.setActive(true)
        cursorVisible = -1
        scheduleFullRedraw()
    }

    /// The process was continued after a stop: the terminal modes may have been changed by the shell.
    /// - Parameter guardRestored: the guard's SIGTSTP handler restored the terminal itself (showing
    ///   the cursor behind ncurses' back), rather than ``suspendProcess()`` through ncurses.
    func continued(guardRestored: Bool) {
        guard active else { return }
        _ = reset_prog_mode()
        writeToTerminal(enterModes)
        if guardRestored {
            // Tell ncurses the cursor is visible, so the next frame hides it for real.
            _ = curs_set(1)
            cursorVisible = 1
        }
        scheduleFullRedraw()
    }

    /// Ends ncurses after ``leave()``.
    func stop() {
        if let screen { delscreen(screen) }
        screen = nil
        NcursesScreen.running = false
    }

    // MARK: - Output

    /// Writes the cells that changed since the last frame and places the cursor.
    public func show(_ frame: Frame) throws {
        guard active else { return }
        var buffer = frame.buffer
        if buffer.size != size { buffer.resize(to: size) }
        if previous == nil { _ = clearok(CNcurses_stdscr(), true) }
        for change in buffer.changes(from: previous) {
            put(change.cell, at: change.point)
        }
        previous = buffer
        if let c = frame.cursor, c.x >= 0, c.y >= 0, c.x < size.width, c.y < size.height {
            if cursorVisible != 1 { _ = curs_set(1); cursorVisible = 1 }
            _ = move(Int32(c.y), Int32(c.x))
        } else if cursorVisible != 0 {
            _ = curs_set(0)
            cursorVisible = 0
        }
        _ = refresh()
        needsRedraw = false
    }

    /// Writes one cell: the code points ``CellOutput/codePoints(for:fallback:systemWidth:)`` chooses.
    private func put(_ cell: Cell, at point: Point) {
        let (attrs, pair) = attributes(for: cell.style)
        let pieces = CellOutput.codePoints(for: cell, fallback: fallbackGlyph) { Int(CNcurses_wcwidth(Int32(bitPattern: $0))) }
        for (offset, piece) in pieces.enumerated() {
            let wcs = piece.map { wchar_t(bitPattern: $0) } + [0]
            _ = wcs.withUnsafeBufferPointer {
                CNcurses_mvadd_wchars_pair(Int32(point.y), Int32(point.x + offset), $0.baseAddress, attrs, pair)
            }
        }
    }

    private func attributes(for style: Style) -> (attr_t, Int32) {
        var attrs = CNcurses_A_NORMAL()
        for (attribute, value) in attributeMap where style.attributes.contains(attribute) { attrs |= value }
        guard colorCount >= 8 else { return (attrs, 0) }
        var fg = ColorDowngrade.paletteIndex(for: style.foreground, colors: colorCount).map(Int32.init) ?? -1
        var bg = ColorDowngrade.paletteIndex(for: style.background, colors: colorCount).map(Int32.init) ?? -1
        if fg == -1 && bg == -1 { return (attrs, 0) }
        if !defaultColors {
            if fg == -1 { fg = 7 }
            if bg == -1 { bg = 0 }
        }
        let pair = alloc_pair(fg, bg)
        return (attrs, pair < 0 ? 0 : pair)
    }
}
