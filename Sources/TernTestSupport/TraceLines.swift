import Foundation
import Transport

/// The lines of a protocol trace, gathered in memory from any thread (``makeTrace()``).
public final class TraceLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    public init() {}

    /// Every line so far, in order.
    public var lines: [String] { lock.withLock { stored } }
    /// The lines joined with newlines.
    public var text: String { lines.joined(separator: "\n") }

    public func append(_ line: String) {
        lock.withLock { stored.append(line) }
    }

    /// How many lines contain `text`.
    public func matching(_ text: String) -> Int { lock.withLock { stored.filter { $0.contains(text) }.count } }

    /// A trace that writes here.
    public func makeTrace() -> ProtocolTrace {
        ProtocolTrace { [self] in append($0) }
    }
}
