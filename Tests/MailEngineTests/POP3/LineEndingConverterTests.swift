import TernTestSupport
import Testing
@testable import MailEngine

@Suite struct LineEndingConverterTests {
    @Test(arguments: [
        ("", ""),
        ("a\r\nb\r\n", "a\nb\n"),
        ("no line end", "no line end"),
        ("lone \r cr", "lone \r cr"),
        ("ends with cr\r", "ends with cr\r"),
        ("\r\r\n", "\r\n"),
        ("\r\n\r\n", "\n\n"),
        ("lf only\nstays\n", "lf only\nstays\n"),
        ("\n\r", "\n\r"),
    ])
    func convertsCRLFOnly(input: String, expected: String) {
        var converter = LineEndingConverter()
        var output: [UInt8] = []
        converter.convert(Array(input.utf8)[...], into: &output)
        converter.finish(into: &output)
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    @Test func everySplitGivesTheSameBytes() {
        let input = Array("Subject: x\r\n\r\nline\r\nlone\rcr\r\r\n\r\nend\r".utf8)
        let expected = Array("Subject: x\n\nline\nlone\rcr\r\n\nend\r".utf8)
        for split in ByteSplits.all(input) {
            var converter = LineEndingConverter()
            var output: [UInt8] = []
            for chunk in split.chunks { converter.convert(chunk[...], into: &output) }
            converter.finish(into: &output)
            #expect(output == expected, "split \(split)")
            #expect(converter.droppedCount == 5, "split \(split)")
        }
    }

    @Test func aLargeMessageConvertsInLinearTime() {
        let line = Array("0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n".utf8)
        var input: [UInt8] = []
        for _ in 0..<150_000 { input += line }  // about 10 MB
        var converter = LineEndingConverter()
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            var start = 0
            while start < input.count {
                let end = min(start + 65_536, input.count)
                converter.convert(input[start..<end], into: &output)
                start = end
            }
        }
        #expect(output.count == input.count - 150_000)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}

@Suite struct ByteCountTextTests {
    @Test(arguments: [
        (0, "0 B"), (999, "999 B"), (1000, "1.0 KB"), (3_100_000, "3.1 MB"), (999_950, "1.0 MB"),
        (1_234_567_890, "1.2 GB"), (20_971_520, "21.0 MB"),
    ])
    func formats(count: Int, text: String) {
        #expect(ByteCountText.format(count) == text)
    }

    @Test func progressLine() {
        #expect(POP3DownloadProgress(messages: 12, totalMessages: 240, bytes: 3_100_000, totalBytes: 9_000_000)
            .description == "12/240 messages, 3.1 MB")
    }
}
