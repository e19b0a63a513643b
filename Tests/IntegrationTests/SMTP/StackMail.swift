import Foundation
import TernTestSupport

/// What the SMTP integration tests need from the stack besides SMTP: reading a mailbox through
/// Dovecot's IMAP with Python's imaplib (an outside client, so a tern bug cannot hide itself), and
/// stopping and starting Postfix.
enum StackMail {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The raw messages in `user`'s `folder` whose Message-ID is `messageID` (without brackets),
    /// waiting up to `timeout` until at least `atLeast` are there (delivery is asynchronous).
    static func fetch(_ stack: MailStack, user: MailStack.User, folder: String = "INBOX", messageID: String,
                      atLeast: Int = 1, timeout: Duration = .seconds(30)) async throws -> [[UInt8]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = try imapFetch(stack, user: user, folder: folder, messageID: messageID)
            if found.count >= atLeast || ContinuousClock.now >= deadline { return found }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// The raw messages in `user`'s `folder` whose Subject contains `token`, waiting as ``fetch``.
    static func fetch(_ stack: MailStack, user: MailStack.User, folder: String = "INBOX", subjectContaining token: String,
                      atLeast: Int = 1, timeout: Duration = .seconds(30)) async throws -> [[UInt8]] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = try imapFetch(stack, user: user, folder: folder, field: "Subject", containing: token)
            if found.count >= atLeast || ContinuousClock.now >= deadline { return found }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    private static let script = """
        import base64, imaplib, json, ssl, sys
        host, port, ca, user, password, folder, field, value = sys.argv[1:]
        context = ssl.create_default_context(cafile=ca)
        imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=context)
        imap.login(user, password)
        typ, _ = imap.select('"%s"' % folder, readonly=True)
        if typ != 'OK':
            print(json.dumps({"error": "cannot select " + folder}))
            sys.exit(0)
        typ, data = imap.search(None, 'HEADER', field, value)
        if typ != 'OK':
            print(json.dumps({"error": "SEARCH in %s failed: %r" % (folder, data)}))
            sys.exit(0)
        out = []
        for number in data[0].split():
            typ, parts = imap.fetch(number, '(BODY.PEEK[])')
            out.append(base64.b64encode(parts[0][1]).decode())
        imap.logout()
        print(json.dumps({"messages": out}))
        """

    static func imapFetch(_ stack: MailStack, user: MailStack.User, folder: String, messageID: String) throws -> [[UInt8]] {
        try imapFetch(stack, user: user, folder: folder, field: "Message-ID", containing: messageID)
    }

    /// The raw messages in `user`'s `folder` whose header `field` contains `value` (ASCII; IMAP
    /// SEARCH HEADER matches substrings).
    static func imapFetch(_ stack: MailStack, user: MailStack.User, folder: String, field: String,
                          containing value: String) throws -> [[UInt8]] {
        let result = try run("/usr/bin/env", ["python3", "-c", script, stack.host, String(stack.imapsPort),
                                              stack.caFile.path, user.name, user.password, folder, field, value])
        guard result.status == 0,
              let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        else { throw Failure(description: "imaplib failed (\(result.status)): \(result.output) \(result.error)") }
        if let error = json["error"] as? String { throw Failure(description: error) }
        return (json["messages"] as? [String] ?? []).map { [UInt8](Data(base64Encoded: $0) ?? Data()) }
    }

    /// Logs in once over IMAP so that Dovecot creates the user's Maildir and special folders.
    static func touch(_ stack: MailStack, user: MailStack.User) throws {
        _ = try imapFetch(stack, user: user, folder: "INBOX", messageID: "<none@tern.test>")
    }

    struct RunResult {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ path: String, _ arguments: [String], input: Data? = nil,
                    environment: [String: String]? = nil) throws -> RunResult {
        let run = try Program.run(path, arguments, input: input, environment: environment)
        return RunResult(status: run.status, output: run.stdout, error: run.stderr)
    }
}
