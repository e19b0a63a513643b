import Foundation

/// A pipe whose two ends are close-on-exec from the start (`pipe2(O_CLOEXEC)`), so a program
/// another thread starts at the same moment never inherits them. With `pipe` then `fcntl`, a
/// program spawned in between held the ends until it exited: a reader then waited for an end of
/// file that came only then (a `sleep 30` started by another thread kept a `cat` waiting 30 s).
enum CloseOnExecPipe {
    /// The read and write ends, or nil with `errno` set.
    static func make() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        #if canImport(Glibc)
        // pipe2(2) is not in the Glibc module.
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
        if let symbol = dlsym(nil, "pipe2") {
            let pipe2 = unsafeBitCast(symbol, to: Pipe2.self)
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
            return (fds[0], fds[1])
        }
        #endif
        guard pipe(&fds) == 0 else { return nil }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return (fds[0], fds[1])
    }
}
