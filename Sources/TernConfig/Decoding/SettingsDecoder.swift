/// Reads `[ui]` and the top-level program and file keys.
enum SettingsDecoder {
    /// The keys of `[ui]`.
    static let uiKeys = ["theme", "layout", "sidebar_width", "sort", "date_format", "prefer_html"]
    /// The top-level keys besides `accounts`, `ui` and `keys`.
    static let generalKeys = ["editor", "edit_headers", "opener", "download_dir", "alias_files", "query_command",
                              "body_cache_mb", "mailcap_files"]

    /// Reads `[ui]`; missing keys take their defaults. The theme name is checked by the caller.
    static func decodeUI(_ reader: TableReader?, context: DecodingContext) -> UISettings {
        var settings = UISettings()
        guard var reader else { return settings }
        if let theme = reader.string("theme", example: "theme = \"default\"") { settings.themeName = theme }
        if let layout = reader.choice("layout", as: Layout.self) { settings.layout = layout }
        if let width = reader.integer("sidebar_width", in: ConfigDefaults.sidebarWidthRange, example: "sidebar_width = 24") {
            settings.sidebarWidth = width
        }
        if let text = reader.string("sort", example: "sort = \"reverse-date\"") {
            if let order = SortOrder(text) {
                settings.sort = order
            } else {
                reader.context.report(at: reader.path(of: "sort"), "\"sort\" in [ui] is \(DisplayText.quoted(text)), which is not a sort order",
                                      hint: Suggestion.didYouMean(text, in: SortOrder.allNames)
                                          ?? "write one of \(SortField.allCases.map(\.rawValue).joined(separator: ", ")), optionally with reverse- in front")
            }
        }
        if let format = reader.string("date_format", example: "date_format = \"%Y-%m-%d %H:%M\"") {
            if let problem = dateFormatProblem(format) {
                reader.context.report(at: reader.path(of: "date_format"), "\"date_format\" in [ui] \(problem)",
                                      hint: "write a strftime(3) format such as \"%Y-%m-%d %H:%M\"; %% for a literal %")
            } else {
                settings.dateFormat = format
            }
        }
        if let preferHTML = reader.bool("prefer_html") { settings.preferHTML = preferHTML }
        var misplaced: [String: String] = [:]
        for key in generalKeys { misplaced[key] = "\"\(key)\" belongs at the top level, before any [table]" }
        reader.reportUnknownKeys(misplaced: misplaced)
        return settings
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

    /// Reads the top-level program and file keys from the root reader (marking them known).
    static func decodeGeneral(_ reader: inout TableReader, context: DecodingContext) -> GeneralSettings {
        let environment = context.environment
        var settings = GeneralSettings(
            editor: ConfigDefaults.editor(environment: environment), opener: ConfigDefaults.opener,
            downloadDirectory: ConfigDefaults.downloadDirectory(environment: environment),
            mailcapFiles: ConfigDefaults.mailcapFiles(environment: environment))
        if let editor = reader.string("editor", example: "editor = \"vim +/^$/\"") { settings.editor = editor }
        if let editHeaders = reader.bool("edit_headers") { settings.editHeaders = editHeaders }
        if let opener = reader.string("opener", example: "opener = \"xdg-open\"") { settings.opener = opener }
        if let directory = reader.string("download_dir", example: "download_dir = \"~/Downloads\""),
           let expanded = context.expandPath(directory, at: reader.path(of: "download_dir")) {
            settings.downloadDirectory = expanded
        }
        if let files = reader.stringList("alias_files", example: "alias_files = [\"~/.mutt/aliases\"]") {
            settings.aliasFiles = expandAll(files, key: "alias_files", reader: reader, context: context)
        }
        if let command = reader.string("query_command", example: "query_command = \"khard email --parsable %s\"") {
            settings.queryCommand = command
        }
        if let size = reader.integer("body_cache_mb", in: ConfigDefaults.bodyCacheMBRange, example: "body_cache_mb = 256") {
            settings.bodyCacheMB = size
        }
        if let files = reader.stringList("mailcap_files", example: "mailcap_files = [\"~/.mailcap\"]") {
            settings.mailcapFiles = expandAll(files, key: "mailcap_files", reader: reader, context: context)
        }
        return settings
    }

    private static func expandAll(_ paths: [String], key: String, reader: TableReader, context: DecodingContext) -> [String] {
        paths.enumerated().compactMap { index, path in
            context.expandPath(path, at: reader.path(of: key).appending(index: index))
        }
    }
}
