import Foundation
import MailCore
import TerminalKit
import TernConfig
@testable import TernUI

/// Helpers of the viewer's text-grid tests.
enum ReaderTest {
    /// A distinct style per theme key (colour = the key's index), so style lines can name keys.
    static func style(_ key: ThemeKey) -> Style {
        Style(foreground: .indexed(UInt8(ThemeKey.allCases.firstIndex(of: key)! + 16)))
    }

    /// The legend for `styleLines`: a letter per key of interest.
    static let legend: [Character: Style] = [
        " ": style(.body), "n": style(.headerName), "v": style(.headerValue), "f": style(.headerFrom),
        "s": style(.headerSubject), "1": style(.quote1), "2": style(.quote2), "3": style(.quote3), "4": style(.quote4),
        "g": style(.signature), "u": style(.body).patched(with: style(.url)), "a": style(.attachment), "w": style(.warning),
        "d": style(.body).patched(with: style(.url)).adding(.dim),
    ]

    /// UTC, so dates in the grids do not depend on the machine.
    static let utc = DisplayZone.zone(TimeZone(identifier: "UTC")!)

    /// A document of `text` (CRLF added) laid out for `width`.
    static func document(_ text: String, width: Int = 60, configure: (inout ReaderOptions) -> Void = { _ in }) -> ReaderDocument {
        var options = ReaderOptions(width: width, timeZone: utc)
        configure(&options)
        return ReaderDocument(message: Message(text.replacingOccurrences(of: "\n", with: "\r\n")), options: options, firstLines: 100)
    }

    /// The screen after drawing `document` from `top` at `width` x `height`.
    static func screen(_ document: ReaderDocument, top: Int = 0, width: Int = 60, height: Int = 20,
                       search: ReaderSearch? = nil, current: Int? = nil) -> VirtualScreen {
        var document = document
        document.layOut(through: top + height)
        return VirtualScreen.render(size: Size(width: width, height: height)) { buffer, area in
            ReaderView.draw(document, top: top, area: area, into: &buffer, style: style, search: search, currentMatch: current)
        }
    }

    /// The lines of the screen with trailing blanks removed.
    static func text(_ screen: VirtualScreen) -> [String] {
        screen.lines.map { line in
            var s = line
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    /// The style lines with trailing blanks (body style on empty cells) removed.
    static func styles(_ screen: VirtualScreen) -> [String] {
        screen.styleLines(legend: legend).map { line in
            var s = line
            while s.last == " " { s.removeLast() }
            return s
        }
    }
}
