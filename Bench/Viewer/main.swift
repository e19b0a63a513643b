// BenchViewer: the message viewer's speed, in process on a VirtualScreen (release build).
// Driven by scripts/bench.d/viewer.
//
//   BenchViewer run [WIDTHxHEIGHT]   first screen of a 20 MB message with 10 attachments, then
//                                    per-key scroll latency (j, page down, G, search), and the same
//                                    for a 20 MB plain-text body
//   BenchViewer write FILE           write the 20 MB test message to FILE
import Foundation
import MailCore
import TerminalKit
import TernConfig
import TernUI

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// A deterministic generator so every run measures the same message.
struct Rng {
    var s: UInt64
    mutating func next() -> UInt64 {
        s &+= 0x9E37_79B9_7F4A_7C15
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let words = ["the", "meeting", "report", "budget", "schedule", "Grüße", "naïve", "café", "project", "deadline",
             "review", "über", "déjà", "vu", "résumé", "coffee", "tomorrow", "attached", "please", "thanks",
             "https://example.test/a/long/path?q=1", "日本語", "テスト", "Привет", "www.example.test"]

func text(lines: Int, rng: inout Rng) -> String {
    var out = ""
    for i in 0..<lines {
        let depth = i % 40 < 10 ? 0 : i % 40 < 25 ? 1 : i % 40 < 35 ? 2 : 3
        out += String(repeating: "> ", count: depth)
        for _ in 0..<(8 + Int(rng.next() % 12)) { out += words[Int(rng.next() % UInt64(words.count))] + " " }
        out += "\r\n"
    }
    return out + "-- \r\nA. Sender\r\n"
}

/// About 20 MB: a text body of 400 lines, an HTML alternative, ten 1.45 MB attachments (base64).
func bigMessage() -> [UInt8] {
    var rng = Rng(s: 42)
    var out = """
        From: Big Sender <big@example.test>\r
        To: alice@example.test\r
        Subject: Twenty megabytes\r
        Date: Tue, 3 Nov 2026 10:00:00 +0100\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="mix"\r
        \r
        --mix\r
        Content-Type: multipart/alternative; boundary="alt"\r
        \r
        --alt\r
        Content-Type: text/plain; charset=utf-8\r
        \r

        """
    out += text(lines: 400, rng: &rng)
    out += "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" + text(lines: 100, rng: &rng) + "</p>\r\n--alt--\r\n"
    var bytes = Array(out.utf8)
    for n in 1...10 {
        bytes += Array("--mix\r\nContent-Type: application/pdf; name=\"file\(n).pdf\"\r\nContent-Disposition: attachment; filename=\"file\(n).pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
        var raw = [UInt8](repeating: 0, count: 1_450_000)
        for i in stride(from: 0, to: raw.count - 8, by: 8) {
            withUnsafeBytes(of: rng.next()) { raw.replaceSubrange(i..<(i + 8), with: $0) }
        }
        let b64 = Data(raw).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        bytes += Array(b64.utf8) + Array("\r\n".utf8)
    }
    bytes += Array("--mix--\r\n".utf8)
    return bytes
}

/// About 20 MB of plain text in one part.
func bigTextMessage() -> [UInt8] {
    var rng = Rng(s: 7)
    var out = "From: log@example.test\r\nSubject: A huge log\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    out += text(lines: 230_000, rng: &rng)
    return Array(out.utf8)
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func ms(_ seconds: Double) -> String { String(format: "%7.2f ms", seconds * 1000) }

let theme = Theme.builtInDefault
func style(_ key: ThemeKey) -> Style {
    let s = theme[key]
    func color(_ c: ThemeColor) -> Color {
        switch c {
        case .default: return .default
        case .palette(let i): return .indexed(i)
        case .rgb(let r, let g, let b): return .rgb(r, g, b)
        }
    }
    return Style(foreground: color(s.foreground), background: color(s.background))
}

/// Opens the message and draws its first screen; returns the document and the seconds it took.
func firstScreen(_ bytes: [UInt8], screen: VirtualScreen) -> (ReaderDocument, Double) {
    let start = now()
    let message = Message(bytes: bytes)
    let size = screen.size
    let document = ReaderDocument(message: message, options: ReaderOptions(width: size.width), firstLines: size.height)
    var frame = Frame(size: size)
    ReaderView.draw(document, top: 0, area: frame.area, into: &frame.buffer, style: style)
    try? screen.show(frame)
    return (document, now() - start)
}

func scroll(_ document: inout ReaderDocument, screen: VirtualScreen, keys: [String]) -> [Double] {
    var top = 0
    var search: ReaderSearch?
    var times: [Double] = []
    let height = screen.size.height
    for key in keys {
        let start = now()
        switch key {
        case "j": top += 1
        case "page": top += height
        case "G":
            document.layOutAll()
            top = max(0, document.lines.count - height)
        case "gg": top = 0
        case "/":
            document.layOutAll()
            search = ReaderSearch(query: "café", in: document.lines)
            if let i = search?.next(after: top) { top = search!.matches[i].line }
        default: break
        }
        document.layOut(through: top + height)
        top = min(top, max(0, document.lines.count - 1))
        var frame = Frame(size: screen.size)
        ReaderView.draw(document, top: top, area: frame.area, into: &frame.buffer, style: style, search: search)
        try? screen.show(frame)
        times.append(now() - start)
    }
    return times
}

func report(_ label: String, _ times: [Double]) {
    let sorted = times.sorted()
    let mean = times.reduce(0, +) / Double(max(1, times.count))
    let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
    print("\(label.padding(toLength: 34, withPad: " ", startingAt: 0)) n=\(String(format: "%4d", times.count))  mean \(ms(mean))  p99 \(ms(p99))  max \(ms(sorted.last ?? 0))")
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "run" {
case "write":
    guard arguments.count > 2 else { fail("usage: BenchViewer write FILE") }
    guard FileManager.default.createFile(atPath: arguments[2], contents: Data(bigMessage())) else {
        fail("cannot write \(arguments[2])")
    }
case "run":
    var width = 100, height = 40
    if arguments.count > 2 {
        let parts = arguments[2].split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { fail("size must be WIDTHxHEIGHT") }
        (width, height) = (parts[0], parts[1])
    }
    for (name, bytes) in [("20 MB, 10 attachments", bigMessage()), ("20 MB plain-text body", bigTextMessage())] {
        print("== \(name): \(bytes.count / 1_000_000) MB, screen \(width)x\(height)")
        var firsts: [Double] = []
        var document: ReaderDocument?
        for _ in 0..<7 {
            let screen = VirtualScreen(width: width, height: height)
            let (d, t) = firstScreen(bytes, screen: screen)
            firsts.append(t)
            document = d
        }
        report("open to first screen (target <200 ms)", firsts)
        guard var doc = document else { continue }
        let screen = VirtualScreen(width: width, height: height)
        report("j (scroll a line, target <16 ms)", scroll(&doc, screen: screen, keys: Array(repeating: "j", count: 500)))
        report("page down", scroll(&doc, screen: screen, keys: Array(repeating: "page", count: 100)))
        report("G (lay out everything)", scroll(&doc, screen: screen, keys: ["G"]))
        report("j after G", scroll(&doc, screen: screen, keys: Array(repeating: "j", count: 200)))
        report("/ search (whole document)", scroll(&doc, screen: screen, keys: ["/"]))
        print("   lines laid out: \(doc.lines.count)")
        runApp(bytes, width: width, height: height)
    }
default:
    fail("usage: BenchViewer run [WIDTHxHEIGHT] | write FILE")
}
