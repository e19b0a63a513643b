import Foundation
import MailCore
import MailEngine
import TerminalKit
import TernConfig
import TernUI
import Transport

/// `tern` with no subcommand: the interactive client on every configured account (the default one,
/// or `--account NAME`, opened first), or on the demo mailbox with `--demo`.
///
/// `tern --demo` with standard output not a terminal (a pipe, a file) prints the demo's folders and
/// newest messages instead (``DemoLauncher``), so it still shows something in a script.
enum UILauncher {
    static func run(global: GlobalOptions, accountOptions: AccountOptions) async throws {
        let environment = ProcessInfo.processInfo.environment
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        if accountOptions.demo {
            guard interactive else {
                try await DemoLauncher.run(global: global)
                return
            }
            try await runDemo(global: global, accountOptions: accountOptions, environment: environment)
            return
        }
        guard interactive else { throw TerminalError.notATerminal }
        try await runClient(global: global, account: accountOptions.account, draft: nil)
    }

    /// The interactive client on the configured accounts, `account` opened first; with `draft`
    /// (`tern compose`), the composer opens on it at once and tern ends when it is sent,
    /// postponed or aborted.
    static func runClient(global: GlobalOptions, account: String?, draft: Draft?) async throws {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let config: Configuration
        do {
            config = try ConfigLoader(environment: environment).load(explicitPath: global.explicitConfigPath)
        } catch {
            throw ConfigCommand.fail(error)
        }
        let first = try AccountSession.translating { try config.account(selecting: account) }
        // POP3 accounts download on check-mail (`$`, F5) and when their inbox is opened.
        var factory = BackendFactory.downloading(environment: environment)
        // TERN_TRACE_FILE=PATH appends the IMAP dialogue (passwords hidden, with times) to PATH:
        // the screen belongs to the UI, so this is the only way to see what it asked the server.
        if let path = environment["TERN_TRACE_FILE"], !path.isEmpty {
            do {
                factory.imapTrace = try ProtocolTrace.appending(toFileAt: path)
            } catch {
                throw CommandError("Cannot write the trace to \(path) (TERN_TRACE_FILE): \(error.localizedDescription)")
            }
        }
        // Its syncs run behind the list on screen: a smaller share of memory (see InteractiveSync).
        factory.imapOptions = InteractiveSync.options(factory.imapOptions)
        var backends: [String: any MailBackend] = [:]
        var problems: [String] = []
        // The first account's inbox is started on as soon as its backend exists, while the other
        // accounts, the terminal and the composer are set up: with nothing cached (IMAP) its
        // newest page, else its first screen of rows from the cache (the UI's first requests for
        // them take these; see EarlyRequests).
        let early = EarlyRequests()
        let inbox = FolderKey(account: first.name, path: .inbox)
        let size = terminalSize()
        for account in [first] + config.accounts.filter({ $0.name != first.name }) {
            do {
                let backend = try factory.makeBackend(for: account)
                backends[account.name] = backend
                if account.name == first.name, case .imap = account.source {
                    early.fetchNewest(inbox, on: backend, count: max(AppState.newestPageSize, size.height))
                }
            } catch {
                problems.append("\(account.name): \(error)")
            }
        }
        guard let firstBackend = backends[first.name] else {
            for backend in backends.values { await backend.close() }
            throw CommandError("Cannot open account \"\(first.name)\": \(problems.first { $0.hasPrefix(first.name + ":") } ?? "unknown error")")
        }
        var ui = UIConfiguration(config)
        ui.accounts.removeAll { backends[$0.name] == nil }
        ui.defaultAccount = first.name
        ui.notices = problems
        early.readFirstRows(inbox, on: firstBackend, order: ui.order, height: max(1, AppState(config: ui, size: size).layout.list.height))
        let composer = ComposeService(settings: ComposeSettings(accounts: config.accounts, general: config.general,
                                                                environment: environment))
        try await InteractiveClient.run(configuration: ui, backends: backends, composer: composer, draft: draft, early: early)
    }

    /// The size of the terminal on standard output (80x24 when it cannot be asked), as the
    /// screen will have it.
    static func terminalSize() -> Size {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            return Size(width: Int(size.ws_col), height: Int(size.ws_row))
        }
        return Size(width: 80, height: 24)
    }

    /// The demo mailbox in the UI, with the user's keys and theme when a config file exists and is
    /// valid (the demo needs none).
    static func runDemo(global: GlobalOptions, accountOptions: AccountOptions, environment: [String: String]) async throws {
        if let name = accountOptions.account, name != DemoAccount.name {
            throw CommandError("--demo uses the demo mailbox; leave out --account \(name), or leave out --demo.")
        }
        let account: Account
        do {
            account = try DemoAccount.account(environment: environment)
        } catch {
            throw CommandError("Could not set up the demo mailbox: \(error)")
        }
        let backend = try AccountSession.translating { try DemoAccount.factory(environment: environment).makeBackend(for: account) }
        var ui = UIConfiguration(accounts: [.init(name: account.name, roleOverrides: account.folders)], defaultAccount: account.name)
        let loader = ConfigLoader(environment: environment)
        var general = GeneralSettings(editor: ConfigDefaults.editor(environment: environment), opener: ConfigDefaults.opener,
                                      downloadDirectory: ConfigDefaults.downloadDirectory(environment: environment),
                                      mailcapFiles: ConfigDefaults.mailcapFiles(environment: environment))
        if FileManager.default.fileExists(atPath: loader.location(explicitPath: global.explicitConfigPath).path),
           let config = try? loader.load(explicitPath: global.explicitConfigPath) {
            general = config.general
            let settings = UIConfiguration(config)
            ui.keymap = settings.keymap
            ui.theme = settings.theme
            ui.order = settings.order
            ui.sidebarWidth = settings.sidebarWidth
            ui.dateFormat = settings.dateFormat
            ui.preferHTML = settings.preferHTML
            ui.viewer = settings.viewer
        }
        // The demo composes as its own account; it has no transport, so sending keeps messages in
        // its outbox (postponing into its Drafts folder works).
        let composer = ComposeService(settings: ComposeSettings(accounts: [account], general: general, environment: environment))
        try await InteractiveClient.run(configuration: ui, backends: [account.name: backend], composer: composer)
    }
}
