import Foundation

extension Pipe {
    /// A pipe whose two ends are closed in every program started later (FD_CLOEXEC). Foundation's
    /// `Pipe()` leaves them open: a program started at the same moment by another thread inherits
    /// the write end of this pipe, and the reader then waits for an end of file that comes only
    /// when that other program exits (two sendmail commands started together each waited for the
    /// other for ever). The program this pipe is meant for still gets it as its 0, 1 or 2, which
    /// `dup2` leaves open across exec.
    static func closedOnExec() -> Pipe {
        let pipe = Pipe()
        for fd in [pipe.fileHandleForReading.fileDescriptor, pipe.fileHandleForWriting.fileDescriptor] {
            _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
        }
        return pipe
    }
}
