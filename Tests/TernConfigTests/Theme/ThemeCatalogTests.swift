import Foundation
import Testing
@testable import TernConfig

@Test func aUserThemeInheritsAndOverridesFieldByField() throws {
    let mine = """
        inherit = "default"
        [list.unread]
        fg = "#ff8800"
        [quote]
        1 = { attrs = ["italic"] }
        """
    let theme = try ThemeCatalog(userThemes: ["mine": mine]).load("mine")
    let base = try ThemeCatalog(userDirectory: nil).load("default")
    #expect(theme[.listUnread] == ThemeStyle(foreground: .rgb(red: 0xFF, green: 0x88, blue: 0), background: base[.listUnread].background,
                                             attributes: base[.listUnread].attributes))
    #expect(theme[.quote1] == ThemeStyle(foreground: base[.quote1].foreground, attributes: .italic))
    #expect(theme[.status] == base[.status])
    #expect(theme.definedKeys == Set(ThemeKey.allCases))
}

@Test func aThemeWithoutInheritFallsBackKeyByKey() throws {
    let sparse = """
        normal = { fg = "white", bg = "black" }
        list = { fg = "green" }
        "list.unread" = { attrs = ["bold"] }
        """
    let theme = try ThemeCatalog(userThemes: ["sparse": sparse]).load("sparse")
    #expect(theme[.listUnread] == ThemeStyle(foreground: .palette(2), background: .palette(0), attributes: .bold))
    #expect(theme[.listDate] == ThemeStyle(foreground: .palette(2), background: .palette(0)))
    #expect(theme[.quote3] == ThemeStyle(foreground: .palette(7), background: .palette(0)))
    #expect(theme.definedKeys == [.normal, .list, .listUnread])
}

@Test func aUserThemeOverridesAShippedOneAndMayBuildOnIt() throws {
    let userDefault = """
        inherit = "default"
        normal = { fg = "red" }
        """
    let catalog = ThemeCatalog(userThemes: ["default": userDefault])
    let theme = try catalog.load("default")
    #expect(theme[.normal].foreground == .palette(1))
    #expect(theme[.title] == (try ThemeCatalog(userDirectory: nil).load("default"))[.title])
    #expect(theme.origin == "themes/default.toml")
}

@Test func userThemesAreReadFromTheThemeDirectory() throws {
    let directory = try TestConfig.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "inherit = \"gruvbox\"\nnormal = { fg = 208 }\n".write(
        to: directory.appendingPathComponent("orange.toml"), atomically: true, encoding: .utf8)
    let catalog = ThemeCatalog(userDirectory: directory.path)
    #expect(catalog.availableNames().contains("orange"))
    let theme = try catalog.load("orange")
    #expect(theme[.normal].foreground == .palette(208))
    #expect(theme.origin == directory.appendingPathComponent("orange.toml").path)
}

/// A bad theme and the diagnostic it must produce.
struct ThemeErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let line: Int?
    let contains: String
    var testDescription: String { name }
}

let themeErrorCases: [ThemeErrorCase] = [
    ThemeErrorCase(name: "unknown theme key", text: """
        normal = { fg = "white" }
        [sidebar.selectd]
        fg = "red"
        """, line: 2, contains: "unknown theme key \"sidebar.selectd\"; did you mean \"sidebar.selected\"?"),
    ThemeErrorCase(name: "bad colour name", text: """
        normal = { fg = "white" }
        list = { fg = "gren" }
        """, line: 2, contains: "\"gren\" is not a colour; did you mean \"green\"?"),
    ThemeErrorCase(name: "bad hex colour", text: """
        # comment
        list = { bg = "#12345" }
        """, line: 2, contains: "\"#12345\" is not a colour"),
    ThemeErrorCase(name: "colour out of range", text: """
        [list]
        fg = 256
        """, line: 2, contains: "colour 256 is outside 0...255"),
    ThemeErrorCase(name: "bad attribute", text: """
        [list]
        attrs = ["bold",
                 "undrline"]
        """, line: 3, contains: "\"undrline\" is not an attribute; did you mean \"underline\"?"),
    ThemeErrorCase(name: "unknown style field", text: """
        [list]
        colour = "red"
        """, line: 2, contains: "unknown key \"colour\" in theme style \"list\""),
    ThemeErrorCase(name: "key set twice", text: """
        "list.unread" = { fg = "red" }
        [list.unread]
        fg = "blue"
        """, line: 2, contains: "theme key \"list.unread\" is set twice"),
    ThemeErrorCase(name: "unknown parent", text: """

        inherit = "defualt"
        """, line: 2, contains: "inherit names \"defualt\", but there is no such theme; did you mean \"default\"?"),
    ThemeErrorCase(name: "syntax error", text: """
        [list
        fg = "red"
        """, line: 1, contains: "TOML syntax error"),
]

@Test(arguments: themeErrorCases)
func themeErrorsNameTheLine(_ errorCase: ThemeErrorCase) {
    do {
        _ = try ThemeCatalog(userThemes: ["bad": errorCase.text]).load("bad")
        Issue.record("expected an error")
    } catch {
        let matching = error.diagnostics.filter { $0.description.contains(errorCase.contains) }
        #expect(matching.count == 1, "\(error.description)")
        #expect(matching.first?.line == errorCase.line)
        #expect(matching.first?.file == "themes/bad.toml")
    }
}

@Test func inheritanceLoopsAreErrors() {
    let catalog = ThemeCatalog(userThemes: ["a": "inherit = \"b\"", "b": "inherit = \"a\""])
    do {
        _ = try catalog.load("a")
        Issue.record("expected an error")
    } catch {
        #expect(error.description.contains("themes inherit in a loop: a -> b (yours) -> a") ||
                error.description.contains("themes inherit in a loop"), "\(error)")
        #expect(error.diagnostics.first?.line == 1)
    }
}

@Test func unknownAndInvalidThemeNames() {
    #expect(throws: ConfigError.self) { try ThemeCatalog(userDirectory: nil).load("nope") }
    #expect(throws: ConfigError.self) { try ThemeCatalog(userDirectory: nil).load("../etc/passwd") }
    #expect(!ThemeCatalog.isValidName("a/b") && !ThemeCatalog.isValidName("") && ThemeCatalog.isValidName("solarized-dark"))
}

@Test(arguments: [
    ("default", ThemeColor.default), ("red", .palette(1)), ("bright-white", .palette(15)), ("BLUE", .palette(4)),
    ("0", .palette(0)), ("255", .palette(255)), ("#FF0080", .rgb(red: 255, green: 0, blue: 128)),
])
func coloursParse(text: String, color: ThemeColor) {
    #expect(ThemeColor(text) == color)
}

@Test(arguments: ["", "256", "-1", "#ff", "#gg0000", "brightred", "#ff00ff00", "1.5"])
func badColoursDoNotParse(text: String) {
    #expect(ThemeColor(text) == nil)
}

@Test func colourDescriptionsRoundTrip() {
    for color in [ThemeColor.default, .palette(3), .palette(12), .palette(200), .rgb(red: 1, green: 0xAB, blue: 0xFF)] {
        #expect(ThemeColor(color.description) == color)
    }
}

@Test func everyKeyFallsBackToNormalEventually() {
    for key in ThemeKey.allCases {
        var seen: Set<ThemeKey> = [key]
        var current = key.fallback
        while let next = current {
            #expect(!seen.contains(next), "fallback loop at \(key)")
            seen.insert(next)
            current = next.fallback
        }
        #expect(key == .normal || seen.contains(.normal))
    }
}
