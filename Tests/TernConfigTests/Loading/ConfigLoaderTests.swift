import Foundation
import Testing
@testable import TernConfig

@Test func loadsTheFileAtTheDefaultLocationWithUserThemes() throws {
    let home = try TestConfig.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: home) }
    let folder = home.appendingPathComponent(".config/tern")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("themes"), withIntermediateDirectories: true)
    try (TestConfig.minimalAccount + "[ui]\ntheme = \"mine\"\n").write(
        to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    try "inherit = \"light\"\n".write(to: folder.appendingPathComponent("themes/mine.toml"), atomically: true, encoding: .utf8)
    let loader = ConfigLoader(environment: ["HOME": home.path])
    let config = try loader.load(explicitPath: nil)
    #expect(config.file == folder.appendingPathComponent("config.toml").path)
    #expect(config.theme.name == "mine")
    #expect(config.theme[.title] == (try ThemeCatalog(userDirectory: nil).load("light"))[.title])
}

@Test func aMissingDefaultFileSaysHowToCreateOne() throws {
    let home = try TestConfig.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: home) }
    do {
        _ = try ConfigLoader(environment: ["HOME": home.path]).load(explicitPath: nil)
        Issue.record("expected an error")
    } catch {
        #expect(error.description.contains("the default config file does not exist"))
        #expect(error.description.contains("tern config example >"))
    }
}

@Test func unreadableFilesAreClearErrors() throws {
    let directory = try TestConfig.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let loader = ConfigLoader(environment: ["HOME": directory.path])
    // A directory.
    #expect(throws: ConfigError.self) { try loader.load(path: directory.path) }
    // Not UTF-8, on line 2.
    let latin1 = directory.appendingPathComponent("latin1.toml")
    try Data("a = 1\nb = \"caf\u{E9}\"\n".utf8.map { $0 }.replacingUTF8E9()).write(to: latin1)
    do {
        _ = try loader.load(path: latin1.path)
        Issue.record("expected an error")
    } catch {
        #expect(error.diagnostics[0].line == 2)
        #expect(error.description.contains("not valid UTF-8"))
    }
    // A byte-order mark is skipped.
    let bom = directory.appendingPathComponent("bom.toml")
    try Data([0xEF, 0xBB, 0xBF] + Array(TestConfig.minimalAccount.utf8)).write(to: bom)
    #expect(try loader.load(path: bom.path).accounts.count == 1)
}

extension Array where Element == UInt8 {
    /// Replaces the UTF-8 encoding of "é" (C3 A9) with its Latin-1 byte (E9).
    func replacingUTF8E9() -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < count {
            if index + 1 < count, self[index] == 0xC3, self[index + 1] == 0xA9 {
                out.append(0xE9)
                index += 2
            } else {
                out.append(self[index])
                index += 1
            }
        }
        return out
    }
}
