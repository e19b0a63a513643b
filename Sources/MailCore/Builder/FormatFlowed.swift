/// format=flowed (RFC 3676): soft line breaks marked by a trailing space, so that readers can
/// rewrap paragraphs.
public enum FormatFlowed {
    /// The width lines are wrapped to.
    public static let width = 72

    /// Encodes text: trailing spaces removed, lines longer than ``width`` wrapped at spaces
    /// with a trailing space (soft break), lines starting with a space, `From ` or `>` that are
    /// not quotes space-stuffed (§4.4). Quoted lines (`>`) keep their prefix on every piece.
    /// The signature separator `-- ` is kept.
    public static func encode(_ text: String) -> String {
        var out: [String] = []
        for rawLine in text.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            if line == "-- " { out.append(line); continue }
            while line.hasSuffix(" ") { line.removeLast() }
            var prefix = ""
            var rest = Substring(line)
            while rest.hasPrefix(">") { prefix += ">"; rest = rest.dropFirst() }
            if !prefix.isEmpty {
                if rest.hasPrefix(" ") { rest = rest.dropFirst() }
                prefix += " "
            } else if rest.hasPrefix(" ") || rest.hasPrefix("From ") {
                prefix = " "
            }
            // Wrap at spaces; each piece but the last ends with a space.
            var pieces: [String] = []
            var current = ""
            for word in rest.split(separator: " ", omittingEmptySubsequences: false) {
                if !current.isEmpty && prefix.count + current.count + word.count + 1 > width {
                    pieces.append(current + " ")
                    current = String(word)
                } else {
                    current = current.isEmpty ? String(word) : current + " " + word
                }
            }
            pieces.append(current)
            for p in pieces { out.append(prefix + p) }
        }
        return out.joined(separator: "\n")
    }

    /// Decodes flowed text for display: soft-broken lines joined (with `delsp=yes` the
    /// trailing space is removed), space-stuffing undone, quote depth kept.
    public static func decode(_ text: String, delSp: Bool = false) -> String {
        var out: [String] = []
        var pending: String?
        var pendingDepth = -1
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            var depth = 0
            while line.hasPrefix(">") { depth += 1; line = line.dropFirst() }
            if line.hasPrefix(" ") { line = line.dropFirst() }
            let isSoft = line.hasSuffix(" ") && line != "-- "
            var content = String(line)
            if isSoft && delSp { content.removeLast() }
            let quote = depth > 0 ? String(repeating: ">", count: depth) + " " : ""
            if let p = pending, pendingDepth == depth {
                pending = p + content
            } else {
                if let p = pending { out.append(p) }
                pending = quote + content
                pendingDepth = depth
            }
            if !isSoft {
                out.append(pending!)
                pending = nil
                pendingDepth = -1
            }
        }
        if let p = pending { out.append(p) }
        return out.joined(separator: "\n")
    }
}
