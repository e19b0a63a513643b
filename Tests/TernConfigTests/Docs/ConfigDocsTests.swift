import Foundation
import Testing
@testable import TernConfig

/// The parts of docs/config.md generated from code, by marker name.
func generatedDocSections() -> [String: String] {
    func code(_ text: String) -> String {
        "`" + text.replacingOccurrences(of: "|", with: "\\|") + "`"
    }
    var commands = "| command | where it can be bound | what it does |\n|---|---|---|\n"
    for command in CommandName.allCases {
        let contexts = KeyContext.allCases.filter { command.contexts.contains($0) }
        let places = contexts == [.global] ? "global (every screen but prompts)" : contexts.map(\.rawValue).joined(separator: ", ")
        commands += "| \(code(command.rawValue)) | \(places) | \(command.summary) |\n"
    }

    var bindings = ""
    for context in KeyContext.allCases {
        bindings += "\n#### `[keys.\(context)]`\n\n| keys | command |\n|---|---|\n"
        var order: [CommandName] = []
        var keys: [CommandName: [String]] = [:]
        for (text, command) in DefaultBindings.written[context] ?? [] {
            if keys[command] == nil { order.append(command) }
            keys[command, default: []].append(text)
        }
        for command in order {
            bindings += "| \((keys[command] ?? []).map(code).joined(separator: " ")) | \(code(command.rawValue)) |\n"
        }
    }

    var themeKeys = "| key | what it styles | if not set |\n|---|---|---|\n"
    for key in ThemeKey.allCases {
        themeKeys += "| \(code(key.rawValue)) | \(key.summary) | \(key.fallback.map { code($0.rawValue) } ?? "terminal default") |\n"
    }

    let example = "```toml\n" + ExampleConfig.text + "```\n"
    return ["commands": commands, "default-keys": String(bindings.dropFirst()), "theme-keys": themeKeys, "example": example]
}

/// `text` with each generated section replaced by `sections`; nil if a marker is missing.
func replacingGeneratedSections(in text: String, with sections: [String: String]) -> String? {
    var result = text
    for (name, body) in sections.sorted(by: { $0.key < $1.key }) {
        let begin = "<!-- BEGIN GENERATED \(name) -->\n"
        let end = "<!-- END GENERATED \(name) -->"
        guard let start = result.range(of: begin), let stop = result.range(of: end, range: start.upperBound..<result.endIndex) else {
            return nil
        }
        result.replaceSubrange(start.upperBound..<stop.lowerBound, with: body)
    }
    return result
}

@Test func configDocsAreUpToDate() throws {
    let url = TestConfig.repositoryRoot.appendingPathComponent("docs/config.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    let expected = try #require(replacingGeneratedSections(in: text, with: generatedDocSections()), "a GENERATED marker is missing")
    if ProcessInfo.processInfo.environment["TERN_REGENERATE_DOCS"] == "1", expected != text {
        try expected.write(to: url, atomically: true, encoding: .utf8)
    }
    #expect(text == expected, "docs/config.md is out of date: run TERN_REGENERATE_DOCS=1 swift test --filter configDocs")
}

@Test func configDocsDescribeEveryKey() throws {
    let text = try String(contentsOf: TestConfig.repositoryRoot.appendingPathComponent("docs/config.md"), encoding: .utf8)
    let keys = ConnectionDecoder.keys + SettingsDecoder.uiKeys + SettingsDecoder.generalKeys + AccountDecoder.sourceKeys
        + ["from", "default", "smtp", "sendmail", "identities", "folders", "signature_file", "signature_command",
           "sync_interval", "maildir", "keep_on_server", "keep_days", "allow_apop", "compress", "header_fetch", "path", "inherit", "fg", "bg", "attrs"]
        + FolderRole.allCases.map(\.rawValue) + AuthMechanism.allCases.map(\.rawValue) + KeyContext.allCases.map(\.rawValue)
        + ThemeCatalog.shippedNames
    for key in keys {
        #expect(text.contains("`\(key)`"), "docs/config.md does not mention `\(key)`")
    }
}
