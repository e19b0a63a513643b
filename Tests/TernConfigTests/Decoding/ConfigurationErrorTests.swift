import Testing
@testable import TernConfig

/// One bad config and the diagnostic it must produce.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    /// The line the diagnostic must name.
    let line: Int?
    /// Text the diagnostic must contain.
    let contains: [String]
    var testDescription: String { name }
}

let errorCases: [ErrorCase] = [
    ErrorCase(name: "unknown key with suggestion", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.imap]
        hots = "127.0.0.1"
        host = "127.0.0.1"
        password_command = "pass show alice"
        """, line: 4, contains: ["config.toml:4: unknown key \"hots\" in [accounts.alice.imap]; did you mean \"host\"?"]),
    ErrorCase(name: "wrong type", text: TestConfig.minimalAccount + """
        [ui]
        sidebar_width = "wide"
        """, line: 7, contains: ["\"sidebar_width\" in [ui] must be an integer, not a string"]),
    ErrorCase(name: "quoted number", text: TestConfig.minimalAccount + """
        [accounts.alice.smtp]
        host = "127.0.0.1"
        port = "587"
        """, line: 8, contains: ["must be an integer, not a string", "port = 587 without quotes"]),
    ErrorCase(name: "missing host", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"

        [accounts.alice.imap]
        port = 1993
        password_command = "pass show alice"
        """, line: 4, contains: ["[accounts.alice.imap] has no host", "add host ="]),
    ErrorCase(name: "two sources", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.imap]
        host = "127.0.0.1"
        password_command = "pass show alice"
        [accounts.alice.maildir]
        path = "~/Mail/alice"
        """, line: 6, contains: ["has both [accounts.alice.imap] (line 3) and [accounts.alice.maildir]"]),
    ErrorCase(name: "no source", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        """, line: 1, contains: ["[accounts.alice] has no mail source"]),
    ErrorCase(name: "insecure auth", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.imap]
        host = "127.0.0.1"
        security = "none"
        password_command = "pass show alice"
        """, line: 5, contains: ["sends a password without encryption", "allow_insecure_auth = true"]),
    ErrorCase(name: "compress as a string", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.imap]
        host = "127.0.0.1"
        password_command = "pass show alice"
        compress = "yes"
        """, line: 6, contains: ["compress", "compress = true or compress = false"]),
    ErrorCase(name: "header_fetch not one of the choices", text: """
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "imap.example.test"
        password_env = "ALICE"
        header_fetch = "wholes"
        """, line: 6, contains: ["header_fetch", "\"auto\", \"fields\", \"whole\"", "did you mean \"whole\"?"]),
    ErrorCase(name: "compress for POP3", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.pop3]
        host = "127.0.0.1"
        password_command = "pass show alice"
        compress = true
        """, line: 6, contains: ["\"compress\" is only for [accounts.alice.imap]"]),
    ErrorCase(name: "bad security value", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.imap]
        host = "127.0.0.1"
        security = "tsl"
        password_command = "pass show alice"
        """, line: 5, contains: ["\"security\" in [accounts.alice.imap] is \"tsl\"", "did you mean \"tls\"?"]),
    ErrorCase(name: "port out of range", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.imap]
        host = "127.0.0.1"
        port = 99999
        password_command = "pass show alice"
        """, line: 5, contains: ["\"port\" in [accounts.alice.imap] is 99999, outside 1...65535"]),
    ErrorCase(name: "duplicate default account", text: """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        default = true
        maildir = { path = "/tmp/a" }
        [accounts.bob]
        from = "Bob <bob@example.test>"
        default = true
        maildir = { path = "/tmp/b" }
        """, line: 7, contains: ["accounts \"alice\" (line 3) and \"bob\" both say default = true"]),
    ErrorCase(name: "unknown theme", text: TestConfig.minimalAccount + """
        [ui]
        theme = "solarised-dark"
        """, line: 7, contains: ["there is no theme called \"solarised-dark\"", "did you mean \"solarized-dark\"?"]),
    ErrorCase(name: "bad key name", text: TestConfig.minimalAccount + """
        [keys.list]
        "<Entr>" = "open"
        """, line: 7, contains: ["unknown key name \"<Entr>\"", "did you mean <Enter>?"]),
    ErrorCase(name: "unknown command", text: TestConfig.minimalAccount + """
        [keys.list]
        j = "move-dwn"
        """, line: 7, contains: ["unknown command \"move-dwn\" in [keys.list]", "did you mean \"move-down\"?"]),
    ErrorCase(name: "command in the wrong context", text: TestConfig.minimalAccount + """
        [keys.list]
        y = "send"
        """, line: 7, contains: ["command \"send\" does nothing in [keys.list]", "[keys.composer]"]),
    ErrorCase(name: "printable key in prompt", text: TestConfig.minimalAccount + """
        [keys.prompt]
        a = "cursor-start"
        """, line: 7, contains: ["types text in a prompt"]),
    ErrorCase(name: "conflicting user bindings", text: TestConfig.minimalAccount + """
        [keys.list]
        x = "delete"
        xy = "undelete"
        """, line: 8, contains: ["\"xy\" and \"x\" are both bound in [keys.list]"]),
    ErrorCase(name: "unknown context", text: TestConfig.minimalAccount + """
        [keys.pager]
        j = "scroll-down"
        """, line: 6, contains: ["unknown key \"pager\" in [keys]"]),
    ErrorCase(name: "setting in both places", text: """
        theme = "gruvbox"
        """ + "\n" + TestConfig.minimalAccount + """
        [ui]
        theme = "light"
        """, line: 8, contains: ["\"theme\" is set both at the top level (line 1) and in [ui]"]),
    ErrorCase(name: "account key at the top level", text: """
        from = "alice@example.test"
        """ + "\n" + TestConfig.minimalAccount, line: 1,
        contains: ["unknown key \"from\" in the top level; \"from\" belongs in an account: [accounts.NAME]"]),
    ErrorCase(name: "connection key on the account", text: TestConfig.minimalAccount + """
        [accounts.bob]
        from = "bob@example.test"
        host = "pop.example.test"
        pop3 = { host = "pop.example.test", password_env = "BOB" }
        """, line: 8, contains: ["unknown key \"host\" in [accounts.bob]", "belongs in [accounts.bob.imap], .pop3 or .smtp"]),
    ErrorCase(name: "missing from", text: """
        [accounts.alice]
        maildir = { path = "/tmp/a" }
        """, line: 1, contains: ["[accounts.alice] has no from address"]),
    ErrorCase(name: "bad from", text: """
        [accounts.alice]
        from = "Alice alice.example.test"
        maildir = { path = "/tmp/a" }
        """, line: 2, contains: ["\"from\" in [accounts.alice] is not a valid address"]),
    ErrorCase(name: "no password source", text: """
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "127.0.0.1"
        """, line: 3, contains: ["[accounts.alice.imap] has no password source"]),
    ErrorCase(name: "both password sources", text: """
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "127.0.0.1"
        password_command = "pass show alice"
        password_env = "ALICE_PW"
        """, line: 6, contains: ["has both password_command and password_env"]),
    ErrorCase(name: "host with port", text: """
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "mail.example.test:993"
        password_env = "ALICE_PW"
        """, line: 4, contains: ["includes a port", "host = \"mail.example.test\" and port = 993"]),
    ErrorCase(name: "smtp and sendmail", text: """
        [accounts.alice]
        from = "alice@example.test"
        sendmail = "/usr/sbin/sendmail -t -i"
        maildir = { path = "/tmp/a" }
        [accounts.alice.smtp]
        host = "127.0.0.1"
        """, line: 3, contains: ["has both [accounts.alice.smtp] and sendmail"]),
    ErrorCase(name: "keep_days without keep_on_server", text: """
        [accounts.bob]
        from = "bob@example.test"
        [accounts.bob.pop3]
        host = "127.0.0.1"
        password_env = "BOB_PW"
        keep_days = 30
        """, line: 6, contains: ["keep_days needs keep_on_server = true"]),
    ErrorCase(name: "unknown auth mechanism", text: """
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "127.0.0.1"
        password_env = "ALICE_PW"
        auth = ["plain",
                "cram-mdd5"]
        """, line: 7, contains: ["\"cram-mdd5\" is not an authentication mechanism for imap", "did you mean \"cram-md5\"?"]),
    ErrorCase(name: "oauth without token command", text: """
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "127.0.0.1"
        password_env = "ALICE_PW"
        auth = ["xoauth2"]
        """, line: 6, contains: ["lists an OAuth mechanism but has no oauth_token_command"]),
    ErrorCase(name: "unknown folder role", text: TestConfig.minimalAccount + """
        [accounts.alice.folders]
        sent = "Sent Items"
        spam = "Junk"
        """, line: 8, contains: ["unknown key \"spam\" in [accounts.alice.folders]"]),
    ErrorCase(name: "bad identity", text: TestConfig.minimalAccount + """
        [accounts.alice.identities]
        work = "Alice <alice@work>"
        home = "not an address"
        """, line: 8, contains: ["identity \"not an address\" is not a valid address"]),
    ErrorCase(name: "bad sync interval", text: """
        [accounts.alice]
        from = "alice@example.test"
        sync_interval = "5 minutes"
        maildir = { path = "/tmp/a" }
        """, line: 3, contains: ["\"sync_interval\" in [accounts.alice] is not a duration"]),
    ErrorCase(name: "unset variable in a path", text: """
        [accounts.carol]
        from = "carol@example.test"
        [accounts.carol.maildir]
        path = "$NO_SUCH_VARIABLE/carol"
        """, line: 4, contains: ["the environment variable NO_SUCH_VARIABLE is not set"]),
    ErrorCase(name: "bad sort", text: TestConfig.minimalAccount + """
        [ui]
        sort = "reverse-dat"
        """, line: 7, contains: ["is not a sort order", "did you mean \"reverse-date\"?"]),
    ErrorCase(name: "bad date format", text: TestConfig.minimalAccount + """
        [ui]
        date_format = "%Y-%Q"
        """, line: 7, contains: ["has an unknown conversion %Q"]),
    ErrorCase(name: "bad layout", text: TestConfig.minimalAccount + """
        [ui]
        layout = "splt"
        """, line: 7, contains: ["did you mean \"split\"?"]),
    ErrorCase(name: "no accounts", text: """
        [ui]
        theme = "default"
        """, line: nil, contains: ["config.toml: there are no accounts"]),
    ErrorCase(name: "inline table key", text: """
        [accounts.alice]
        from = "alice@example.test"
        imap = { host = "127.0.0.1", pasword_env = "X" }
        """, line: 3, contains: ["unknown key \"pasword_env\" in [accounts.alice.imap]; did you mean \"password_env\"?"]),
    ErrorCase(name: "dotted key", text: """
        [accounts]
        alice.from = "alice@example.test"
        alice.maildir.path = "/tmp/a"
        alice.maildir.pth = "/tmp/b"
        """, line: 4, contains: ["unknown key \"pth\" in [accounts.alice.maildir]; did you mean \"path\"?"]),
    ErrorCase(name: "syntax error", text: """
        [accounts.alice]
        from = "alice@example.test
        """, line: 2, contains: ["config.toml:2:", "TOML syntax error"]),
    ErrorCase(name: "control character", text: """
        editor = "vi\\u001b[2J"
        """ + "\n" + TestConfig.minimalAccount, line: 1,
        contains: ["\"editor\" in the top level contains a control character"]),
    ErrorCase(name: "escape sequence in a key name", text: TestConfig.minimalAccount + """
        "ho\\u001b[31mst" = 1
        """, line: 6, contains: ["unknown key \"ho\\u{1B}[31mst\" in [accounts.alice.imap]"]),
]

@Test(arguments: errorCases)
func configErrorNamesTheLine(_ errorCase: ErrorCase) throws {
    let diagnostics = TestConfig.diagnostics(errorCase.text)
    try #require(!diagnostics.isEmpty, "expected an error")
    let matching = diagnostics.filter { diagnostic in
        errorCase.contains.allSatisfy { diagnostic.description.contains($0) }
    }
    #expect(matching.count == 1, "no single diagnostic contains \(errorCase.contains) in:\n\(diagnostics.map(\.description).joined(separator: "\n"))")
    #expect(matching.first?.line == errorCase.line)
    #expect(matching.first?.file == "config.toml")
}

@Test func severalErrorsAreReportedTogetherInLineOrder() throws {
    let text = """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.imap]
        hots = "127.0.0.1"
        port = 0
        security = "ssl"
        password_command = "pass show alice"
        [ui]
        layout = "grid"
        """
    let diagnostics = TestConfig.diagnostics(text)
    #expect(diagnostics.compactMap(\.line) == diagnostics.compactMap(\.line).sorted())
    let lines = Set(diagnostics.compactMap(\.line))
    #expect(lines.isSuperset(of: [3, 4, 5, 6, 9]), "\(diagnostics)")
}

@Test func errorCountIsCapped() throws {
    var text = TestConfig.minimalAccount + "[ui]\n"
    for index in 0..<100 { text += "unknown_\(index) = 1\n" }
    do {
        _ = try TestConfig.parse(text)
        Issue.record("expected an error")
    } catch {
        #expect(error.diagnostics.count == ConfigError.reportLimit)
        #expect(error.omittedCount == 100 - ConfigError.reportLimit)
        #expect(error.description.hasSuffix("... and \(100 - ConfigError.reportLimit) more problems (fix these first)"))
    }
}

@Test func aUserThemeWithABadKeyIsReportedInTheThemeFile() throws {
    let text = TestConfig.minimalAccount + """
        [ui]
        theme = "mine"
        """
    let theme = """
        inherit = "default"
        "list.unred" = { fg = "yellow" }
        """
    let diagnostics = TestConfig.diagnostics(text, userThemes: ["mine": theme])
    #expect(diagnostics.map(\.description) == [
        "themes/mine.toml:2: unknown theme key \"list.unred\"; did you mean \"list.unread\"?",
    ])
}
