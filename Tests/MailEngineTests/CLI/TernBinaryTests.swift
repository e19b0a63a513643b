import Foundation
import MailCore
import MailStore
import Testing
import TernTestSupport

/// Runs the built `tern` binary (`.build/debug/tern`, built by `swift build` before the tests) on
/// a temporary config with a Maildir account, and checks its JSON and its errors.
@Suite(.serialized) struct TernBinaryTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }
    }

    static let binary = Program.packageRoot.appendingPathComponent(".build/debug/tern")

    /// A temporary home with a config naming one Maildir account `home` (and an IMAP one).
    final class Home {
        let dir: URL
        let maildir: MaildirStore

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-cli-\(UUID().uuidString)")
            maildir = MaildirStore(root: dir.appendingPathComponent("Mail"))
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try maildir.create(.inbox)
            try maildir.create(MailboxPath(["Archive"]))
            try maildir.create(MailboxPath(["Sent"]))
            let config = """
                [accounts.home]
                from = "Me <me@example.org>"
                [accounts.home.maildir]
                path = "\(maildir.root.path)"

                [accounts.work]
                from = "Me <me@work.example>"
                [accounts.work.imap]
                host = "127.0.0.1"
                port = 1
                password_command = "true"
                """
            try config.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: dir) }

        @discardableResult
        func deliver(_ subject: String, from: String = "Ann <ann@example.org>", date: String, flags: Set<Flag> = [],
                     folder: MailboxPath = .inbox, body: String = "Hello.") throws -> MaildirMessage {
            let text = "From: \(from)\r\nTo: Me <me@example.org>\r\nSubject: \(subject)\r\nDate: \(date)\r\n"
                + "Message-ID: <\(subject.filter(\.isLetter))@example.org>\r\n\r\n\(body)\r\n"
            return try maildir.maildir(for: folder).deliver(Array(text.utf8), flags: flags)
        }

        func run(_ arguments: [String], config: Bool = true) throws -> Result {
            var environment = ["HOME": dir.path, "XDG_CACHE_HOME": dir.appendingPathComponent("cache").path,
                               "XDG_DATA_HOME": dir.appendingPathComponent("data").path, "PATH": "/usr/bin:/bin"]
            if config { environment["TERN_CONFIG"] = dir.appendingPathComponent("config.toml").path }
            let run = try Program.run(TernBinaryTests.binary.path, arguments, environment: environment)
            return Result(status: run.status, stdout: run.stdout, stderr: run.stderr)
        }
    }

    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path),
                     "build tern first: `swift build` makes \(Self.binary.path)")
    }

    @Test func foldersAsJSON() throws {
        let home = try Home()
        try home.deliver("One", date: "Mon, 2 Mar 2026 10:00:00 +0000")
        try home.deliver("Two", date: "Tue, 3 Mar 2026 10:00:00 +0000", flags: [.seen])
        let result = try home.run(["folders", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(result.json as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["INBOX", "Archive", "Sent"])
        #expect(rows.map { $0["role"] as? String } == ["inbox", "archive", "sent"])
        #expect(rows[0]["total"] as? Int == 2 && rows[0]["unread"] as? Int == 1)
        #expect(rows[1]["total"] as? Int == 0)
        let human = try home.run(["folders"])
        #expect(human.stdout.contains("INBOX") && human.stdout.contains("inbox"))
    }

    @Test func listAsJSONNewestFirstWithSearchAndLimit() throws {
        let home = try Home()
        try home.deliver("Older", date: "Mon, 2 Mar 2026 10:00:00 +0000")
        try home.deliver("Newer lunch", from: "Bob Martin <bob@example.org>", date: "Tue, 3 Mar 2026 11:30:00 +0100", flags: [.seen, .flagged])
        let result = try home.run(["list", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(result.json as? [[String: Any]])
        #expect(rows.map { $0["subject"] as? String } == ["Newer lunch", "Older"])
        let first = rows[0]
        #expect(first["date"] as? String == "2026-03-03T10:30:00Z")
        #expect((first["from"] as? [[String: Any]])?.first?["address"] as? String == "bob@example.org")
        #expect((first["from"] as? [[String: Any]])?.first?["name"] as? String == "Bob Martin")
        #expect(first["flags"] as? [String] == ["flagged", "seen"])
        #expect(first["has_attachments"] as? Bool == false)
        #expect(first["message_id"] as? String == "Newerlunch@example.org")
        #expect((first["size"] as? Int ?? 0) > 100)
        #expect(first["uid"] is Int)
        let search = try home.run(["list", "--json", "--search", "from:bob is:read"])
        #expect((search.json as? [[String: Any]])?.map { $0["subject"] as? String } == ["Newer lunch"])
        let limited = try home.run(["list", "--json", "--limit", "1"])
        #expect((limited.json as? [[String: Any]])?.count == 1)
        let human = try home.run(["list"])
        let lines = human.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].contains("Newer lunch") && lines[0].contains("Bob Martin"))
        #expect(lines.allSatisfy { $0.count <= 80 })
        let bad = try home.run(["list", "--search", "frm:bob"])
        #expect(bad.status == 1 && bad.stderr.contains("unknown search key"))
    }

    @Test func readRawJSONAndText() throws {
        let home = try Home()
        let message = try home.deliver("Hello there", date: "Mon, 2 Mar 2026 10:00:00 +0000", body: "The body text.")
        let bytes = try Data(contentsOf: message.url)
        let list = try home.run(["list", "--json"])
        let uid = try #require((list.json as? [[String: Any]])?.first?["uid"] as? Int)
        let raw = try home.run(["read", "--raw", "--peek", String(uid)])
        #expect(raw.status == 0)
        #expect(Data(raw.stdout.utf8) == bytes)
        let json = try home.run(["read", "--json", "--peek", String(uid)])
        let object = try #require(json.json as? [String: Any])
        #expect(object["subject"] as? String == "Hello there")
        #expect((object["root"] as? [String: Any])?["content_type"] as? String == "text/plain")
        let unread = try home.run(["list", "--json", "--search", "is:unread"])
        #expect((unread.json as? [[String: Any]])?.count == 1, "--peek leaves the message unread")
        let text = try home.run(["read", String(uid)])
        #expect(text.stdout.contains("Subject: Hello there") && text.stdout.contains("The body text."))
        let after = try home.run(["list", "--json", "--search", "is:unread"])
        #expect((after.json as? [[String: Any]])?.count == 0, "reading marks the message as seen")
    }

    @Test func flagMoveAndDelete() throws {
        let home = try Home()
        try home.deliver("Keep", date: "Mon, 2 Mar 2026 10:00:00 +0000")
        try home.deliver("Archive me", date: "Tue, 3 Mar 2026 10:00:00 +0000")
        try home.deliver("Trash me", date: "Wed, 4 Mar 2026 10:00:00 +0000")
        func uids(_ folder: String = "INBOX") throws -> [String: Int] {
            let rows = try #require(try home.run(["list", "--json", "--folder", folder]).json as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["subject"] as? String ?? "", $0["uid"] as? Int ?? 0) })
        }
        let inbox = try uids()
        let keep = try #require(inbox["Keep"])
        #expect(try home.run(["flag", String(keep), "--set", "flagged", "seen"]).status == 0)
        let flagged = try home.run(["list", "--json", "--search", "is:flagged"])
        #expect((flagged.json as? [[String: Any]])?.first?["flags"] as? [String] == ["flagged", "seen"])
        #expect(try home.run(["flag", String(keep), "--clear", "flagged"]).status == 0)
        #expect((try home.run(["list", "--json", "--search", "is:flagged"]).json as? [[String: Any]])?.isEmpty == true)
        let moved = try home.run(["move", String(try #require(inbox["Archive me"])), "--to", "archive"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(try uids("Archive").keys.sorted() == ["Archive me"])
        #expect(try home.run(["delete", String(try #require(inbox["Trash me"]))]).status == 0)
        #expect(try uids("Trash").keys.sorted() == ["Trash me"])
        #expect(try uids().keys.sorted() == ["Keep"])
        let trashUID = try #require(try uids("Trash")["Trash me"])
        #expect(try home.run(["delete", "--folder", "Trash", "--expunge", String(trashUID)]).status == 0)
        #expect(try uids("Trash").isEmpty)
        let badFlag = try home.run(["flag", String(keep), "--set", "shiny"])
        #expect(badFlag.status != 0 && badFlag.stderr.contains("Unknown flag"))
    }

    @Test func unknownAccountFolderAndUIDSayWhatToDo() throws {
        let home = try Home()
        try home.deliver("One", date: "Mon, 2 Mar 2026 10:00:00 +0000")
        let account = try home.run(["list", "--account", "nope"])
        #expect(account.status == 1)
        #expect(account.stderr.contains("\"home\"") && account.stderr.contains("\"work\""))
        let folder = try home.run(["list", "--folder", "Nowhere"])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("Archive") && folder.stderr.contains("tern folders"))
        let uid = try home.run(["read", "999"])
        #expect(uid.status == 1 && uid.stderr.contains("999") && uid.stderr.contains("tern list"))
        let imap = try home.run(["list", "--account", "work"])
        // An IMAP account whose password command prints nothing: said once, naming the account.
        #expect(imap.status == 1 && imap.stderr.contains("the password command printed nothing"), "\(imap.stderr)")
        #expect(imap.stderr.components(separatedBy: "account \"work\"").count == 2, "\(imap.stderr)")
    }

    @Test func configErrorsExitWith78() throws {
        let home = try Home()
        try "[accounts.broken]\nfrom = 3\n".write(to: home.dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let result = try home.run(["folders"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("config.toml"))
    }

    @Test func theDemoWorksWithoutAConfig() throws {
        let home = try Home()
        let folders = try home.run(["folders", "--demo", "--json"], config: false)
        #expect(folders.status == 0, "\(folders.stderr)")
        let rows = try #require(folders.json as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String }.contains("Sent"))
        let list = try home.run(["list", "--demo", "--json", "--limit", "3"], config: false)
        #expect((list.json as? [[String: Any]])?.count == 3)
        let launcher = try home.run(["--demo"], config: false)
        #expect(launcher.status == 0, "\(launcher.stderr)")
        #expect(launcher.stdout.contains("INBOX") && launcher.stdout.contains("Drafts"))
    }
}
