import Foundation

/// When a message that failed for now (or a Sent copy that could not be made) is tried again:
/// 1, 2, 5, 10 and 30 minutes after the first attempts, then every hour.
public struct RetrySchedule: Sendable, Hashable {
    /// The waits after the 1st, 2nd, ... failed attempt; the last one repeats.
    public var delays: [Duration]

    /// A schedule; the default is 1, 2, 5, 10, 30, 60 minutes.
    public init(delays: [Duration] = [.seconds(60), .seconds(120), .seconds(300), .seconds(600), .seconds(1800),
                                      .seconds(3600)]) {
        precondition(!delays.isEmpty, "a retry schedule needs at least one delay")
        self.delays = delays
    }

    /// The time of the next attempt after `attempts` failed attempts (1 or more), from `now`.
    public func nextAttempt(after attempts: Int, from now: Date) -> Date {
        let delay = delays[min(max(attempts, 1), delays.count) - 1]
        let (seconds, attoseconds) = delay.components
        return now.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
    }
}
