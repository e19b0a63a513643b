import Foundation
import TernTestSupport

/// The built `tern` executable, run as a user would, with a config file of its own pointing at
/// the stack.
struct TernBinary {
    /// The built `tern` of this checkout.
    static var path: String { (try? Program.ternPath()) ?? Program.packageRoot.appendingPathComponent(".build/debug/tern").path }

    /// A temporary home: config.toml and XDG_DATA_HOME.
    let folder: URL
    let environment: [String: String]

    /// A config with account `alice`: IMAP at the stack, SMTP at `smtpPort` with `security`.
    init(_ stack: MailStack, security: String = "starttls", smtpPort: Int? = nil, password: String = "alicepw",
         source: String? = nil) throws {
        let port = smtpPort ?? (security == "tls" ? stack.submissionsPort : stack.submissionPort)
        try self.init(host: stack.host, smtpPort: port, security: security, caFile: stack.caFile.path, password: password,
                      source: source ?? """
            [accounts.alice.imap]
            host = "\(stack.host)"
            port = \(stack.imapPort)
            security = "starttls"
            user = "alice"
            password_env = "TERN_TEST_PW"
            ca_file = "\(stack.caFile.path)"
            """)
    }

    /// A config with account `alice`: the mail `source` table, and SMTP at `host`:`smtpPort`.
    init(host: String, smtpPort port: Int, security: String, caFile: String, password: String, source sourceTable: String)
        throws
    {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tern-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = """
            [accounts.alice]
            from = "Alice <alice@example.test>"

            \(sourceTable)

            [accounts.alice.smtp]
            host = "\(host)"
            port = \(port)
            security = "\(security)"
            user = "alice"
            password_env = "TERN_TEST_PW"
            ca_file = "\(caFile)"
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.toml"))
        var environment = ProcessInfo.processInfo.environment
        environment["TERN_CONFIG"] = folder.appendingPathComponent("config.toml").path
        environment["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
        environment["TERN_TEST_PW"] = password
        self.environment = environment
    }

    /// Runs `tern ARGS`, with `input` on standard input.
    func run(_ arguments: [String], input: String = "", extraEnvironment: [String: String] = [:]) throws
        -> StackMail.RunResult
    {
        guard FileManager.default.isExecutableFile(atPath: Self.path) else {
            throw StackMail.Failure(description: "\(Self.path) is missing: run `swift build` first")
        }
        return try StackMail.run(Self.path, arguments, input: Data(input.utf8),
                                 environment: environment.merging(extraEnvironment) { $1 })
    }

    /// The account's outbox folder.
    var outbox: URL { folder.appendingPathComponent("data/tern/alice/outbox") }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
