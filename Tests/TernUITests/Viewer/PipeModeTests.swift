import Foundation
import Testing
@testable import TernUI

/// Which pipe commands get the terminal.
@Suite struct PipeModeTests {
    @Test(arguments: [
        ("less", true), ("urlview", true), ("grep -i x | less -R", true), ("/usr/bin/urlscan", true),
        ("env LESS=R less", true), ("LANG=C vim -", true), ("tr a-z A-Z", false), ("grep less", false),
        ("echo 'a | less'", false), ("wc -l; cat", false), ("mypager", true), ("nvim -R -", true),
    ])
    func decides(_ command: String, _ terminal: Bool) {
        #expect(PipeMode.usesTerminal(command, environment: ["PAGER": "mypager -s"]) == terminal)
    }
}
