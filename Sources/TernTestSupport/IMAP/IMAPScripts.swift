/// Pieces of IMAP server transcripts for ``ScriptedServer`` tests: greetings, logins, and
/// answers a client under test is expected to get.
public enum IMAPScripts {
    /// The capabilities of the fake server after login (like Dovecot's, trimmed).
    public static let capabilities = "IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE UIDPLUS MOVE CONDSTORE QRESYNC ESEARCH "
        + "SPECIAL-USE LIST-EXTENDED LIST-STATUS UNSELECT NAMESPACE CHILDREN"

    /// Greeting and SASL PLAIN login of bob/bobpw with an initial response; the tagged OK lists
    /// `capabilities`.
    ///
    /// - Parameter capabilities: What the server offers after login.
    public static func login(capabilities: String = capabilities) -> [ScriptedServer.Step] {
        [
            .send("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ AUTH=PLAIN ID] Fake IMAP ready.\r\n"),
            .expect("A1 AUTHENTICATE PLAIN AGJvYgBib2Jwdw=="),
            .send("A1 OK [CAPABILITY \(capabilities)] Logged in\r\n"),
        ]
    }

    /// A login followed by `SELECT INBOX` (tag A2) answered with a mailbox of `exists`
    /// messages, UIDVALIDITY 1700000000 and UIDNEXT `exists + 1`.
    public static func loginAndSelect(exists: Int, capabilities: String = capabilities) -> [ScriptedServer.Step] {
        login(capabilities: capabilities) + [
            .expect("A2 SELECT INBOX"),
            .send(selectAnswer(tag: "A2", exists: exists)),
        ]
    }

    /// The untagged data and tagged OK of a SELECT of a mailbox holding `exists` messages.
    public static func selectAnswer(tag: String, exists: Int, highestModSeq: UInt64 = 9000) -> String {
        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
            + "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.\r\n"
            + "* \(exists) EXISTS\r\n* 0 RECENT\r\n"
            + "* OK [UIDVALIDITY 1700000000] UIDs valid\r\n* OK [UIDNEXT \(exists + 1)] Predicted next UID\r\n"
            + "* OK [HIGHESTMODSEQ \(highestModSeq)] Highest\r\n"
            + "\(tag) OK [READ-WRITE] Select completed.\r\n"
    }

    /// `* n FETCH (UID n FLAGS (\Seen) RFC822.SIZE ... INTERNALDATE ... ENVELOPE (...))` for each
    /// `n` of `range`: the answer to a message-list FETCH, as Dovecot formats it.
    public static func envelopeFetches(_ range: ClosedRange<Int>) -> String {
        var out = ""
        out.reserveCapacity(range.count * 420)
        for number in range { out += envelopeFetch(number) }
        return out
    }

    /// One envelope FETCH response for message `number` (UID = number).
    public static func envelopeFetch(_ number: Int) -> String {
        let day = number % 28 + 1
        let flags = number % 3 == 0 ? "\\Seen \\Flagged" : "\\Seen"
        return "* \(number) FETCH (UID \(number) FLAGS (\(flags)) RFC822.SIZE \(2000 + number % 5000) "
            + "INTERNALDATE \"\(day < 10 ? " " : "")\(day)-Mar-2024 10:\(number % 60 < 10 ? "0" : "")\(number % 60):00 +0100\" "
            + "ENVELOPE (\"Mon, \(day) Mar 2024 10:00:00 +0100\" \"Message number \(number) about =?utf-8?q?caf=C3=A9?=\" "
            + "((\"Sender \(number % 300)\" NIL \"sender\(number % 300)\" \"example.org\")) "
            + "((\"Sender \(number % 300)\" NIL \"sender\(number % 300)\" \"example.org\")) "
            + "((\"Sender \(number % 300)\" NIL \"sender\(number % 300)\" \"example.org\")) "
            + "((\"Bob\" NIL \"bob\" \"example.test\")) NIL NIL "
            + (number % 3 == 1 ? "\"<\(number - 1)@example.org>\"" : "NIL") + " \"<\(number)@example.org>\"))\r\n"
    }

    /// The header fields a message-list FETCH asks for (tern's sync, `IMAPFetchConversion`).
    public static let listFields = "DATE FROM SENDER REPLY-TO TO CC BCC SUBJECT MESSAGE-ID IN-REPLY-TO REFERENCES CONTENT-TYPE"

    /// `[UID ]FETCH set (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (...)])`: the
    /// command line of a message-list fetch, without its tag.
    public static func listFetchCommand(_ set: String, uid: Bool = true) -> String {
        (uid ? "UID " : "") + "FETCH \(set) (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (\(listFields))])"
    }

    /// ``headerFetch(_:)`` for each `n` of `range`.
    public static func headerFetches(_ range: ClosedRange<Int>) -> String {
        range.map(headerFetch).joined()
    }

    /// The answer to a message-list fetch (``listFetchCommand(_:uid:)``) for message `number`
    /// (UID = number), as Dovecot formats it: the header fields in a literal, in the message's
    /// order, ending with the empty line. The same message as ``envelopeFetch(_:)``.
    public static func headerFetch(_ number: Int) -> String {
        let day = number % 28 + 1
        let flags = number % 3 == 0 ? "\\Seen \\Flagged" : "\\Seen"
        let sender = "Sender \(number % 300) <sender\(number % 300)@example.org>"
        var header = "From: \(sender)\r\nTo: Bob <bob@example.test>\r\n"
            + "Subject: Message number \(number) about =?utf-8?q?caf=C3=A9?=\r\n"
            + "Date: Mon, \(day) Mar 2024 10:00:00 +0100\r\nMessage-ID: <\(number)@example.org>\r\n"
        if number % 3 == 1 { header += "In-Reply-To: <\(number - 1)@example.org>\r\nReferences: <\(number - 1)@example.org>\r\n" }
        header += "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        return "* \(number) FETCH (UID \(number) FLAGS (\(flags)) RFC822.SIZE \(2000 + number % 5000) "
            + "BODY[HEADER.FIELDS (\(listFields))] {\(header.utf8.count)}\r\n\(header))\r\n"
    }
}
