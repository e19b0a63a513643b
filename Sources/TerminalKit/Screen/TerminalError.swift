/// Why the terminal could not be used.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// ncurses could not start on this terminal type.
    case cannotStart(terminal: String)
    /// A system call failed.
    case system(String, Int32)
    /// Another ``NcursesScreen`` is already running.
    case alreadyRunning

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .notATerminal:
            return "The terminal UI needs a terminal: standard input and output must be a tty (not a pipe or a file). Run it in a terminal, or use a command-line subcommand."
        case .cannotStart(let terminal):
            return "Cannot start the terminal UI on terminal type \"\(terminal)\": it is not in the terminfo database. Set TERM to a known type (for example xterm-256color) or install its terminfo entry."
        case .system(let call, let code):
            return "The terminal UI failed: \(call) returned error \(code). Check that the terminal is still open."
        case .alreadyRunning:
            return "A terminal UI is already running in this process; shut it down before starting another."
        }
    }
}
