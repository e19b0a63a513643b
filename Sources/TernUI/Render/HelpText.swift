import TerminalKit
import TernConfig

/// The help page of a context, generated from the live keymap (`Keymap.helpEntries`): the
/// context's own bindings, then the global ones, each with its keys, its command name (what a
/// config binds) and what it does.
public enum HelpText {
    /// What a context is called on the help page.
    public static func title(of context: KeyContext) -> String {
        switch context {
        case .global: return "everywhere"
        case .sidebar: return "folder sidebar"
        case .list: return "message list"
        case .viewer: return "message viewer"
        case .composer: return "composer"
        case .attachments: return "attachments"
        case .urls: return "links"
        case .outbox: return "outbox"
        case .prompt: return "prompt"
        case .help: return "help"
        }
    }

    /// The keys of an entry as shown: single printable keys first (`j <Down>`), then by length.
    static func keyText(_ keys: [KeySequence]) -> String {
        keys.sorted { a, b in
            let ra = (a.keys.count, a.keys.first?.isPrintable == true ? 0 : 1), rb = (b.keys.count, b.keys.first?.isPrintable == true ? 0 : 1)
            return ra != rb ? ra < rb : a.description < b.description
        }.map(\.description).joined(separator: " ")
    }

    /// The help lines for `context`, laid out for `width` columns (summaries wrap under themselves).
    /// - Parameters:
    ///   - keymap: the keymap in effect.
    ///   - context: where `?` was pressed.
    ///   - commands: the commands this build has (the others are marked as not available yet).
    ///   - theme: for the key and section styles.
    ///   - width: the page's width.
    public static func lines(keymap: Keymap, context: KeyContext, commands: CommandRegistry, theme: UITheme, width: Int) -> [Line] {
        let entries = keymap.helpEntries(for: context)
        let keyTexts = entries.map { keyText($0.keys) }
        let keyWidth = min(16, keyTexts.map { TextWidth.width(of: $0) }.max() ?? 0)
        let nameWidth = min(22, entries.map(\.command.rawValue.count).max() ?? 0)
        var lines: [Line] = []
        var section: Bool?
        for (entry, keys) in zip(entries, keyTexts) {
            if section != entry.isGlobal {
                if section != nil { lines.append(Line([])) }
                let title = entry.isGlobal ? "Everywhere" : "In the \(Self.title(of: context))"
                lines.append(Line([Span(title, style: theme[.helpSection])]))
                section = entry.isGlobal
            }
            let name = entry.command.rawValue
            var summary = entry.summary
            if !commands.implements(entry.command) { summary += " (not in this build yet)" }
            var head = "  " + keys + String(repeating: " ", count: max(0, keyWidth - TextWidth.width(of: keys)))
            head += "  " + name + String(repeating: " ", count: max(0, nameWidth - name.count)) + "  "
            let headWidth = TextWidth.width(of: head)
            let keyEnd = 2 + TextWidth.width(of: keys)
            var headSpans: [Span] = [.trusted("  ", style: theme[.help]), Span(keys, style: theme[.helpKey]),
                                     .trusted(String(head.dropFirst(keyEnd)), style: theme[.help])]
            let style = commands.implements(entry.command) ? theme[.help] : theme[.help].adding(.dim)
            let room = width - headWidth
            if room < 16 {
                lines.append(Line(headSpans))
                for piece in wrap(summary, width: max(8, width - 6)) { lines.append(Line([.trusted("      " + piece, style: style)])) }
                continue
            }
            for (i, piece) in wrap(summary, width: room).enumerated() {
                if i > 0 { headSpans = [.trusted(String(repeating: " ", count: headWidth), style: theme[.help])] }
                lines.append(Line(headSpans + [.trusted(piece, style: style)]))
            }
        }
        if lines.isEmpty { lines.append(Line("No keys are bound here.")) }
        lines.append(Line([]))
        for piece in wrap("Keys come from [keys.\(context)] and [keys.global] in config.toml (docs/config.md lists every command).",
                          width: max(8, width)) {
            lines.append(Line([.trusted(piece, style: theme[.help].adding(.dim))]))
        }
        return lines
    }

    /// Breaks program text (ASCII summaries) into lines of at most `width` columns at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
            while current.count > width {
                lines.append(String(current.prefix(width)))
                current = String(current.dropFirst(width))
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
