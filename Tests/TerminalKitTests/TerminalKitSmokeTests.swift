import Testing
@testable import TerminalKit

@Test func ncursesIsLinked() {
    #expect(ncursesVersion().hasPrefix("ncurses"))
}
