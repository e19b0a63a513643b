import MailCore

/// Reads one `[accounts.NAME]` table.
enum AccountDecoder {
    /// The source tables an account may have; exactly one is required.
    static let sourceKeys = ["imap", "pop3", "maildir"]

    /// Decodes account `name`; nil (after reporting every problem) if it is not usable.
    static func decode(name: String, node: TOMLNode, context: DecodingContext) -> Account? {
        let path = KeyPath("accounts", name)
        guard var reader = TableReader(node: node, at: path, context: context,
                                       example: "write [accounts.\(KeyPath.render(name))] with from = \"...\" and an imap, pop3 or maildir table") else {
            return nil
        }
        if let problem = nameProblem(name) {
            context.report(at: path, "the account name \(DisplayText.quoted(name)) \(problem)",
                           hint: "use letters, digits, \".\", \"-\", \"_\", \"@\" and \"+\"")
        }
        let fromText = reader.string("from", example: "from = \"Your Name <you@example.org>\"")
        var from: Address?
        if let fromText {
            switch ConfigAddress.parse(fromText) {
            case .success(let address): from = address
            case .failure(let error):
                context.report(at: reader.path(of: "from"), "\"from\" in \(path.tableName) is not a valid address: \(error)",
                               hint: "write from = \"Your Name <you@example.org>\"")
            }
        } else if !reader.has("from") {
            context.report(at: path, "\(path.tableName) has no from address", hint: "add from = \"Your Name <you@example.org>\"")
        }
        let isDefault = reader.bool("default") ?? false
        let defaultUser = from?.address

        let presentSources = sourceKeys.filter(reader.has)
        reader.accept("imap", "pop3", "maildir")
        if presentSources.isEmpty {
            context.report(at: path, "\(path.tableName) has no mail source",
                           hint: "add one of [accounts.\(KeyPath.render(name)).imap], [accounts.\(KeyPath.render(name)).pop3] or [accounts.\(KeyPath.render(name)).maildir]")
        } else if presentSources.count > 1 {
            let sorted = presentSources.sorted { (context.line(of: path.appending($0)) ?? 0) < (context.line(of: path.appending($1)) ?? 0) }
            let first = sorted[0]
            for other in sorted.dropFirst() {
                let firstLine = context.line(of: path.appending(first)).map { " (line \($0))" } ?? ""
                context.report(at: path.appending(other),
                               "account \(DisplayText.quoted(name)) has both [\(path.appending(first))]\(firstLine) and [\(path.appending(other))]",
                               hint: "an account has exactly one of imap, pop3 or maildir; make a second account for the other")
            }
        }
        var source: MailSource?
        if presentSources.count == 1, let kind = presentSources.first {
            source = decodeSource(kind, reader: &reader, account: name, defaultUser: defaultUser, context: context)
        }

        let outgoing = decodeOutgoing(&reader, defaultUser: defaultUser, context: context)
        let identities = decodeIdentities(&reader, context: context)
        let folders = decodeFolders(&reader, context: context)
        let signature = decodeSignature(&reader, context: context)
        let syncInterval = decodeSyncInterval(&reader, context: context)

        reader.reportUnknownKeys(misplaced: misplacedAccountKeys(name))
        guard let from, let source, let outgoing, let identities, let folders, let signature, let syncInterval else {
            return nil
        }
        return Account(name: name, from: from, isDefault: isDefault, source: source, outgoing: outgoing.value,
                       identities: [Identity(name: nil, address: from)] + identities, folders: folders,
                       signature: signature.value, syncInterval: syncInterval)
    }

    /// Keys that belong in a connection table, not directly in the account.
    private static func misplacedAccountKeys(_ name: String) -> [String: String] {
        var hints: [String: String] = [:]
        for key in ConnectionDecoder.keys {
            hints[key] = "\"\(key)\" belongs in [accounts.\(KeyPath.render(name)).imap], .pop3 or .smtp"
        }
        for key in ["keep_on_server", "keep_days", "allow_apop"] {
            hints[key] = "\"\(key)\" belongs in [accounts.\(KeyPath.render(name)).pop3]"
        }
        hints["path"] = "\"path\" belongs in [accounts.\(KeyPath.render(name)).maildir]"
        return hints
    }

    /// What is wrong with an account name, if anything (it names folders on disk).
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.count > 64 { return "is longer than 64 characters" }
        if name.hasPrefix(".") { return "starts with a dot" }
        let valid = name.allSatisfy { character in
            character.isASCII && (character.isLetter || character.isNumber || ".-_@+".contains(character))
        }
        return valid ? nil : "has characters other than letters, digits and .-_@+"
    }

    /// Reads the account's one source table.
    private static func decodeSource(_ kind: String, reader: inout TableReader, account: String, defaultUser: String?,
                                     context: DecodingContext) -> MailSource? {
        guard var table = reader.table(kind, example: "[accounts.\(KeyPath.render(account)).\(kind)]") else { return nil }
        defer { table.reportUnknownKeys(misplaced: misplacedSourceKeys(kind, account: account)) }
        switch kind {
        case "imap":
            let connection = ConnectionDecoder.decode(&table, protocol: .imap, defaultUser: defaultUser, requiresCredentials: true)
            let compress = table.bool("compress")
            let headerFetch = table.choice("header_fetch", as: HeaderFetchSetting.self)
            guard var connection, compress != nil || !table.has("compress"),
                  headerFetch != nil || !table.has("header_fetch") else { return nil }
            connection.compress = compress
            connection.headerFetch = headerFetch
            return .imap(connection)
        case "pop3":
            let connection = ConnectionDecoder.decode(&table, protocol: .pop3, defaultUser: defaultUser, requiresCredentials: true)
            let maildirText = table.string("maildir", example: "maildir = \"~/Mail/\(account)\"")
            let keepOnServer = table.bool("keep_on_server") ?? ConfigDefaults.keepOnServer
            let keepDays = table.integer("keep_days", in: 1...36500, example: "keep_days = 30")
            let allowAPOP = table.bool("allow_apop") ?? ConfigDefaults.allowAPOP
            if keepDays != nil && !keepOnServer {
                context.report(at: table.path(of: "keep_days"), "keep_days needs keep_on_server = true",
                               hint: "add keep_on_server = true, or remove keep_days to delete mail from the server once it is downloaded")
                return nil
            }
            let maildir: String?
            if let maildirText {
                maildir = context.expandPath(maildirText, at: table.path(of: "maildir"))
            } else if table.has("maildir") {
                maildir = nil
            } else {
                maildir = ConfigDefaults.pop3Maildir(account: account, environment: context.environment)
            }
            guard let connection, let maildir else { return nil }
            if table.has("keep_days") && keepDays == nil { return nil }
            return .pop3(POP3Settings(connection: connection, maildir: maildir, keepOnServer: keepOnServer,
                                      keepDays: keepDays, allowAPOP: allowAPOP))
        default:
            guard let pathText = table.string("path", example: "path = \"~/Mail/\(account)\"") else {
                if !table.has("path") {
                    context.report(at: table.path, "\(table.path.tableName) has no path", hint: "add path = \"~/Mail/\(account)\"")
                }
                return nil
            }
            return context.expandPath(pathText, at: table.path(of: "path")).map { .maildir(MaildirSettings(path: $0)) }
        }
    }

    private static func misplacedSourceKeys(_ kind: String, account: String) -> [String: String] {
        let name = KeyPath.render(account)
        var hints: [String: String] = [:]
        for key in ["from", "default", "identities", "folders", "signature_file", "signature_command", "sync_interval", "sendmail"] {
            hints[key] = "\"\(key)\" belongs in [accounts.\(name)]"
        }
        if kind != "imap" {
            hints["compress"] = "\"compress\" is only for [accounts.\(name).imap]"
            hints["header_fetch"] = "\"header_fetch\" is only for [accounts.\(name).imap]"
        }
        if kind != "pop3" {
            for key in ["keep_on_server", "keep_days", "allow_apop", "maildir"] {
                hints[key] = "\"\(key)\" is only for [accounts.\(name).pop3]"
            }
        }
        return hints
    }

    /// `[accounts.NAME.smtp]` or `sendmail`; `.some(nil)` when neither is given, nil on error.
    private static func decodeOutgoing(_ reader: inout TableReader, defaultUser: String?, context: DecodingContext) -> Wrapped<OutgoingTransport?>? {
        let hasSMTP = reader.has("smtp")
        let sendmail = reader.string("sendmail", example: "sendmail = \"/usr/sbin/sendmail -t -i\"")
        if hasSMTP && reader.has("sendmail") {
            reader.accept("smtp")
            context.report(at: reader.path(of: "sendmail"), "\(reader.path.tableName) has both [\(reader.path(of: "smtp"))] and sendmail",
                           hint: "keep only one way of sending")
            return nil
        }
        if let sendmail { return Wrapped(.sendmail(command: sendmail)) }
        if reader.has("sendmail") { return nil }
        guard hasSMTP else { return Wrapped(nil) }
        guard var table = reader.table("smtp", example: "[\(reader.path(of: "smtp"))]") else { return nil }
        let connection = ConnectionDecoder.decode(&table, protocol: .smtp, defaultUser: defaultUser, requiresCredentials: false)
        table.reportUnknownKeys(misplaced: ["maildir": "\"maildir\" is only for [\(reader.path).pop3]",
                                            "keep_on_server": "\"keep_on_server\" is only for [\(reader.path).pop3]"])
        return connection.map { Wrapped(.smtp($0)) }
    }

    /// `identities`: a table of name to address, or an array of addresses. Nil on error.
    private static func decodeIdentities(_ reader: inout TableReader, context: DecodingContext) -> [Identity]? {
        guard let node = reader.node("identities") else { return [] }
        let path = reader.path(of: "identities")
        var entries: [(name: String?, text: TOMLNode, path: KeyPath)] = []
        switch node {
        case .table(let table):
            let ordered = context.document.locator.fileOrder(of: table.keys, in: path)
            entries = ordered.compactMap { key in table[key].map { (key, $0, path.appending(key)) } }
        case .array(let array):
            entries = array.enumerated().map { (nil, $0.element, path.appending(index: $0.offset)) }
        case .string:
            entries = [(nil, node, path)]
        default:
            reader.reportType("identities", expected: "a table of names to addresses or an array of addresses", found: node,
                              example: "identities = { work = \"Alice <alice@work.example>\" }")
            return nil
        }
        var identities: [Identity] = []
        var valid = true
        for entry in entries {
            guard case .string(let text) = entry.text else {
                context.report(at: entry.path, "an identity must be an address string, not \(entry.text.typeName)",
                               hint: "write \"Name <address@example.org>\"")
                valid = false
                continue
            }
            switch ConfigAddress.parse(text) {
            case .success(let address): identities.append(Identity(name: entry.name, address: address))
            case .failure(let error):
                context.report(at: entry.path, "identity \(DisplayText.quoted(text)) is not a valid address: \(error)",
                               hint: "write \"Name <address@example.org>\"")
                valid = false
            }
        }
        return valid ? identities : nil
    }

    /// `[accounts.NAME.folders]`: role = folder name. Nil on error.
    private static func decodeFolders(_ reader: inout TableReader, context: DecodingContext) -> [FolderRole: String]? {
        guard var table = reader.table("folders", example: "[\(reader.path(of: "folders"))] with sent = \"Sent Items\"") else {
            return reader.has("folders") ? nil : [:]
        }
        var folders: [FolderRole: String] = [:]
        var valid = true
        for role in FolderRole.allCases {
            if let name = table.string(role.rawValue, example: "\(role.rawValue) = \"\(role.rawValue.capitalized)\"") {
                folders[role] = name
            } else if table.has(role.rawValue) {
                valid = false
            }
        }
        table.reportUnknownKeys()
        return valid ? folders : nil
    }

    /// `signature_file` or `signature_command`; `.some(nil)` for none, nil on error.
    private static func decodeSignature(_ reader: inout TableReader, context: DecodingContext) -> Wrapped<SignatureSource?>? {
        let file = reader.string("signature_file", example: "signature_file = \"~/.signature\"")
        let command = reader.string("signature_command", example: "signature_command = \"fortune -s\"")
        if reader.has("signature_file") && reader.has("signature_command") {
            context.report(at: reader.path(of: "signature_command"), "\(reader.path.tableName) has both signature_file and signature_command",
                           hint: "keep only one of them")
            return nil
        }
        if let file {
            return context.expandPath(file, at: reader.path(of: "signature_file")).map { Wrapped(.file($0)) }
        }
        if let command { return Wrapped(.command(command)) }
        return reader.has("signature_file") || reader.has("signature_command") ? nil : Wrapped(nil)
    }

    /// `sync_interval`: seconds, or a string such as "5m". Nil on error.
    private static func decodeSyncInterval(_ reader: inout TableReader, context: DecodingContext) -> Duration? {
        guard let node = reader.node("sync_interval") else { return ConfigDefaults.syncInterval }
        let path = reader.path(of: "sync_interval")
        let seconds: Int?
        switch node {
        case .integer(let value): seconds = value >= 0 ? value : nil
        case .string(let text): seconds = DurationParser.seconds(text)
        default: seconds = nil
        }
        let minimum = Int(ConfigDefaults.minimumSyncInterval.components.seconds)
        guard let seconds, seconds == 0 || seconds >= minimum, seconds <= 7 * 86400 else {
            context.report(at: path, "\"sync_interval\" in \(reader.path.tableName) is not a duration from \(minimum) seconds to 7 days, or 0",
                           hint: "write sync_interval = \"5m\" (or 300 seconds; 0 checks only when asked)")
            return nil
        }
        return .seconds(seconds)
    }
}

/// A value that may itself be nil, so that "no value" and "an error" can be told apart.
struct Wrapped<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
