import Foundation
import Testing
@testable import TernConfig

/// The Swift source embedding `texts`, exactly as Sources/TernConfig/Theme/ShippedThemes.swift must read.
func renderShippedThemesSource(_ texts: [(name: String, text: String)]) -> String {
    var out = """
        // Generated from themes/*.toml by Tests/TernConfigTests/Theme/ShippedThemesTests.swift:
        // run `TERN_REGENERATE_THEMES=1 swift test --filter ShippedThemes` after editing a theme. Do not edit by hand.

        /// The themes shipped with tern, embedded so that the binary finds them wherever it runs.
        enum ShippedThemes {
            /// Each shipped theme's name and file text, sorted by name.
            static let files: [(name: String, text: String)] = [

        """
    for (name, text) in texts.sorted(by: { $0.name < $1.name }) {
        out += "        (\"\(name)\", ##\"\"\"\n" + text + "\n\"\"\"##),\n"
    }
    out += "    ]\n}\n"
    return out
}

/// The theme files in /themes, by name.
func themeFilesOnDisk() throws -> [(name: String, text: String)] {
    let folder = TestConfig.repositoryRoot.appendingPathComponent("themes")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }.sorted()
    return try names.map { file in
        (String(file.dropLast(5)), try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
    }
}

@Test func embeddedThemesMatchTheThemeFiles() throws {
    let files = try themeFilesOnDisk()
    let sourceURL = TestConfig.repositoryRoot.appendingPathComponent("Sources/TernConfig/Theme/ShippedThemes.swift")
    let expected = renderShippedThemesSource(files)
    if ProcessInfo.processInfo.environment["TERN_REGENERATE_THEMES"] == "1" {
        try expected.write(to: sourceURL, atomically: true, encoding: .utf8)
    }
    let actual = try String(contentsOf: sourceURL, encoding: .utf8)
    #expect(actual == expected, "ShippedThemes.swift is out of date: run TERN_REGENERATE_THEMES=1 swift test --filter ShippedThemes")
    #expect(ShippedThemes.files.map(\.name) == files.map(\.name))
    for (embedded, onDisk) in zip(ShippedThemes.files, files) {
        #expect(embedded.text == onDisk.text, "themes/\(onDisk.name).toml differs from the embedded copy")
    }
    for (_, text) in files { #expect(!text.contains("\"\"\"##"), "a theme may not contain the raw string delimiter") }
}

@Test func theRequiredThemesAreShipped() {
    let names = Set(ThemeCatalog.shippedNames)
    #expect(names.isSuperset(of: ["default", "light", "solarized-dark", "gruvbox", "monochrome"]))
}

@Test(arguments: ThemeCatalog.shippedNames)
func everyShippedThemeLoadsAndDefinesEveryKey(_ name: String) throws {
    let theme = try ThemeCatalog(userDirectory: nil).load(name)
    #expect(theme.name == name)
    let missing = ThemeKey.allCases.filter { !theme.definedKeys.contains($0) }
    #expect(missing.isEmpty, "theme \(name) does not define \(missing.map(\.rawValue))")
}

@Test func monochromeUsesNoColours() throws {
    let theme = try ThemeCatalog(userDirectory: nil).load("monochrome")
    for key in ThemeKey.allCases {
        #expect(theme[key].foreground == .default && theme[key].background == .default, "\(key)")
    }
}

@Test func selectionsAreVisibleInEveryShippedTheme() throws {
    for name in ThemeCatalog.shippedNames {
        let theme = try ThemeCatalog(userDirectory: nil).load(name)
        for key in [ThemeKey.listSelected, .sidebarSelected, .attachmentsSelected, .composerSelected] {
            #expect(theme[key] != theme[.list], "\(name): \(key) looks like an unselected line")
        }
    }
}
