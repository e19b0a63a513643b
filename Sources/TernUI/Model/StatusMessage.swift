import Foundation

/// How serious a message is.
public enum MessageLevel: String, Hashable, Sendable {
    /// A note (`3 messages tagged`).
    case info
    /// Something that did not go as asked but did no harm.
    case warning
    /// Something failed.
    case error
}

/// A message on the bottom line, kept in the log too.
public struct StatusMessage: Hashable, Sendable {
    /// How serious.
    public var level: MessageLevel
    /// The text (may come from a server: sanitised when drawn).
    public var text: String
    /// When it was shown.
    public var time: Date

    /// Creates a message.
    public init(level: MessageLevel, text: String, time: Date) {
        self.level = level
        self.text = text
        self.time = time
    }
}

/// The messages of this session, newest last, at most ``limit`` of them: the log screen.
public struct EventLog: Sendable {
    /// How many entries are kept.
    public let limit: Int
    /// The entries, oldest first.
    public private(set) var entries: [StatusMessage] = []

    /// Creates an empty log.
    public init(limit: Int = 1000) {
        self.limit = max(1, limit)
    }

    /// Adds an entry, dropping the oldest beyond the limit.
    public mutating func append(_ message: StatusMessage) {
        entries.append(message)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }
}
