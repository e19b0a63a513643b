import Foundation
import MailCore

/// One message of the demo mailbox, described at a high level and rendered to RFC 5322 bytes.
struct DemoMessage {
    /// A body part of a demo message.
    indirect enum Body {
        /// Text in a charset; `bytes` are already in that charset.
        case text(subtype: String, charset: String, bytes: [UInt8], encoding: String, flowed: Bool)
        /// A file attached (or inline).
        case file(type: String, name: String, bytes: [UInt8], inline: Bool, rfc2231: Bool)
        /// A multipart container.
        case multipart(subtype: String, parts: [Body])
        /// An embedded message.
        case message(DemoMessage)

        static func plain(_ text: String, flowed: Bool = false) -> Body {
            let content = flowed ? DemoWriter.flow(text) : text
            let ascii = content.utf8.allSatisfy { $0 < 128 }
            let longLines = content.split(separator: "\n").contains { $0.utf8.count > 76 }
            return .text(subtype: "plain", charset: ascii ? "us-ascii" : "utf-8", bytes: Array(content.utf8),
                         encoding: ascii && !longLines ? "7bit" : "quoted-printable", flowed: flowed)
        }

        static func html(_ text: String) -> Body {
            .text(subtype: "html", charset: "utf-8", bytes: Array(text.utf8), encoding: "quoted-printable", flowed: false)
        }

        static func alternative(_ plain: String, _ html: String) -> Body {
            .multipart(subtype: "alternative", parts: [.plain(plain), .html(html)])
        }
    }

    var folder: MailboxPath
    var flags: Set<Flag>
    /// Hours before the demo's creation time.
    var hoursAgo: Double
    var from: String
    var to: String
    var cc: String?
    /// The Subject header as written (may already hold RFC 2047 words).
    var subject: String
    var id: String
    var inReplyTo: String?
    var references: [String] = []
    var extraHeaders: [(String, String)] = []
    var body: Body

    /// The message id in the demo's domain.
    static func messageID(_ id: String) -> String { "<\(id)@demo.tern.example>" }

    /// Renders the message with CRLF line ends.
    func render(now: Date) -> [UInt8] {
        var out = DemoWriter()
        out.header("Return-Path", "<\(DemoWriter.bareAddress(from))>")
        out.header("From", from)
        out.header("To", to)
        if let cc { out.header("Cc", cc) }
        out.header("Subject", subject)
        out.header("Date", DemoWriter.rfc5322Date(now.addingTimeInterval(-hoursAgo * 3600)))
        out.header("Message-ID", Self.messageID(id))
        if let inReplyTo { out.header("In-Reply-To", Self.messageID(inReplyTo)) }
        if !references.isEmpty { out.header("References", references.map(Self.messageID).joined(separator: " ")) }
        for (name, value) in extraHeaders { out.header(name, value) }
        out.header("MIME-Version", "1.0")
        out.body(body, boundarySeed: id, now: now)
        return out.bytes
    }
}
