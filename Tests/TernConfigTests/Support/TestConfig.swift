import Foundation
@testable import TernConfig

/// Helpers shared by the TernConfig tests.
enum TestConfig {
    /// A fixed environment, so that defaults and `~` do not depend on the machine.
    static let environment = [
        "HOME": "/home/test",
        "EDITOR": "nano",
        "MAILDIR": "/var/mail/test",
    ]

    /// A loader over ``environment``.
    static let loader = ConfigLoader(environment: environment)

    /// Parses `text` as `config.toml` with only the shipped themes (plus `userThemes`).
    static func parse(_ text: String, userThemes: [String: String] = [:]) throws(ConfigError) -> Configuration {
        try loader.parse(text: text, file: "config.toml", themes: ThemeCatalog(userThemes: userThemes))
    }

    /// The diagnostics `text` produces; empty if it is valid.
    static func diagnostics(_ text: String, userThemes: [String: String] = [:]) -> [ConfigDiagnostic] {
        do {
            _ = try parse(text, userThemes: userThemes)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The full error text `text` produces, or nil if it is valid.
    static func errorText(_ text: String, userThemes: [String: String] = [:]) -> String? {
        do {
            _ = try parse(text, userThemes: userThemes)
            return nil
        } catch {
            return error.description
        }
    }

    /// A minimal valid account, to which tests add lines.
    static let minimalAccount = """
        [accounts.alice]
        from = "Alice <alice@example.test>"
        [accounts.alice.imap]
        host = "127.0.0.1"
        password_command = "pass show alice"

        """

    /// The repository root (the folder holding Package.swift), found from this file's path.
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tern-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
