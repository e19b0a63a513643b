/// HTML as text for the minimal viewer.
enum HTMLText {
    /// The text of an HTML part. Until MailCore's HTML renderer is in this build, the markup is
    /// removed and the text kept, block elements breaking lines, script and style dropped.
    static func render(_ html: String) -> String {
        var out = ""
        var tag = ""
        var inTag = false
        var skipping = false
        let breaks: Set<String> = ["br", "p", "/p", "div", "/div", "tr", "li", "h1", "h2", "h3", "h4", "/h1", "/h2", "/h3", "/h4", "hr"]
        for c in html {
            if inTag {
                guard c == ">" else { tag.append(c); continue }
                inTag = false
                let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first
                    .map { String($0.hasSuffix("/") ? $0.dropLast() : $0) } ?? ""
                if name == "script" || name == "style" { skipping = true }
                if name == "/script" || name == "/style" { skipping = false }
                if breaks.contains(name) { out.append("\n") }
                tag = ""
            } else if c == "<" {
                inTag = true
            } else if !skipping {
                out.append(c == "\n" || c == "\r\n" ? " " : c)
            }
        }
        return out.replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
