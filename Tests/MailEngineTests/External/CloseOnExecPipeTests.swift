import Foundation
import Testing
@testable import MailEngine

@Suite struct CloseOnExecPipeTests {
    /// Both ends are close-on-exec as soon as they exist, and the pipe works.
    @Test func bothEndsAreCloseOnExecFromTheStart() throws {
        let ends = try #require(CloseOnExecPipe.make())
        defer {
            close(ends.read)
            close(ends.write)
        }
        #expect(fcntl(ends.read, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(ends.write, F_GETFD) & FD_CLOEXEC != 0)
        let sent: [UInt8] = [1, 2, 3]
        #expect(write(ends.write, sent, 3) == 3)
        var received = [UInt8](repeating: 0, count: 3)
        #expect(read(ends.read, &received, 3) == 3)
        #expect(received == sent)
    }
}
