import Testing
@testable import TernConfig

private let account = """
    [accounts.a]
    from = "a@example.test"
    [accounts.a.maildir]
    path = "/tmp/mail"
    """

@Test func composeSettingsDefault() throws {
    let config = try TestConfig.parse(account)
    #expect(config.general.replyStyle == .bottom)
    #expect(config.general.signatureDashes)
    #expect(!config.general.formatFlowed)
}

@Test func composeSettingsAreRead() throws {
    let config = try TestConfig.parse("reply_style = \"top\"\nsignature_dashes = false\nformat_flowed = true\n" + account)
    #expect(config.general.replyStyle == .top)
    #expect(!config.general.signatureDashes)
    #expect(config.general.formatFlowed)
}

@Test func badReplyStyleNamesTheChoices() {
    let text = TestConfig.errorText("reply_style = \"middle\"\n" + account) ?? ""
    #expect(text.contains("reply_style"))
    #expect(text.contains("bottom") && text.contains("top"))
}
