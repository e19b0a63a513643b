/// Reads the connection keys shared by `[accounts.NAME.imap]`, `.pop3` and `.smtp`.
struct ConnectionDecoder {
    /// The keys every connection table accepts.
    static let keys = ["host", "port", "security", "user", "password_command", "password_env",
                       "oauth_token_command", "auth", "ca_file", "allow_insecure_auth"]

    /// Reads the connection keys of `reader` (marking them known) and checks them together.
    /// - Parameters:
    ///   - reader: The connection table.
    ///   - serverProtocol: Which protocol the table is for.
    ///   - defaultUser: The login name when `user` is not given (the account's from address).
    ///   - requiresCredentials: Whether a password or token source is required (IMAP, POP3).
    /// - Returns: The connection, or nil if a required key is missing or invalid.
    static func decode(_ reader: inout TableReader, protocol serverProtocol: ServerProtocol, defaultUser: String?,
                       requiresCredentials: Bool) -> ServerConnection? {
        let context = reader.context
        let table = reader.path
        let host = reader.string("host", example: "host = \"mail.example.org\"")
        let security = reader.choice("security", as: ConnectionSecurity.self)
        let port = reader.integer("port", in: 1...65535, example: "port = \(serverProtocol.defaultPort(for: security ?? .tls))")
        let user = reader.string("user", example: "user = \"alice@example.org\"")
        let passwordCommand = reader.secretString("password_command", example: "password_command = \"pass show mail/NAME\"")
        let passwordEnv = reader.secretString("password_env", example: "password_env = \"MAIL_PASSWORD\"")
        let oauthCommand = reader.secretString("oauth_token_command", example: "oauth_token_command = \"oauth2-token NAME\"")
        let auth = reader.stringList("auth", example: "auth = [\"plain\", \"login\"]")
        let caFile = reader.string("ca_file", example: "ca_file = \"~/certs/ca.pem\"")
        let allowInsecureAuth = reader.bool("allow_insecure_auth") ?? ConfigDefaults.allowInsecureAuth
        let hasSecurity = reader.has("security")

        var valid = true
        if host == nil, !reader.has("host") {
            context.report(at: table, "\(table.tableName) has no host",
                           hint: "add host = \"\(serverProtocol == .smtp ? "smtp" : serverProtocol.rawValue).example.org\"")
            valid = false
        }
        if let host, let problem = hostProblem(host) {
            context.report(at: reader.path(of: "host"), "\"host\" in \(table.tableName) \(problem.message)", hint: problem.hint)
            valid = false
        }
        if reader.has("port") && port == nil { valid = false }
        if hasSecurity && security == nil { valid = false }
        if passwordEnv != nil, !(passwordEnv.map(isVariableName) ?? true) {
            context.report(at: reader.path(of: "password_env"),
                           "\"password_env\" in \(table.tableName) is not an environment variable name",
                           hint: "write the variable's name, such as password_env = \"MAIL_PASSWORD\", not its value")
            valid = false
        }
        if passwordCommand != nil && passwordEnv != nil {
            context.report(at: reader.path(of: "password_env"),
                           "\(table.tableName) has both password_command and password_env",
                           hint: "keep only one of them")
            valid = false
        }

        let mechanisms = decodeMechanisms(auth, reader: reader, protocol: serverProtocol)
        if auth != nil && mechanisms == nil { valid = false }
        let usesOAuth = mechanisms?.contains(where: \.usesOAuthToken) ?? false
        let usesPassword = mechanisms?.contains(where: { !$0.usesOAuthToken }) ?? false
        if usesOAuth && oauthCommand == nil {
            context.report(at: reader.path(of: "auth"), "\(table.tableName) lists an OAuth mechanism but has no oauth_token_command",
                           hint: "add oauth_token_command = \"...\", a command that prints a fresh access token")
            valid = false
        }
        if usesPassword && passwordCommand == nil && passwordEnv == nil && (mechanisms?.isEmpty == false) {
            context.report(at: reader.path(of: "auth"), "\(table.tableName) lists a password mechanism but has no password source",
                           hint: "add password_command = \"...\" or password_env = \"VAR\"")
            valid = false
        }
        let hasCredentials = passwordCommand != nil || passwordEnv != nil || oauthCommand != nil
        let credentialKeysPresent = ["password_command", "password_env", "oauth_token_command"].contains(where: reader.has)
        if requiresCredentials && !hasCredentials && !credentialKeysPresent {
            context.report(at: table, "\(table.tableName) has no password source",
                           hint: "add password_command = \"pass show mail/NAME\" or password_env = \"VAR\" (passwords are never written in the config)")
            valid = false
        }
        let effectiveSecurity = security ?? ConfigDefaults.security
        if effectiveSecurity == .none && (hasCredentials || credentialKeysPresent) && !allowInsecureAuth {
            context.report(at: hasSecurity ? reader.path(of: "security") : table,
                           "\(table.tableName) sends a password without encryption (security = \"none\")",
                           hint: "use security = \"tls\" or \"starttls\"; only if this server is on a trusted network, add allow_insecure_auth = true")
            valid = false
        }

        var expandedCA: String?
        if let caFile {
            expandedCA = context.expandPath(caFile, at: reader.path(of: "ca_file"))
            if expandedCA == nil { valid = false }
        }
        guard valid, var host else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard let login = user ?? defaultUser else { return nil }
        return ServerConnection(
            serverProtocol: serverProtocol, host: host, port: port, security: effectiveSecurity, user: login,
            password: passwordCommand.map(SecretSource.command) ?? passwordEnv.map(SecretSource.environment),
            oauthToken: oauthCommand.map(SecretSource.command),
            authMechanisms: mechanisms ?? (oauthCommand != nil ? [.oauthbearer, .xoauth2] : []),
            caFile: expandedCA, allowInsecureAuth: allowInsecureAuth)
    }

    /// The `auth` list as mechanisms; nil (after reporting) if a name is unknown or not for this protocol.
    private static func decodeMechanisms(_ names: [String]?, reader: TableReader, protocol serverProtocol: ServerProtocol) -> [AuthMechanism]? {
        guard let names else { return nil }
        let allowed = AuthMechanism.allCases.filter { $0 != .user || serverProtocol == .pop3 }
        var mechanisms: [AuthMechanism] = []
        var valid = true
        for (index, name) in names.enumerated() {
            let path = reader.path(of: "auth").appending(index: index)
            guard let mechanism = AuthMechanism(rawValue: name.lowercased()), allowed.contains(mechanism) else {
                let listing = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                reader.context.report(at: path, "\(DisplayText.quoted(name)) is not an authentication mechanism for \(serverProtocol)",
                                      hint: Suggestion.didYouMean(name, in: allowed.map(\.rawValue)) ?? "write one or more of \(listing)")
                valid = false
                continue
            }
            if !mechanisms.contains(mechanism) { mechanisms.append(mechanism) }
        }
        return valid ? mechanisms : nil
    }

    /// What is wrong with a host value, if anything: a URL, a port glued on, spaces.
    static func hostProblem(_ host: String) -> (message: String, hint: String)? {
        if let scheme = host.range(of: "://") {
            let rest = host[scheme.upperBound...].split(separator: "/").first.map(String.init) ?? ""
            return ("is a URL", "write only the host name, host = \"\(rest)\", and set port and security separately")
        }
        if host.contains(where: { $0 == " " || $0 == "\t" || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }) {
            return ("contains spaces or control characters", "write only the host name or IP address")
        }
        let colons = host.filter { $0 == ":" }.count
        if colons == 1, let colon = host.firstIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            return ("includes a port", "write host = \"\(host[..<colon])\" and port = \(port.isEmpty ? "N" : String(port))")
        }
        if host.hasPrefix("[") != host.hasSuffix("]") {
            return ("has an unbalanced bracket", "write an IPv6 address without brackets, such as host = \"::1\"")
        }
        return nil
    }

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
