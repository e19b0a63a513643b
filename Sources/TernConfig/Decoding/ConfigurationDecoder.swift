/// Reads a whole config.toml: accounts, `[ui]`, `[keys.*]` and the top-level keys.
enum ConfigurationDecoder {
    /// Decodes `document`.
    /// - Parameters:
    ///   - document: The parsed file.
    ///   - environment: For `~`, `$VARS` and defaults such as `$EDITOR`.
    ///   - themes: Where `[ui] theme` is looked up.
    /// - Throws: ``ConfigError`` with every problem found, each with its line.
    static func decode(_ document: TOMLDocument, environment: [String: String], themes: ThemeCatalog) throws(ConfigError) -> Configuration {
        let context = DecodingContext(document: document, environment: environment)
        var root = TableReader(entries: document.root, at: .root, context: context)

        let accounts = decodeAccounts(&root, document: document, context: context)
        let uiReader = root.table("ui", example: "[ui] with theme = \"default\"")
        var settings = SettingsDecoder(root: root, ui: uiReader, context: context)
        let (ui, general, themePath) = settings.decode()
        root = settings.root
        settings.ui?.reportUnknownKeys()
        let keymap = KeysDecoder.decode(root.table("keys", example: "[keys.list] with j = \"move-down\""), context: context)
        var misplaced: [String: String] = [:]
        for key in ["from", "imap", "pop3", "maildir", "smtp", "sendmail"] {
            misplaced[key] = "\"\(key)\" belongs in an account: [accounts.NAME]"
        }
        root.reportUnknownKeys(misplaced: misplaced)

        let theme = loadTheme(ui.themeName, context: context, themePath: themePath, themes: themes)
        try context.throwIfNeeded()
        guard let theme, let (list, defaultName) = accounts else {
            throw ConfigError(ConfigDiagnostic(file: document.file, line: nil, message: "the configuration is incomplete"))
        }
        return Configuration(file: document.file, accounts: list, defaultAccountName: defaultName, ui: ui,
                             general: general, keymap: keymap, theme: theme)
    }

    /// Reads `[accounts.*]` in file order and picks the default account.
    private static func decodeAccounts(_ root: inout TableReader, document: TOMLDocument, context: DecodingContext) -> ([Account], String)? {
        guard let reader = root.table("accounts", example: "[accounts.NAME]") else {
            if !root.has("accounts") {
                context.reportFile("there are no accounts",
                                   hint: "add [accounts.NAME] with from = \"...\" and an imap, pop3 or maildir table; `tern config example` prints a complete example")
            }
            return nil
        }
        let names = document.locator.fileOrder(of: reader.entries.keys, in: reader.path)
        guard !names.isEmpty else {
            context.report(at: reader.path, "[accounts] has no accounts", hint: "add [accounts.NAME] with from = \"...\" and an imap, pop3 or maildir table")
            return nil
        }
        var accounts: [Account] = []
        for name in names {
            guard let node = reader.entries[name] else { continue }
            if let account = AccountDecoder.decode(name: name, node: node, context: context) { accounts.append(account) }
        }
        let defaults = names.filter { name in
            if case .table(let entries)? = reader.entries[name], case .boolean(true)? = entries["default"] { return true }
            return false
        }
        if defaults.count > 1 {
            let first = defaults[0]
            let firstLine = context.line(of: reader.path(of: first).appending("default")).map { " (line \($0))" } ?? ""
            for other in defaults.dropFirst() {
                context.report(at: reader.path(of: other).appending("default"),
                               "accounts \(DisplayText.quoted(first))\(firstLine) and \(DisplayText.quoted(other)) both say default = true",
                               hint: "only one account can be the default; remove one of the default lines")
            }
        }
        guard accounts.count == names.count else { return nil }
        let defaultName = defaults.first ?? names[0]
        let marked = accounts.map { account -> Account in
            var account = account
            account.isDefault = account.name == defaultName
            return account
        }
        return (marked, defaultName)
    }

    /// Loads the theme `[ui] theme` names, reporting an unknown name at its line.
    private static func loadTheme(_ name: String, context: DecodingContext, themePath: KeyPath?, themes: ThemeCatalog) -> Theme? {
        let path = themePath ?? KeyPath("ui", "theme")
        guard ThemeCatalog.isValidName(name) else {
            context.report(at: path, "\"theme\" in [ui] is \(DisplayText.quoted(name)), which is not a theme name",
                           hint: "a theme name has only letters, digits, - and _; the themes are \(themes.availableNames().joined(separator: ", "))")
            return nil
        }
        guard themes.availableNames().contains(name) else {
            let names = themes.availableNames()
            context.report(at: path, "there is no theme called \(DisplayText.quoted(name))",
                           hint: Suggestion.didYouMean(name, in: names) ?? "the themes are \(names.joined(separator: ", "))")
            return nil
        }
        do {
            return try themes.load(name)
        } catch {
            for diagnostic in error.diagnostics { context.append(diagnostic) }
            return nil
        }
    }
}
