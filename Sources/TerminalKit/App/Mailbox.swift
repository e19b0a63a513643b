import Foundation

/// The thread-safe way into a running ``EventLoop``: background tasks post messages and ask for a
/// redraw through it, from any thread or task.
public final class Mailbox<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []
    private var invalidated = false
    private let waker: Waker

    init(waker: Waker) {
        self.waker = waker
    }

    /// Queues `message` for the loop's handler and wakes the loop.
    public func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
        waker.wake()
    }

    /// Asks the loop to redraw (for example after shared state it draws from has changed).
    public func invalidate() {
        lock.lock()
        invalidated = true
        lock.unlock()
        waker.wake()
    }

    /// Takes the queued messages and the redraw request.
    func take() -> (messages: [Message], invalidated: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let result = (messages, invalidated)
        messages.removeAll()
        invalidated = false
        return result
    }
}
