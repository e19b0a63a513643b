import IMAP

/// Why an IDLE ends.
enum IdleStopReason {
    /// ``IMAPConnection/stopIdle()`` was called.
    case requested
    /// Another call wants the connection.
    case preempted
    /// The renewal time came (RFC 2177: at most 29 minutes); IDLE starts again.
    case renewal
}

/// IDLE's progress.
struct IdleState {
    var running = false
    var started = false
    var stopRequested = false
    var reason: IdleStopReason?
    /// Counts the IDLE commands of one ``IMAPConnection/idle()``, so a late renewal timer of an
    /// earlier one does not end the next.
    var generation = 0
}

/// IDLE (RFC 2177): waiting for the server to report changes.
extension IMAPConnection {
    /// Waits for changes with IDLE; they arrive on ``events`` as they come (new mail as
    /// `.exists`, expunges, flag changes). Returns when ``stopIdle()`` is called or another call
    /// needs the connection (IDLE is ended with DONE first); renews IDLE every
    /// ``IMAPSettings/idleRenewal`` so that the server does not drop the session.
    ///
    /// - Throws: ``IMAPUsageError`` when the server lacks IDLE, ``IMAPCommandError`` when it
    ///   refuses it, ``IMAPConnectionLost``.
    public func idle() async throws {
        try await serialized {
            try self.require(.idle)
            self.idleState = IdleState(running: true)
            defer { self.idleState = IdleState() }
            while true {
                self.idleState.started = false
                self.idleState.stopRequested = false
                self.idleState.reason = nil
                self.idleState.generation += 1
                let generation = self.idleState.generation
                let tag = try await self.start(.idle, claim: { _ in false })
                let renewal = self.settings.idleRenewal
                let timer = Task { [weak self] in
                    try await Task.sleep(for: renewal)
                    guard let self else { return }
                    // DONE is written from a task of its own: cancelling the timer below must
                    // not cancel a write in progress (that would close the connection).
                    Task { await self.requestIdleStop(.renewal, generation: generation) }
                }
                do {
                    try await self.pump(claim: { _ in false }, bodySink: nil, flush: {}) { self.completions[tag] != nil }
                } catch {
                    timer.cancel()
                    throw error
                }
                timer.cancel()
                _ = try self.takeCompletion(tag)
                if self.idleState.reason == .renewal { continue }
                return
            }
        }
    }

    /// Ends a running ``idle()`` (DONE); it returns once the server confirms.
    public func stopIdle() async {
        await requestIdleStop(.requested)
    }

    /// Records why IDLE should end and sends DONE when the server has accepted IDLE (else
    /// DONE goes out as soon as it does).
    func requestIdleStop(_ reason: IdleStopReason, generation: Int? = nil) async {
        guard idleState.running, isOpen, generation.map({ $0 == idleState.generation }) ?? true else { return }
        if idleState.reason == nil || reason != .renewal { idleState.reason = reason }
        guard !idleState.stopRequested || client.canEndIdle else { return }
        idleState.stopRequested = true
        if client.canEndIdle {
            // A failed write shows up in the IDLE loop's next read.
            try? await write(client.done())
        }
    }
}
