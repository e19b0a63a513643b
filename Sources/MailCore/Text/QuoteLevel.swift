/// The quote depth of a line of plain-text mail.
///
/// A quote prefix is a run of `>` characters, optionally separated by spaces or tabs, at the
/// very start of the line: `>`, `>>`, `> >` and `> > >` are depths 1, 2, 2 and 3. The one
/// space that usually follows the last `>` belongs to the prefix. A line that starts with
/// white space is not quoted (so indented `>>> code` is not a quote).
public enum QuoteLevel {
    /// The depth of `line` and its content after the quote prefix.
    ///
    /// - Returns: depth 0 and the whole line for an unquoted line.
    public static func parse(_ line: Substring) -> (depth: Int, content: Substring) {
        var depth = 0
        var i = line.startIndex
        var afterLastMarker = i
        while i < line.endIndex {
            let c = line[i]
            if c == ">" {
                depth += 1
                i = line.index(after: i)
                afterLastMarker = i
            } else if depth > 0, c == " " || c == "\t" {
                i = line.index(after: i)
            } else {
                break
            }
        }
        guard depth > 0 else { return (0, line) }
        var start = afterLastMarker
        if start < line.endIndex, line[start] == " " { start = line.index(after: start) }
        return (depth, line[start...])
    }

    /// The depth of `line` and its content after the quote prefix.
    public static func parse(_ line: String) -> (depth: Int, content: Substring) {
        parse(Substring(line))
    }

    /// The quote prefix this library writes for `depth`: `> ` for 1, `> > ` for 2, and so on;
    /// empty for 0.
    public static func prefix(depth: Int) -> String {
        String(repeating: "> ", count: max(0, depth))
    }
}
