import MailCore
import Testing
@testable import TernConfig

let fullConfig = """
    editor = "vim"
    edit_headers = true
    opener = "open-it"
    download_dir = "~/dl"
    alias_files = ["~/.aliases", "$MAILDIR/aliases"]
    query_command = "khard email --parsable %s"
    body_cache_mb = 64
    mailcap_files = ["~/.mailcap"]

    [accounts.alice]
    from = "Alice Example <alice@example.test>"
    identities = { work = "Alice at Work <alice@work.test>", home = "alice@home.test" }
    signature_file = "~/.signature"
    sync_interval = "2m"
    [accounts.alice.imap]
    host = "127.0.0.1"
    port = 1993
    security = "tls"
    user = "alice"
    password_command = "pass show mail/alice"
    ca_file = "/path/to/ca.pem"
    auth = ["cram-md5", "plain"]
    [accounts.alice.smtp]
    host = "127.0.0.1"
    port = 1587
    security = "starttls"
    user = "alice"
    password_command = "pass show mail/alice"
    [accounts.alice.folders]
    sent = "Sent Items"
    archive = "Archive/2024"

    [accounts.bob]
    from = "bob@example.test"
    default = true
    sendmail = "/usr/sbin/sendmail -t -i"
    identities = ["Bob <bob@other.test>"]
    signature_command = "fortune -s"
    [accounts.bob.pop3]
    host = "127.0.0.1"
    security = "starttls"
    password_env = "BOB_PASSWORD"
    maildir = "~/Mail/bob"
    keep_on_server = true
    keep_days = 14
    allow_apop = true
    auth = "user"

    [accounts.carol]
    from = "Carol <carol@example.test>"
    sync_interval = 0
    [accounts.carol.maildir]
    path = "${MAILDIR}/carol"

    [accounts.dave]
    from = "dave@example.test"
    [accounts.dave.imap]
    host = "::1"
    security = "none"
    allow_insecure_auth = true
    password_env = "DAVE"
    [accounts.dave.smtp]
    host = "localhost"
    security = "none"

    [ui]
    theme = "gruvbox"
    layout = "split"
    sidebar_width = 30
    sort = "reverse-thread"
    date_format = "%d %b %H:%M"
    prefer_html = true

    [keys.list]
    "<C-e>" = "half-page-down"
    x = "none"
    g = "group-reply"
    [keys.global]
    "<F2>" = "check-mail"
    """

@Test func aFullConfigDecodes() throws {
    let config = try TestConfig.parse(fullConfig)
    #expect(config.accounts.map(\.name) == ["alice", "bob", "carol", "dave"])
    #expect(config.defaultAccountName == "bob")
    #expect(config.defaultAccount.isDefault)
    #expect(config.accounts.filter(\.isDefault).map(\.name) == ["bob"])

    let alice = try #require(config.account(named: "alice"))
    #expect(alice.from == Address(name: "Alice Example", address: "alice@example.test"))
    guard case .imap(let imap) = alice.source else { Issue.record("alice is not IMAP"); return }
    #expect(imap.host == "127.0.0.1" && imap.port == 1993 && imap.security == .tls && imap.user == "alice")
    #expect(imap.password?.command == "pass show mail/alice")
    #expect(imap.caFile == "/path/to/ca.pem")
    #expect(imap.authMechanisms == [.cramMD5, .plain])
    guard case .smtp(let smtp)? = alice.outgoing else { Issue.record("alice has no SMTP"); return }
    #expect(smtp.port == 1587 && smtp.security == .starttls)
    #expect(alice.identities.map(\.name) == [nil, "work", "home"])
    #expect(alice.identities.map(\.address.address) == ["alice@example.test", "alice@work.test", "alice@home.test"])
    #expect(alice.folders == [.sent: "Sent Items", .archive: "Archive/2024"])
    #expect(alice.signature == .file("/home/test/.signature"))
    #expect(alice.syncInterval == .seconds(120))

    let bob = try #require(config.account(named: "bob"))
    guard case .pop3(let pop3) = bob.source else { Issue.record("bob is not POP3"); return }
    #expect(pop3.connection.port == 110 && pop3.connection.user == "bob@example.test")
    #expect(pop3.connection.password?.environmentVariable == "BOB_PASSWORD")
    #expect(pop3.maildir == "/home/test/Mail/bob")
    #expect(pop3.keepOnServer && pop3.keepDays == 14 && pop3.allowAPOP)
    #expect(pop3.connection.authMechanisms == [.user])
    #expect(bob.outgoing == .sendmail(command: "/usr/sbin/sendmail -t -i"))
    #expect(bob.signature == .command("fortune -s"))
    #expect(bob.identities.count == 2)

    let carol = try #require(config.account(named: "carol"))
    #expect(carol.source == .maildir(MaildirSettings(path: "/var/mail/test/carol")))
    #expect(carol.outgoing == nil)
    #expect(carol.syncInterval == .zero)

    let dave = try #require(config.account(named: "dave"))
    #expect(dave.source.connection?.port == 143)
    #expect(dave.source.connection?.allowInsecureAuth == true)
    guard case .smtp(let daveSMTP)? = dave.outgoing else { Issue.record("dave has no SMTP"); return }
    #expect(daveSMTP.port == 587 && !daveSMTP.authenticates)

    #expect(config.ui == UISettings(themeName: "gruvbox", layout: .split, sidebarWidth: 30,
                                    sort: SortOrder(field: .thread, reverse: true), dateFormat: "%d %b %H:%M",
                                    preferHTML: true))
    #expect(config.theme.name == "gruvbox")
    #expect(config.general.editor == "vim" && config.general.editHeaders && config.general.opener == "open-it")
    #expect(config.general.downloadDirectory == "/home/test/dl")
    #expect(config.general.aliasFiles == ["/home/test/.aliases", "/var/mail/test/aliases"])
    #expect(config.general.queryCommand == "khard email --parsable %s")
    #expect(config.general.bodyCacheMB == 64)
    #expect(config.general.mailcapFiles == ["/home/test/.mailcap"])

    let keymap = config.keymap
    #expect(keymap.command(for: try KeySequence(parsing: "<C-e>"), in: .list) == .halfPageDown)
    #expect(keymap.command(for: try KeySequence(parsing: "x"), in: .list) == nil)
    #expect(keymap.command(for: try KeySequence(parsing: "g"), in: .list) == .groupReply)
    #expect(keymap.command(for: try KeySequence(parsing: "gg"), in: .list) == nil)
    #expect(keymap.command(for: try KeySequence(parsing: "gg"), in: .viewer) == .first)
    #expect(keymap.command(for: try KeySequence(parsing: "<F2>"), in: .viewer) == .checkMail)
    #expect(keymap.command(for: try KeySequence(parsing: "<F2>"), in: .prompt) == nil)
}

@Test func defaultsApplyWhenKeysAreLeftOut() throws {
    let config = try TestConfig.parse(TestConfig.minimalAccount)
    let account = config.defaultAccount
    #expect(account.name == "alice" && account.isDefault)
    guard case .imap(let imap) = account.source else { Issue.record("not IMAP"); return }
    #expect(imap.port == 993 && imap.security == .tls && imap.user == "alice@example.test")
    #expect(imap.authMechanisms.isEmpty && imap.caFile == nil && !imap.allowInsecureAuth)
    #expect(imap.compress == nil && imap.headerFetch == nil)
    #expect(account.syncInterval == ConfigDefaults.syncInterval)
    #expect(account.outgoing == nil && account.signature == nil && account.folders.isEmpty)
    #expect(config.ui == UISettings())
    #expect(config.theme.name == "default")
    #expect(config.general.editor == "nano")
    #expect(config.general.downloadDirectory == "/home/test/Downloads")
    #expect(config.general.mailcapFiles.first == "/home/test/.mailcap")
    #expect(config.general.bodyCacheMB == 256)
    #expect(config.keymap == Keymap.defaults)
}

/// The IMAP settings of a one-account config whose `[accounts.alice.imap]` table ends with `line`.
private func imapSettings(with line: String) throws -> ServerConnection? {
    let config = try TestConfig.parse("""
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "imap.example.test"
        password_env = "ALICE"
        \(line)
        """)
    guard case .imap(let imap) = config.defaultAccount.source else { return nil }
    return imap
}

@Test(arguments: [true, false])
func imapCompressIsReadAsGiven(value: Bool) throws {
    let imap = try #require(try imapSettings(with: "compress = \(value)"))
    #expect(imap.compress == value)
}

@Test(arguments: HeaderFetchSetting.allCases)
func imapHeaderFetchIsReadAsGiven(value: HeaderFetchSetting) throws {
    let imap = try #require(try imapSettings(with: "header_fetch = \"\(value.rawValue)\""))
    #expect(imap.headerFetch == value)
}

@Test func pop3MaildirDefaultsUnderXDGDataHome() throws {
    let text = """
        [accounts.bob]
        from = "bob@example.test"
        pop3 = { host = "127.0.0.1", password_env = "BOB" }
        """
    let config = try TestConfig.parse(text)
    guard case .pop3(let pop3) = config.defaultAccount.source else { Issue.record("not POP3"); return }
    #expect(pop3.maildir == "/home/test/.local/share/tern/bob")
    #expect(pop3.connection.port == 995 && !pop3.keepOnServer && pop3.keepDays == nil && !pop3.allowAPOP)
    let withXDG = ConfigLoader(environment: ["HOME": "/h", "XDG_DATA_HOME": "/data"])
    let other = try withXDG.parse(text: text, file: "config.toml", themes: ThemeCatalog(userThemes: [:]))
    guard case .pop3(let pop3b) = other.defaultAccount.source else { Issue.record("not POP3"); return }
    #expect(pop3b.maildir == "/data/tern/bob")
}

@Test func accountsKeepFileOrderAndTheFirstIsDefault() throws {
    let text = """
        [accounts.zed]
        from = "zed@example.test"
        maildir = { path = "/tmp/z" }
        [accounts.amy]
        from = "amy@example.test"
        maildir = { path = "/tmp/a" }
        """
    let config = try TestConfig.parse(text)
    #expect(config.accounts.map(\.name) == ["zed", "amy"])
    #expect(config.defaultAccountName == "zed")
}

@Test func oauthTokenCommandDefaultsTheMechanisms() throws {
    let text = """
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "imap.example.test"
        oauth_token_command = "oauth2 alice"
        """
    let config = try TestConfig.parse(text)
    let connection = try #require(config.defaultAccount.source.connection)
    #expect(connection.authMechanisms == [.oauthbearer, .xoauth2])
    #expect(connection.oauthToken?.command == "oauth2 alice")
    #expect(connection.password == nil)
}

@Test(arguments: [
    (ServerProtocol.imap, ConnectionSecurity.tls, 993), (.imap, .starttls, 143), (.imap, .none, 143),
    (.pop3, .tls, 995), (.pop3, .starttls, 110), (.pop3, .none, 110),
    (.smtp, .tls, 465), (.smtp, .starttls, 587), (.smtp, .none, 587),
])
func defaultPorts(serverProtocol: ServerProtocol, security: ConnectionSecurity, port: Int) {
    #expect(serverProtocol.defaultPort(for: security) == port)
}

@Test func settingsMayBeWrittenAtTheTopLevelOrInUI() throws {
    let top = try TestConfig.parse("theme = \"light\"\nsort = \"reverse-date\"\n" + TestConfig.minimalAccount + "[ui]\neditor = \"ed\"\n")
    #expect(top.theme.name == "light" && top.ui.themeName == "light")
    #expect(top.ui.sort == SortOrder(field: .date, reverse: true))
    #expect(top.general.editor == "ed")
}

/// The README's configuration example is a contract users copy: it must load as it stands.
@Test func theReadmeExampleLoads() throws {
    let readme = try String(contentsOf: TestConfig.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    guard let section = readme.range(of: "## Configuration"),
          let open = readme.range(of: "```toml\n", range: section.upperBound..<readme.endIndex),
          let close = readme.range(of: "```", range: open.upperBound..<readme.endIndex) else {
        Issue.record("README.md has no toml example under ## Configuration")
        return
    }
    let config = try TestConfig.parse(String(readme[open.upperBound..<close.lowerBound]))
    #expect(!config.accounts.isEmpty)
}
