import TerminalKit
import TernConfig

/// The help page of a context, generated from the live keymap (`Keymap.helpEntries`): the
/// context's own bindings, then the global ones, each with its keys and what it does.
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
        case .prompt: return "prompt"
        case .help: return "help"
        }
    }

    /// The help lines for `context`.
    /// - Parameters:
    ///   - keymap: the keymap in effect.
    ///   - context: where `?` was pressed.
    ///   - commands: the commands this build has (the others are marked as not available yet).
    ///   - theme: for the key and section styles.
    public static func lines(keymap: Keymap, context: KeyContext, commands: CommandRegistry, theme: UITheme) -> [Line] {
        let entries = keymap.helpEntries(for: context)
        let keyTexts = entries.map { $0.keys.map(\.description).joined(separator: " ") }
        let keyWidth = min(20, keyTexts.map { TextWidth.width(of: $0) }.max() ?? 0)
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
            let available = commands.implements(entry.command)
            let keyCell = keys.count > keyWidth ? keys : keys + String(repeating: " ", count: keyWidth - TextWidth.width(of: keys))
            let name = entry.command.rawValue
            var spans: [Span] = [
                .trusted("  ", style: theme[.help]),
                Span(keyCell, style: theme[.helpKey]),
                .trusted("  " + name + String(repeating: " ", count: max(0, nameWidth - name.count)) + "  ", style: theme[.help]),
                .trusted(entry.summary, style: theme[.help]),
            ]
            if !available { spans.append(.trusted(" (not in this build yet)", style: theme[.help].adding(.dim))) }
            lines.append(Line(spans))
        }
        if lines.isEmpty { lines.append(Line("No keys are bound here.")) }
        lines.append(Line([]))
        lines.append(Line([.trusted("Keys come from [keys.\(context)] and [keys.global] in config.toml; `tern config` shows the file.", style: theme[.help].adding(.dim))]))
        return lines
    }
}
