/// Reads the settings that may be written at the top level or in `[ui]` (not both): the look
/// (`theme`, `layout`, ...) and the programs and files (`editor`, `download_dir`, ...).
struct SettingsDecoder {
    /// The look-and-feel keys, usually written in `[ui]`.
    static let uiKeys = ["theme", "layout", "sidebar_width", "sort", "date_format", "prefer_html"]
    /// The program and file keys, usually written at the top level.
    static let generalKeys = ["editor", "edit_headers", "opener", "download_dir", "alias_files", "query_command",
                              "body_cache_mb", "mailcap_files",
                              "reply_style", "signature_dashes", "format_flowed"]

    /// The root table.
    var root: TableReader
    /// The `[ui]` table, if there is one.
    var ui: TableReader?
    let context: DecodingContext

    /// Reads every setting; missing ones take their defaults from ``ConfigDefaults``.
    /// - Returns: The settings, and the path of the `theme` key if it was written.
    mutating func decode() -> (UISettings, GeneralSettings, themePath: KeyPath?) {
        var settings = UISettings()
        var themePath: KeyPath?
        if let theme = read("theme", { $0.string("theme", example: "theme = \"default\"") }) {
            settings.themeName = theme.value
            themePath = theme.path
        }
        if let layout = read("layout", { $0.choice("layout", as: Layout.self) }) { settings.layout = layout.value }
        if let width = read("sidebar_width", {
            $0.integer("sidebar_width", in: ConfigDefaults.sidebarWidthRange, example: "sidebar_width = 24")
        }) {
            settings.sidebarWidth = width.value
        }
        if let text = read("sort", { $0.string("sort", example: "sort = \"reverse-date\"") }) {
            if let order = SortOrder(text.value) {
                settings.sort = order
            } else {
                context.report(at: text.path, "\"sort\" is \(DisplayText.quoted(text.value)), which is not a sort order",
                               hint: Suggestion.didYouMean(text.value, in: SortOrder.allNames)
                                   ?? "write one of \(SortField.allCases.map(\.rawValue).joined(separator: ", ")), optionally with reverse- in front")
            }
        }
        if let format = read("date_format", { $0.string("date_format", example: "date_format = \"%Y-%m-%d %H:%M\"") }) {
            if let problem = Self.dateFormatProblem(format.value) {
                context.report(at: format.path, "\"date_format\" \(problem)",
                               hint: "write a strftime(3) format such as \"%Y-%m-%d %H:%M\"; %% for a literal %")
            } else {
                settings.dateFormat = format.value
            }
        }
        if let preferHTML = read("prefer_html", { $0.bool("prefer_html") }) { settings.preferHTML = preferHTML.value }
        return (settings, decodeGeneral(), themePath)
    }

    /// Reads the program and file keys.
    private mutating func decodeGeneral() -> GeneralSettings {
        let environment = context.environment
        var settings = GeneralSettings(
            editor: ConfigDefaults.editor(environment: environment), opener: ConfigDefaults.opener,
            downloadDirectory: ConfigDefaults.downloadDirectory(environment: environment),
            mailcapFiles: ConfigDefaults.mailcapFiles(environment: environment))
        if let editor = read("editor", { $0.string("editor", example: "editor = \"vim +/^$/\"") }) {
            settings.editor = editor.value
        }
        if let editHeaders = read("edit_headers", { $0.bool("edit_headers") }) { settings.editHeaders = editHeaders.value }
        if let opener = read("opener", { $0.string("opener", example: "opener = \"xdg-open\"") }) {
            settings.opener = opener.value
        }
        if let directory = read("download_dir", { $0.string("download_dir", example: "download_dir = \"~/Downloads\"") }),
           let expanded = context.expandPath(directory.value, at: directory.path) {
            settings.downloadDirectory = expanded
        }
        if let files = read("alias_files", { $0.stringList("alias_files", example: "alias_files = [\"~/.mutt/aliases\"]") }) {
            settings.aliasFiles = expandAll(files.value, at: files.path)
        }
        if let command = read("query_command", {
            $0.string("query_command", example: "query_command = \"khard email --parsable %s\"")
        }) {
            settings.queryCommand = command.value
        }
        if let size = read("body_cache_mb", {
            $0.integer("body_cache_mb", in: ConfigDefaults.bodyCacheMBRange, example: "body_cache_mb = 256")
        }) {
            settings.bodyCacheMB = size.value
        }
        if let files = read("mailcap_files", { $0.stringList("mailcap_files", example: "mailcap_files = [\"~/.mailcap\"]") }) {
            settings.mailcapFiles = expandAll(files.value, at: files.path)
        }
        if let style = read("reply_style", { $0.choice("reply_style", as: ReplyStyle.self) }) { settings.replyStyle = style.value }
        if let dashes = read("signature_dashes", { $0.bool("signature_dashes") }) { settings.signatureDashes = dashes.value }
        if let flowed = read("format_flowed", { $0.bool("format_flowed") }) { settings.formatFlowed = flowed.value }
        return settings
    }

    /// Reads `key` from whichever of the root and `[ui]` has it, reporting it if both do.
    /// - Returns: The value and the path it was read from; nil if absent, or invalid (reported).
    private mutating func read<Value>(_ key: String, _ body: (inout TableReader) -> Value?) -> (value: Value, path: KeyPath)? {
        root.accept(key)
        ui?.accept(key)
        let inRoot = root.has(key)
        let inUI = ui?.has(key) ?? false
        if inRoot && inUI {
            let rootLine = context.line(of: root.path(of: key)).map { " (line \($0))" } ?? ""
            context.report(at: KeyPath("ui", key), "\"\(key)\" is set both at the top level\(rootLine) and in [ui]",
                           hint: "keep only one of them")
            return nil
        }
        if inUI, var table = ui {
            defer { ui = table }
            return body(&table).map { ($0, table.path(of: key)) }
        }
        guard inRoot else { return nil }
        return body(&root).map { ($0, root.path(of: key)) }
    }

    private func expandAll(_ paths: [String], at path: KeyPath) -> [String] {
        paths.enumerated().compactMap { index, value in
            context.expandPath(value, at: path.appending(index: index))
        }
    }

    /// What is wrong with a strftime format, if anything: a `%` not followed by a conversion.
    static func dateFormatProblem(_ format: String) -> String? {
        let conversions = Set("aAbBcCdDeFgGhHIjklmMnprRsStTuUVwWxXyYzZ+%")
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { continue }
            var next = characters.next()
            while let flag = next, "_-0^#EO".contains(flag) { next = characters.next() }
            guard let conversion = next else { return "ends in a lone %" }
            if !conversions.contains(conversion) { return "has an unknown conversion %\(conversion)" }
        }
        return nil
    }
}
