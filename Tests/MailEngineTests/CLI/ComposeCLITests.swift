import Foundation
import Testing
import TernTestSupport

/// Runs the built binary (`.build/debug/tern`; `swift build` makes it before the tests) for
/// `tern compose`, `tern mailto:...` and `tern contacts`, in a temporary home.
@Suite(.serialized) struct ComposeCLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    static let binary = Program.packageRoot.appendingPathComponent(".build/debug/tern")

    /// A home folder with a config (account alice, an identity, a signature command, an alias file).
    final class Home {
        let dir: String

        init(config: String? = nil) throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-compose-cli-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir + "/files", withIntermediateDirectories: true)
            try "alias bob Bob B <bob@example.test>\nalias team bob, ann@example.test\nbroken line\n"
                .write(toFile: dir + "/aliases", atomically: true, encoding: .utf8)
            try (config ?? """
                alias_files = ["\(dir)/aliases"]
                [accounts.alice]
                from = "Alice <alice@example.test>"
                identities = { work = "Alice W <alice@work.test>" }
                signature_command = "printf 'Alice\\\\n'"
                [accounts.alice.maildir]
                path = "\(dir)/Mail"
                [accounts.other]
                from = "other@example.test"
                [accounts.other.maildir]
                path = "\(dir)/Other"
                """).write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
            try Data("one".utf8).write(to: URL(fileURLWithPath: dir + "/files/a.pdf"))
            try Data("two!".utf8).write(to: URL(fileURLWithPath: dir + "/files/b.pdf"))
            try Data("txt".utf8).write(to: URL(fileURLWithPath: dir + "/files/c.txt"))
        }

        deinit { try? FileManager.default.removeItem(atPath: dir) }

        func run(_ arguments: [String], config: Bool = true) throws -> Run {
            try #require(FileManager.default.isExecutableFile(atPath: ComposeCLITests.binary.path), "run swift build first")
            var environment = ["HOME": dir, "XDG_DATA_HOME": dir + "/data", "XDG_CONFIG_HOME": dir + "/noconfig", "PATH": "/usr/bin:/bin"]
            if config { environment["TERN_CONFIG"] = dir + "/config.toml" }
            let run = try Program.run(ComposeCLITests.binary.path, arguments, environment: environment,
                                      directory: URL(fileURLWithPath: dir + "/files"))
            return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
        }
    }

    func addresses(_ value: Any?) -> [String] {
        (value as? [[String: Any]] ?? []).compactMap { $0["address"] as? String }
    }

    @Test func composeFillsTheDraftWithAliasesIdentityAndGlobbedAttachments() throws {
        let home = try Home()
        let run = try home.run(["compose", "--to", "team", "--cc", "Carol <carol@example.test>", "--from", "work",
                                "--subject", "Reports", "--attach", "*.pdf", "--print-draft"])
        #expect(run.status == 0, "\(run.stderr)")
        let draft = try #require(run.json as? [String: Any])
        #expect(addresses(draft["to"]) == ["bob@example.test", "ann@example.test"])
        #expect(addresses(draft["cc"]) == ["carol@example.test"])
        #expect((draft["from"] as? [String: Any])?["address"] as? String == "alice@work.test")
        #expect(draft["subject"] as? String == "Reports")
        #expect(draft["body"] as? String == "\n\n-- \nAlice\n")
        let attachments = draft["attachments"] as? [[String: Any]] ?? []
        #expect(attachments.compactMap { $0["name"] as? String } == ["a.pdf", "b.pdf"])
        #expect(attachments.compactMap { $0["size"] as? Int } == [3, 4])
        // The alias file's bad line is a warning with its place, not an error.
        #expect(run.stderr.contains("aliases:3: skipped"))
    }

    @Test func mailtoArgumentOpensTheComposerAndIgnoresAttach() throws {
        let home = try Home()
        let run = try home.run(["mailto:bob@example.test,carol@example.test?subject=Hi%20there&body=Line%201&attach=/etc/passwd",
                                "--print-draft"])
        #expect(run.status == 0, "\(run.stderr)")
        let draft = try #require(run.json as? [String: Any])
        #expect(addresses(draft["to"]) == ["bob@example.test", "carol@example.test"])
        #expect(draft["subject"] as? String == "Hi there")
        #expect(draft["body"] as? String == "Line 1\n\n\n\n-- \nAlice\n")
        #expect((draft["attachments"] as? [Any])?.isEmpty == true)
        #expect(run.stderr.contains("CVE-2020-11879"))
        // With a root option before it, and through `compose` too.
        let again = try home.run(["--config", home.dir + "/config.toml", "MAILTO:ann@example.test", "--print-draft"])
        #expect(addresses((again.json as? [String: Any])?["to"]) == ["ann@example.test"])
        let explicit = try home.run(["compose", "mailto:ann@example.test", "--to", "bob", "--print-draft"])
        #expect(addresses((explicit.json as? [String: Any])?["to"]) == ["ann@example.test", "bob@example.test"])
    }

    @Test(arguments: [
        (["compose", "--to", "nobody"], "\"nobody\" is neither an email address nor a known alias"),
        (["compose", "--attach", "missing.pdf"], "missing.pdf"),
        (["compose", "--attach", "*.zip"], "no file matches"),
        (["compose", "--from", "boss@example.test"], "not an identity of account \"alice\""),
        (["compose", "--account", "nope"], "there is no account \"nope\""),
        (["compose", "--body-file", "/nonexistent/body"], "no such file"),
        (["mailto:bob@example.test?subject=100%"], "two hex digits"),
        (["compose", "bob@example.test"], "not a mailto: URL"),
    ])
    func badArgumentsAreClearErrors(_ arguments: [String], _ expected: String) throws {
        let home = try Home()
        let run = try home.run(arguments + ["--print-draft"])
        #expect(run.status == 64, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
    }

    @Test func anotherAccountAndABodyFile() throws {
        let home = try Home()
        try "Dear all,\n".write(toFile: home.dir + "/files/body.txt", atomically: true, encoding: .utf8)
        let run = try home.run(["compose", "--account", "other", "--to", "x@example.test", "--body-file", "body.txt", "--print-draft"])
        #expect(run.status == 0, "\(run.stderr)")
        let draft = try #require(run.json as? [String: Any])
        #expect(draft["account"] as? String == "other")
        #expect(draft["body"] as? String == "Dear all,\n\n\n")
    }

    @Test func contactsImportSearchAndExpand() throws {
        let home = try Home()
        try """
            First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email
            Zoë,Ångström,Zoë Ångström,zo,zoe@example.test,
            Bob,Builder,Bob Builder,,bob@example.test,
            Nobody,Here,,,,

            """.write(toFile: home.dir + "/files/tb.csv", atomically: true, encoding: .utf8)
        let dry = try home.run(["contacts", "import", "tb.csv", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("Would import 2 contacts"))
        #expect(!FileManager.default.fileExists(atPath: home.dir + "/data/tern/contacts.sqlite"))
        let imported = try home.run(["contacts", "import", "tb.csv"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 added, 0 updated, 0 already known"))
        #expect(imported.stderr.contains("skipped row 4"))

        let search = try home.run(["contacts", "zoe", "--json"])
        #expect(search.status == 0)
        let found = try #require(search.json as? [[String: Any]])
        #expect(found.count == 1)
        #expect(found.first?["name"] as? String == "Zoë Ångström")
        #expect(found.first?["nickname"] as? String == "zo")

        // The alias and the imported contact are one person.
        let bob = try home.run(["contacts", "bob"])
        #expect(bob.stdout.hasPrefix("Bob B <bob@example.test>  alias bob  [imported]"), "\(bob.stdout)")
        let none = try home.run(["contacts", "qqq"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no contact matches \"qqq\""))

        let expand = try home.run(["contacts", "expand", "team", "dan@example.test"])
        #expect(expand.stdout == "Bob B <bob@example.test>\nann@example.test\ndan@example.test\n")
        let bad = try home.run(["contacts", "expand", "ghost"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\"ghost\""))
    }

    @Test func contactsWorkWithoutAConfigFile() throws {
        let home = try Home()
        let run = try home.run(["contacts"], config: false)
        #expect(run.status == 1)
        #expect(run.stderr.contains("the address book is empty"))
        let vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Vee\nEMAIL:vee@example.test\nEND:VCARD\n"
        try vcard.write(toFile: home.dir + "/files/cards", atomically: true, encoding: .utf8)
        let imported = try home.run(["contacts", "import", "cards"], config: false)
        #expect(imported.stdout.contains("(vCard): 1 added"), "\(imported.stdout) \(imported.stderr)")
        #expect(try home.run(["contacts", "vee"], config: false).stdout == "Vee <vee@example.test>  [imported]\n")
    }
}

extension ComposeCLITests {
    @Test func sendExpandsAliasesInEveryAddressOption() throws {
        let home = try Home()
        let config = try String(contentsOfFile: home.dir + "/config.toml", encoding: .utf8)
            .replacingOccurrences(of: "[accounts.alice.maildir]", with: "sendmail = \"/bin/true\"\n[accounts.alice.maildir]")
        try config.write(toFile: home.dir + "/config.toml", atomically: true, encoding: .utf8)
        let queued = try home.run(["send", "--queue", "--account", "alice", "--to", "team", "--cc", "carol@example.test",
                                   "--bcc", "bob", "--subject", "Aliases", "--body-file", "c.txt"])
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stderr.contains("broken line") || queued.stderr.contains("aliases"), "the alias file's bad line is a warning")
        let listed = try home.run(["outbox", "list", "--json", "--account", "alice"])
        let entry = try #require((listed.json as? [[String: Any]])?.first)
        #expect(entry["recipients"] as? [String] == ["bob@example.test", "ann@example.test", "carol@example.test"])
        #expect(entry["bcc"] as? [String] == ["bob@example.test"])

        let unknown = try home.run(["send", "--queue", "--account", "alice", "--to", "nobody", "--subject", "x", "--body-file", "c.txt"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--to \"nobody\" is not an address"))
    }
}
