import Foundation
import MailEngine

/// Shows `12/240 messages, 3.1 MB` on standard error while a sync runs: one line redrawn in
/// place on a terminal (at most ten times a second), or plain lines every few seconds otherwise
/// (a log file or a pipe gets no carriage returns).
final class ProgressPrinter: @unchecked Sendable {
    private let enabled: Bool
    private let prefix: String
    private let isTerminal: Bool
    private let lock = NSLock()
    private var lastDraw: ContinuousClock.Instant?
    private var drewOnTerminal = false
    private let clock = ContinuousClock()

    /// A printer; `prefix` starts each line (the account's name when several are synced).
    init(enabled: Bool, prefix: String) {
        self.enabled = enabled
        self.prefix = prefix
        self.isTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Records progress and shows it when it is time.
    func show(_ progress: POP3DownloadProgress) {
        guard enabled, progress.totalMessages > 0 else { return }
        lock.withLock {
            let interval: Duration = isTerminal ? .milliseconds(100) : .seconds(5)
            let now = clock.now
            let finished = progress.messages == progress.totalMessages
            if let lastDraw, now - lastDraw < interval, !finished { return }
            lastDraw = now
            draw(progress)
        }
    }

    /// Ends the progress display (the line on a terminal is finished with a newline).
    func end() {
        lock.withLock {
            if drewOnTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
            drewOnTerminal = false
        }
    }

    private func draw(_ progress: POP3DownloadProgress) {
        let text = prefix + progress.description
        if isTerminal {
            // Carriage return, the text, then erase what a longer previous line left.
            FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
            drewOnTerminal = true
        } else {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
        }
    }
}
