/// The order of a page of cached messages. Every order is served by an index on
/// (mailbox, column, uid), so a page costs the same at any folder size; ties break on uid. The
/// indexes of the sender, subject and size orders are made by the first page read in that order
/// (``CacheSchema/sortIndex(for:)``).
public struct CacheSort: Sendable, Hashable {
    /// The column sorted on.
    public enum Column: String, Sendable, Hashable, CaseIterable {
        /// The Date header, else the received date.
        case date
        /// The first author's name, else address, ignoring case.
        case from
        /// The subject without `Re:`/`Fwd:` prefixes, ignoring case.
        case subject
        /// The message size.
        case size
        /// The uid (arrival order).
        case uid

        var sqlColumn: String {
            switch self {
            case .date: "sort_date"
            case .from: "sort_from"
            case .subject: "sort_subject"
            case .size: "size"
            case .uid: "uid"
            }
        }
    }

    /// The column.
    public var column: Column
    /// Largest (newest) first when true.
    public var descending: Bool

    /// An order from its parts.
    public init(_ column: Column, descending: Bool) {
        self.column = column
        self.descending = descending
    }

    /// Newest first.
    public static let newestFirst = CacheSort(.date, descending: true)

    /// The ORDER BY clause.
    var sql: String {
        let direction = descending ? "DESC" : "ASC"
        if column == .uid { return "uid \(direction)" }
        return "\(column.sqlColumn) \(direction), uid \(direction)"
    }
}
