import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// Restores the terminal when the process leaves unexpectedly: on SIGINT, SIGTERM, SIGHUP, SIGQUIT
/// (then exits with 128 + the signal number), on a crash signal (then lets the crash go on), at
/// `exit`, and around SIGTSTP (stop and continue). Also turns SIGWINCH and SIGCONT into wake-ups of
/// the UI loop (`W` and `C` bytes on the waker's pipe).
///
/// The handlers are C (`CNcurses_guard_*`) and use only async-signal-safe calls. They keep `static`
/// state in the header, so this is the only file that may call them.
enum TerminalGuard {
    /// Stores what the handlers need: where to write, the two terminal modes, and the byte sequences
    /// that leave and re-enter the UI's terminal modes.
    static func configure(ttyDescriptor: Int32, wakeDescriptor: Int32, shellMode: termios, programMode: termios,
                          leave: [UInt8], enter: [UInt8]) {
        var shell = shellMode, program = programMode
        leave.withUnsafeBufferPointer { l in
            enter.withUnsafeBufferPointer { e in
                l.withMemoryRebound(to: CChar.self) { lc in
                    e.withMemoryRebound(to: CChar.self) { ec in
                        CNcurses_guard_configure(ttyDescriptor, wakeDescriptor, &shell, &program,
                                                 lc.baseAddress, lc.count, ec.baseAddress, ec.count)
                    }
                }
            }
        }
    }

    /// Installs the signal handlers and the `atexit` hook.
    /// - Throws: ``TerminalError/system(_:_:)`` when `sigaction` fails.
    static func install() throws {
        guard CNcurses_guard_install() == 0 else { throw TerminalError.system("sigaction", errno) }
    }

    /// Says whether the UI holds the terminal (the handlers restore it only then).
    static func setActive(_ active: Bool) {
        CNcurses_guard_set_active(active ? 1 : 0)
    }

    /// Puts back the signal handlers that were there before ``install()``.
    static func uninstall() {
        CNcurses_guard_uninstall()
    }

    /// Stops the process with SIGTSTP (the guard's handler stops it and wakes the loop on continue).
    /// The signal goes to the calling thread, so this returns only after the process was continued.
    static func stopProcess() {
        _ = CNcurses_guard_stop_self()
    }
}
