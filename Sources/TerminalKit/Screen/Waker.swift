#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes a UI loop blocked in ``Screen/readInput(timeout:)``: the one call that is safe from any
/// thread or task. Built on a non-blocking pipe, so signal handlers can use its file descriptor too.
public final class Waker: Sendable {
    /// The end the UI loop polls.
    public let readDescriptor: Int32
    /// The end ``wake()`` writes to.
    public let writeDescriptor: Int32

    /// Creates the pipe.
    /// - Throws: ``TerminalError/system(_:_:)`` when the pipe cannot be made (out of descriptors).
    public init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError.system("pipe", errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Wakes the loop (a no-op when a wake-up is already pending and the pipe is full).
    public func wake() {
        post(byte: UInt8(ascii: "w"))
    }

    func post(byte: UInt8) {
        var b = byte
        _ = write(writeDescriptor, &b, 1)
    }

    /// Reads and returns every pending wake-up byte.
    func drain() -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readDescriptor, &chunk, chunk.count)
            if n <= 0 { break }
            result.append(contentsOf: chunk[0..<n])
        }
        return result
    }

    /// Waits until woken or `timeout` passes (nil: no limit). Returns true when woken.
    func wait(timeout: Duration?) -> Bool {
        var pfd = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
        let ms = Waker.milliseconds(timeout)
        while true {
            let r = poll(&pfd, 1, ms)
            if r < 0 && errno == EINTR { continue }
            return r > 0
        }
    }

    /// A poll(2) timeout in milliseconds (-1 for none), rounding up.
    static func milliseconds(_ timeout: Duration?) -> Int32 {
        guard let timeout else { return -1 }
        let (seconds, attoseconds) = timeout.components
        if seconds < 0 { return 0 }
        let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: ms)
    }
}
