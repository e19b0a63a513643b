import Testing
@testable import TernConfig

/// Configs whose every error must leave the secret-bearing values out of the messages.
let secretCases: [String] = [
    // A wrong type next to the secret.
    """
    [accounts.alice]
    from = "alice@example.test"
    [accounts.alice.imap]
    host = 12
    password_command = "secret-xyz"
    """,
    // Both sources.
    """
    [accounts.alice]
    from = "alice@example.test"
    [accounts.alice.imap]
    host = "h"
    password_command = "secret-xyz"
    password_env = "secret-xyz"
    """,
    // Insecure authentication.
    """
    [accounts.alice]
    from = "alice@example.test"
    [accounts.alice.imap]
    host = "h"
    security = "none"
    password_command = "secret-xyz"
    """,
    // A misspelt key holding the secret.
    """
    [accounts.alice]
    from = "alice@example.test"
    [accounts.alice.imap]
    host = "h"
    pasword_command = "secret-xyz"
    """,
    // A secret in the wrong table.
    """
    [accounts.alice]
    from = "alice@example.test"
    password_command = "secret-xyz"
    oauth_token_command = "secret-xyz"
    maildir = { path = "/tmp/a" }
    """,
    // A variable value instead of a name.
    """
    [accounts.alice]
    from = "alice@example.test"
    [accounts.alice.imap]
    host = "h"
    password_env = "secret-xyz"
    """,
    // A syntax error on the secret's line.
    """
    [accounts.alice]
    from = "alice@example.test"
    [accounts.alice.imap]
    host = "h"
    password_command = "secret-xyz
    """,
    """
    [accounts.alice]
    from = "alice@example.test"
    [accounts.alice.imap]
    host = "h"
    password_command = secret-xyz
    """,
    // A control character in the secret.
    """
    [accounts.alice]
    from = "alice@example.test"
    [accounts.alice.imap]
    host = "h"
    password_command = "secret-xyz\\u0007"
    """,
]

@Test(arguments: secretCases)
func errorsNeverContainSecrets(_ text: String) throws {
    let error = try #require(TestConfig.errorText(text))
    #expect(!error.contains("secret-xyz"), "\(error)")
    do {
        _ = try TestConfig.parse(text)
    } catch {
        #expect(!String(reflecting: error).contains("secret-xyz"))
        #expect(!"\(error.diagnostics)".contains("secret-xyz"))
    }
}

@Test func accountDescriptionsNeverShowCredentialSources() throws {
    let text = """
        [accounts.alice]
        from = "alice@example.test"
        [accounts.alice.imap]
        host = "imap.example.test"
        password_command = "secret-xyz"
        oauth_token_command = "secret-oauth"
        auth = ["plain", "xoauth2"]
        [accounts.alice.smtp]
        host = "smtp.example.test"
        password_env = "SECRET_VARIABLE"
        """
    let config = try TestConfig.parse(text)
    let account = config.defaultAccount
    var dumped = ""
    dump(account, to: &dumped)
    let renderings = [
        account.description, account.debugDescription, String(describing: account), String(reflecting: account),
        "\(account.source)", "\(String(describing: account.outgoing))", dumped, String(reflecting: config.accounts),
    ]
    for rendering in renderings {
        #expect(!rendering.contains("secret-xyz"), "\(rendering)")
        #expect(!rendering.contains("secret-oauth"), "\(rendering)")
        #expect(!rendering.contains("SECRET_VARIABLE"), "\(rendering)")
    }
    #expect(account.description == "alice (imap imap.example.test:993 (tls) user alice@example.test; smtp smtp.example.test:465 (tls) user alice@example.test)")
    // The engine can still read them explicitly.
    #expect(account.source.connection?.password?.command == "secret-xyz")
}

@Test func secretSourceDescriptionsAreOpaque() {
    let command = SecretSource.command("secret-xyz")
    let variable = SecretSource.environment("SECRET_VARIABLE")
    #expect(command.description == "<from command, hidden>")
    #expect(variable.debugDescription == "<from environment, hidden>")
    var dumped = ""
    dump([command, variable], to: &dumped)
    #expect(!dumped.contains("secret-xyz") && !dumped.contains("SECRET_VARIABLE"))
    #expect(command.environmentVariable == nil && variable.command == nil)
}
