import Foundation
import TernTestSupport

/// Messages that look like mail and exercise POP3's corners: lines starting with dots, a line
/// holding a single dot, 8-bit UTF-8, long lines; sizes spread from a few hundred bytes to 100 KB.
enum TestMessages {
    static func make(count: Int, token: String, seed: UInt64 = 1) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let size = [300, 2_000, 8_000, 20_000, 60_000, 100_000][Int(random.next() % 6)]
            return message(index: index, token: token, size: size)
        }
    }

    static func message(index: Int, token: String, size: Int) -> [UInt8] {
        var text = """
            From: Alice <alice@example.test>
            To: bob@example.test
            Subject: download test \(index) – grüße
            Message-ID: <\(token)-\(index)@example.test>
            Date: Mon, 2 Jan 2023 10:00:00 +0100
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            .a line that starts with a dot
            ..two dots
            .
            From the start of a line. Ünïcödé text ✓

            """
        let line = "line of message \(index) with some words to make it longer than a short line\n"
        while text.utf8.count < size { text += line }
        return Array(text.utf8)
    }

    /// A message of about `size` bytes of base64-like lines (an attachment).
    static func large(size: Int, token: String) -> [UInt8] {
        var bytes = Array("""
            From: alice@example.test
            To: bob@example.test
            Subject: a large message
            Message-ID: <\(token)-large@example.test>
            MIME-Version: 1.0
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: base64


            """.utf8)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var random = SplitMix64(seed: 7)
        bytes.reserveCapacity(size + 100)
        while bytes.count < size {
            for _ in 0..<76 { bytes.append(alphabet[Int(random.next() % 64)]) }
            bytes.append(0x0A)
        }
        return bytes
    }
}
