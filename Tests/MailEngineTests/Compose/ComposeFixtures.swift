import Foundation
import MailCore
import TernConfig
@testable import MailEngine

/// Accounts, messages and temporary folders for the compose tests.
enum ComposeFixtures {
    static let alice = Address(name: "Alice Example", address: "alice@example.test")
    static let aliceWork = Address(name: "Alice at Work", address: "alice@work.test")
    static let bob = Address(name: "Bob", address: "bob@example.test")
    static let carol = Address(name: "Carol", address: "carol@example.test")

    static var account: Account {
        Account(name: "alice", from: alice, source: .maildir(MaildirSettings(path: "/tmp/nowhere")),
                identities: [Identity(name: nil, address: alice), Identity(name: "work", address: aliceWork)])
    }

    /// A message from Bob to Alice and Carol, with a list header.
    static func message(from: String = "Bob <bob@example.test>", to: String = "Alice Example <alice@example.test>, Carol <carol@example.test>",
                        cc: String? = nil, replyTo: String? = nil, subject: String = "Lunch", extra: String = "",
                        contentType: String = "text/plain; charset=utf-8", body: String = "Noon at the usual place?\r\nBring a friend.\r\n") -> Message {
        var text = "From: \(from)\r\nTo: \(to)\r\n"
        if let cc { text += "Cc: \(cc)\r\n" }
        if let replyTo { text += "Reply-To: \(replyTo)\r\n" }
        text += "Subject: \(subject)\r\nDate: Mon, 2 Jan 2006 15:04:05 -0700\r\nMessage-ID: <lunch-1@example.test>\r\n"
        text += "References: <older@example.test>\r\nIn-Reply-To: <older@example.test>\r\n"
        text += extra
        text += "MIME-Version: 1.0\r\nContent-Type: \(contentType)\r\n\r\n\(body)"
        return Message(bytes: Array(text.utf8))
    }

    /// A message with a text part and a PDF attachment.
    static func messageWithAttachment() -> Message {
        let text = """
            From: Bob <bob@example.test>\r
            To: alice@example.test\r
            Subject: Report\r
            Date: Tue, 3 Jan 2006 10:00:00 +0000\r
            Message-ID: <report@example.test>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            See attached.\r
            --b\r
            Content-Type: application/pdf; name="report.pdf"\r
            Content-Disposition: attachment; filename="report.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQKJcfsj6IK\r
            --b--\r

            """
        return Message(bytes: Array(text.utf8))
    }

    /// A fresh temporary folder, removed by the caller's `defer`.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tern-compose-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
