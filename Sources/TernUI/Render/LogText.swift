import Foundation
import TerminalKit

/// The log page: every message of the session with its time and level.
public enum LogText {
    /// The log's lines, oldest first.
    public static func lines(_ log: EventLog, theme: UITheme, timeZone: DisplayZone = .system) -> [Line] {
        guard !log.entries.isEmpty else { return [Line("Nothing happened yet.")] }
        let clock = DateText(format: "%H:%M:%S", timeZone: timeZone)
        return log.entries.map { entry in
            let style: Style
            switch entry.level {
            case .info: style = theme[.message]
            case .warning: style = theme[.warning]
            case .error: style = theme[.error]
            }
            let level = entry.level.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            return Line([.trusted(clock.strftime("%H:%M:%S", entry.time) + "  ", style: theme[.normal]),
                         .trusted(level + "  ", style: style), Span(entry.text, style: style)])
        }
    }
}
