import MailEngine
import TernConfig

/// The order of the message list: a field and a direction, as `[ui] sort` and the `o`/`O` keys set it.
public struct ListOrder: Hashable, Sendable, CustomStringConvertible {
    /// The field.
    public var field: SortField
    /// Reversed: newest, largest or last first.
    public var reverse: Bool

    /// Creates an order.
    public init(field: SortField, reverse: Bool = false) {
        self.field = field
        self.reverse = reverse
    }

    /// The order of a config `sort` value.
    public init(_ order: TernConfig.SortOrder) {
        self.init(field: order.field, reverse: order.reverse)
    }

    /// Whether the list is threaded (built in the UI from threading rows).
    public var isThreaded: Bool { field == .thread }

    /// The order to ask the backend for (date order for a threaded list's rows).
    public var backendOrder: MailEngine.SortOrder {
        switch field {
        case .date, .thread: return MailEngine.SortOrder(key: .date, descending: reverse)
        case .from: return MailEngine.SortOrder(key: .from, descending: reverse)
        case .subject: return MailEngine.SortOrder(key: .subject, descending: reverse)
        case .size: return MailEngine.SortOrder(key: .size, descending: reverse)
        }
    }

    /// Whether a newly opened folder selects its last row (the newest message in date and thread
    /// order, as mutt does) rather than its first.
    public var startsAtEnd: Bool {
        (field == .date || field == .thread) && !reverse
    }

    /// `date`, `reverse-size`, ... as the config writes it.
    public var description: String { reverse ? "reverse-\(field)" : field.rawValue }
}
