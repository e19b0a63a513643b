import Testing
@testable import TernConfig

@Test func theSummaryShowsAccountsButNoSecrets() throws {
    let config = try TestConfig.parse(fullConfig)
    let summary = ConfigSummary.render(config, origin: .flag)
    let lines = summary.split(separator: "\n").map(String.init)
    #expect(lines.first == "config: config.toml (--config)")
    #expect(lines.contains("  alice            imap    127.0.0.1:1993 (tls) user alice"))
    #expect(lines.contains("  bob   (default)  pop3    127.0.0.1:110 (starttls) user bob@example.test -> /home/test/Mail/bob, kept on server 14 days"))
    #expect(lines.contains("  carol            maildir /var/mail/test/carol"))
    #expect(lines.contains("  dave             imap    [::1]:143 (none) user dave@example.test"))
    #expect(lines.contains("                   send: smtp 127.0.0.1:1587 (starttls) user alice"))
    #expect(lines.contains("                   send: /usr/sbin/sendmail -t -i"))
    #expect(lines.contains("                   send: (none: this account cannot send)"))
    #expect(lines.contains("default account: bob"))
    #expect(lines.contains("theme: gruvbox (themes/gruvbox.toml (built in))"))
    #expect(lines.last == "OK")
    for secret in ["pass show", "BOB_PASSWORD", "DAVE"] {
        #expect(!summary.contains(secret), "\(secret)")
    }
}
