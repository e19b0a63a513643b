import Testing
import TerminalKit
import TernConfig
@testable import TernUI

@Suite struct UIThemeTests {
    @Test(arguments: [
        (ThemeColor.default, Color.default),
        (.palette(1), .red),
        (.palette(7), .white),
        (.palette(9), .indexed(9)),
        (.palette(200), .indexed(200)),
        (.rgb(red: 0x28, green: 0x28, blue: 0x28), .rgb(0x28, 0x28, 0x28)),
    ] as [(ThemeColor, Color)])
    func colors(theme: ThemeColor, terminal: Color) {
        #expect(UITheme.color(theme) == terminal)
    }

    @Test func attributesCarryOver() {
        let style = ThemeStyle(foreground: .palette(3), background: .default, attributes: [.bold, .underline, .reverse])
        #expect(UITheme.style(style) == Style(foreground: .yellow, attributes: [.bold, .underline, .reverse]))
    }

    @Test func everyShippedThemeMapsEveryKey() throws {
        let catalog = ThemeCatalog(userDirectory: nil)
        for name in ThemeCatalog.shippedNames {
            let theme = try catalog.load(name)
            let ui = UITheme(theme)
            for key in ThemeKey.allCases {
                #expect(ui[key] == UITheme.style(theme[key]), "\(name) \(key)")
            }
        }
    }

    @Test func defaultThemeSelectionIsReverse() {
        #expect(UITheme.standard[.listSelected].attributes.contains(.reverse))
        #expect(UITheme.standard[.listUnread].attributes.contains(.bold))
    }
}
