import Foundation
import Testing
@testable import TernConfig

@Test func theExampleConfigIsValid() throws {
    let config = try TestConfig.parse(ExampleConfig.text)
    #expect(config.accounts.map(\.name) == ["alice", "bob", "carol"])
    #expect(config.defaultAccountName == "alice")
    #expect(config.accounts.map(\.source.kind) == ["imap", "pop3", "maildir"])
}

/// Every commented-out `key = value` line of the example, uncommented, must still be valid and
/// must show the default (so the example cannot drift from ConfigDefaults).
@Test func theExampleCommentsShowTheDefaults() throws {
    let base = try TestConfig.parse(ExampleConfig.text)
    var uncommented: [String] = []
    for line in ExampleConfig.text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("# "), let equals = line.firstIndex(of: "="),
           line[line.index(line.startIndex, offsetBy: 2)..<equals].allSatisfy({ $0.isLetter || $0 == "_" || $0 == " " }) {
            uncommented.append(String(line.dropFirst(2)))
        } else {
            uncommented.append(String(line))
        }
    }
    let text = uncommented.joined(separator: "\n")
    let withDefaults: Configuration
    do {
        withDefaults = try TestConfig.parse(text)
    } catch {
        Issue.record("uncommented example does not load: \(error)")
        return
    }
    #expect(withDefaults.ui == base.ui)
    #expect(withDefaults.general.editHeaders == base.general.editHeaders)
    #expect(withDefaults.general.bodyCacheMB == base.general.bodyCacheMB)
    #expect(withDefaults.general.mailcapFiles == base.general.mailcapFiles)
    #expect(withDefaults.general.replyStyle == base.general.replyStyle)
    #expect(withDefaults.general.signatureDashes == base.general.signatureDashes)
    #expect(withDefaults.general.formatFlowed == base.general.formatFlowed)
    #expect(withDefaults.accounts.map(\.source.connection?.port) == base.accounts.map(\.source.connection?.port))
    #expect(withDefaults.accounts.map(\.syncInterval) == base.accounts.map(\.syncInterval))
}
