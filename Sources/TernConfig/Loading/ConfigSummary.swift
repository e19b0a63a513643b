import Foundation

/// The text `tern config check` prints for a valid config.
public enum ConfigSummary {
    /// The summary of `config`: accounts with kind, endpoint, login name, sending and identities; the
    /// default account; the theme and layout. It shows no password, command or variable name.
    /// - Parameters:
    ///   - config: The loaded configuration.
    ///   - origin: How the file was chosen.
    public static func render(_ config: Configuration, origin: ConfigLocator.Origin) -> String {
        var lines = ["config: \(config.file) (\(origin))", "accounts:"]
        let width = config.accounts.map(\.name.count).max() ?? 0
        for account in config.accounts {
            let name = account.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let marker = account.isDefault ? " (default)" : "          "
            var line = "  \(name)\(marker)  \(account.source.kind.padding(toLength: 7, withPad: " ", startingAt: 0)) "
            switch account.source {
            case .imap(let connection):
                line += "\(connection.endpointDescription) user \(connection.user)"
            case .pop3(let settings):
                line += "\(settings.connection.endpointDescription) user \(settings.connection.user) -> \(settings.maildir)"
                if settings.keepOnServer {
                    line += settings.keepDays.map { ", kept on server \($0) days" } ?? ", kept on server"
                }
            case .maildir(let settings):
                line += settings.path
            }
            lines.append(line)
            let indent = String(repeating: " ", count: width + 14)
            switch account.outgoing {
            case .smtp(let connection)?:
                lines.append("\(indent)send: smtp \(connection.endpointDescription) user \(connection.user)")
            case .sendmail(let command)?:
                lines.append("\(indent)send: \(command)")
            case nil:
                lines.append("\(indent)send: (none: this account cannot send)")
            }
            lines.append("\(indent)from: \(account.identities.map(\.address.description).joined(separator: ", "))")
        }
        lines.append("default account: \(config.defaultAccountName)")
        lines.append("theme: \(config.theme.name) (\(config.theme.origin))")
        lines.append("layout: \(config.ui.layout), sort: \(config.ui.sort), sidebar width: \(config.ui.sidebarWidth)")
        lines.append("OK")
        return lines.joined(separator: "\n")
    }
}
