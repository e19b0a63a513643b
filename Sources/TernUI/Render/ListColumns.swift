/// The columns of the message list at a given width: flags, date, sender, subject, size. Narrow
/// terminals drop the size, then the date, then the sender; the subject takes what is left.
public struct ListColumns: Hashable, Sendable {
    /// The flags column: tag `*`, `N` new or `D` deleted, `F` flagged, `r` replied (`f` forwarded),
    /// `@` attachment.
    public static let flagsWidth = 5

    /// Columns of the date, 0 when hidden.
    public var date: Int
    /// Columns of the sender, 0 when hidden.
    public var from: Int
    /// Columns of the subject.
    public var subject: Int
    /// Columns of the size, 0 when hidden.
    public var size: Int

    /// Lays out a row `width` columns wide with dates `dateWidth` wide.
    public init(width: Int, dateWidth: Int) {
        var rest = max(0, width - Self.flagsWidth - 1)
        size = width >= 60 ? 4 : 0
        if size > 0 { rest -= size + 1 }
        date = width >= 48 ? dateWidth : 0
        if date > 0 { rest -= date + 1 }
        from = width >= 32 ? min(22, max(10, width / 5)) : 0
        if from > 0 { rest -= from + 1 }
        subject = max(0, rest)
    }
}
