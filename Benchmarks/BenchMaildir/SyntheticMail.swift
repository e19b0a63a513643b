import Foundation
import MailStore

/// Realistic-looking synthetic messages for the benchmark: varied senders, subjects, threads,
/// RFC 2047 subjects, a few multipart messages with attachments, 80 % in cur/ with flags.
enum SyntheticMail {
    static let words = ["budget", "meeting", "release", "lunch", "report", "review", "plans", "question", "invoice",
                        "holiday", "build", "failure", "notes", "draft", "update", "weekly", "roadmap", "design"]

    /// Writes `count` messages (plain writes: the benchmark measures reading, not delivery).
    static func write(count: Int, into maildir: Maildir, startingAt first: Int = 0) throws {
        let base = Date(timeIntervalSince1970: 1_767_225_600)
        for i in first ..< first + count {
            let bytes = message(i, date: base.addingTimeInterval(Double(i) * 300))
            let unique = "\(1_767_225_600 + i).M\(i)P1.bench"
            let inCur = i % 5 != 0
            let flags = i % 3 == 0 ? "" : (i % 7 == 0 ? "FS" : "S")
            let path = maildir.directory.path + (inCur ? "/cur/\(unique):2,\(flags)" : "/new/\(unique)")
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else { throw MaildirError.system("write a benchmark message", path: path) }
            defer { close(fd) }
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            guard written == bytes.count else { throw MaildirError.system("write a benchmark message", path: path) }
        }
    }

    static func message(_ i: Int, date: Date) -> [UInt8] {
        let subject = i % 11 == 0 ? "=?UTF-8?Q?Caf=C3=A9_=E2=98=95_\(words[i % words.count])?=" : "Re: \(words[i % words.count]) \(words[(i / 3) % words.count]) #\(i % 1000)"
        var text = "Return-Path: <person\(i % 500)@example.org>\r\n"
        text += "Received: from mx.example.org (mx.example.org [192.0.2.1]) by mail.example.test with ESMTPS id \(i); \(rfc5322(date))\r\n"
        text += "From: Person \(i % 500) <person\(i % 500)@example.org>\r\n"
        text += "To: Me <me@example.test>, Team <team@example.test>\r\n"
        if i % 4 == 0 { text += "Cc: Boss <boss@example.test>\r\n" }
        text += "Subject: \(subject)\r\n"
        text += "Date: \(rfc5322(date))\r\n"
        text += "Message-ID: <\(i).bench@example.org>\r\n"
        if i % 3 != 0 {
            text += "In-Reply-To: <\(i - i % 3).bench@example.org>\r\nReferences: <\(i - i % 3).bench@example.org>\r\n"
        }
        text += "MIME-Version: 1.0\r\n"
        let paragraph = String(repeating: "This is line of text about the \(words[i % words.count]) that goes on for a while.\r\n", count: 20)
        if i % 10 == 0 {
            text += "Content-Type: multipart/mixed; boundary=\"b\(i)\"\r\n\r\n--b\(i)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            text += paragraph
            text += "--b\(i)\r\nContent-Type: application/pdf; name=\"doc\(i).pdf\"\r\nContent-Disposition: attachment; filename=\"doc\(i).pdf\"\r\n"
            text += "Content-Transfer-Encoding: base64\r\n\r\n"
            text += String(repeating: "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29kZT4+\r\n", count: i % 20 == 0 ? 400 : 20)
            text += "--b\(i)--\r\n"
        } else {
            text += "Content-Type: text/plain; charset=utf-8\r\n\r\n" + paragraph
        }
        return Array(text.utf8)
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
