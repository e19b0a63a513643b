import Foundation
import Testing
@testable import MailEngine

@Suite("Running the editor")
struct EditorLaunchTests {
    @Test(arguments: [
        ("vim", 5, ["/bin/sh", "-c", "vim +5 \"$1\"", "sh", "/tmp/f.txt"]),
        ("/usr/bin/nvim -u NONE", 3, ["/bin/sh", "-c", "/usr/bin/nvim -u NONE +3 \"$1\"", "sh", "/tmp/f.txt"]),
        ("code --wait", 5, ["/bin/sh", "-c", "code --wait \"$1\"", "sh", "/tmp/f.txt"]),
        ("emacsclient -t", 0, ["/bin/sh", "-c", "emacsclient -t \"$1\"", "sh", "/tmp/f.txt"]),
    ])
    func arguments(_ editor: String, _ line: Int, _ expected: [String]) {
        #expect(EditorLaunch(editor: editor, file: "/tmp/f.txt", line: line).arguments == expected)
    }

    @Test func editorRunsOnTheFileWhateverItsName() throws {
        let dir = try ComposeFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/it's a \"file\" $(touch pwned); name.txt"
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: file))
        let script = dir + "/editor.sh"
        try Data("#!/bin/sh\nprintf 'written by the editor\\n' > \"$1\"\n".utf8).write(to: URL(fileURLWithPath: script))
        // Run through sh: exec'ing a script just written can fail with ETXTBSY while another test
        // thread forks.
        let outcome = EditorRunner.run(EditorLaunch(editor: "/bin/sh " + script, file: file, line: 3))
        #expect(outcome == .exited(0))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "written by the editor\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/pwned"))
    }

    @Test func missingEditorIsDetected() {
        let outcome = EditorRunner.run(EditorLaunch(editor: "/nonexistent/editor-for-tern-tests", file: "/tmp/x"))
        #expect(outcome == .exited(127))
        #expect(outcome.editorMissing)
        #expect(!EditorRunner.Outcome.exited(1).editorMissing)
    }

    @Test func editorExitStatusIsReported() {
        #expect(EditorRunner.run(EditorLaunch(editor: "exit 3;", file: "/tmp/x")) == .exited(3))
        #expect(EditorRunner.run(EditorLaunch(editor: "kill -TERM $$;", file: "/tmp/x")) == .signalled(SIGTERM))
    }
}
