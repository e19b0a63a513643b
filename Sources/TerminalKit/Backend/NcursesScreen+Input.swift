import CNcurses
#if canImport(Glibc)
import Glibc
#endif

extension NcursesScreen {
    // MARK: - Input

    /// Reads the tty and the waker until something happens or `timeout` passes; decodes keys, handles
    /// resizes (SIGWINCH) and continuing after a stop (SIGCONT).
    public func readInput(timeout: Duration?) throws -> [InputEvent]? {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var events: [InputEvent] = []
        while true {
            var wait = deadline.map { max(.zero, $0 - ContinuousClock.now) }
            if decoderHasPending {
                let delay = escapeDelay
                wait = wait.map { min($0, delay) } ?? delay
            }
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: waker.readDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let r = poll(&fds, 2, Waker.milliseconds(wait))
            if r < 0 {
                if errno == EINTR { continue }
                throw TerminalError.system("poll", errno)
            }
            if r == 0 {
                if decoderHasPending { events += flushDecoder() }
                if !events.isEmpty { return events }
                if let deadline, ContinuousClock.now >= deadline { return events }
                continue
            }
            var woke = false
            if fds[1].revents != 0 {
                woke = true
                for byte in waker.drain() {
                    switch byte {
                    case UInt8(ascii: "W"):
                        if let event = adoptTerminalSize() { events.append(event) }
                    case UInt8(ascii: "C"), UInt8(ascii: "S"):
                        continued(guardRestored: byte == UInt8(ascii: "S"))
                        if let event = adoptTerminalSize() { events.append(event) }
                    default: break
                    }
                }
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = read(STDIN_FILENO, &chunk, chunk.count)
                if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) { return events.isEmpty ? nil : events }
                if n > 0 { events += feedDecoder(chunk[0..<n]) }
            }
            if !events.isEmpty || woke { return events }
        }
    }

    /// Reads the tty size; when it changed, resizes ncurses and schedules a full redraw.
    func adoptTerminalSize() -> InputEvent? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard CNcurses_tty_size(STDOUT_FILENO, &rows, &cols) == 0, rows > 0, cols > 0 else { return nil }
        let newSize = Size(width: Int(cols), height: Int(rows))
        guard newSize != size else { return nil }
        _ = resizeterm(rows, cols)
        setSize(newSize)
        return .resize(newSize)
    }

    // MARK: - Suspending

    /// Gives the terminal back to run another program.
    public func suspend() throws {
        guard isActive else { return }
        leave()
    }

    /// Takes the terminal back and schedules a full redraw.
    public func resume() throws {
        guard !isActive, isStarted else { return }
        enter()
        _ = adoptTerminalSize()
    }

    /// `Ctrl-Z`: gives the terminal back, stops the process, and takes the terminal back on `fg`.
    public func suspendProcess() throws {
        try suspend()
        TerminalGuard.stopProcess()
        try resume()
    }

    /// Restores the terminal and puts back the previous signal handlers. Safe to call more than once.
    public func shutdown() {
        guard isStarted else { return }
        if isActive { leave() }
        stop()
        TerminalGuard.uninstall()
    }
}
