// BenchMIME: throughput of the MailCore MIME parser on a generated corpus of mixed mail, and
// peak memory for one large message. Driven by scripts/bench.d/mime (release build).
//
//   BenchMIME generate DIR MB     write DIR/corpus.bin + DIR/corpus.idx (offset length per line)
//   BenchMIME run DIR             parse the corpus: tree only, then tree + decode every part
//   BenchMIME generate-one FILE MB   one message of about MB megabytes (a big base64 attachment)
//   BenchMIME peak FILE           parse and decode FILE, print the peak resident set size
import Foundation
import MailCore

#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// A deterministic generator so every run measures the same corpus.
struct Rng {
    var s: UInt64
    mutating func next() -> UInt64 {
        s &+= 0x9E37_79B9_7F4A_7C15
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}

let words = ["the", "meeting", "report", "budget", "schedule", "Grüße", "naïve", "café", "project", "deadline",
             "review", "über", "déjà", "vu", "résumé", "coffee", "tomorrow", "attached", "please", "thanks",
             "numbers", "quarter", "release", "notes", "日本語", "テスト", "Привет", "mail", "client", "terminal"]

func paragraph(_ rng: inout Rng, words count: Int) -> String {
    var out = ""
    for i in 0..<count {
        out += words[rng.int(0..<words.count)]
        out += (i % 13 == 12) ? ".\n" : " "
    }
    return out
}

func makeMessage(_ rng: inout Rng, index: Int) -> [UInt8] {
    var b = MessageBuilder(from: Address(name: "Sender \(index)", address: "sender\(index)@example.org"))
    b.to = [Address(name: "Jörg Müller", address: "joerg@example.de"), Address(address: "team@example.com")]
    b.subject = "Re: " + paragraph(&rng, words: 8).replacingOccurrences(of: "\n", with: " ")
    b.date = Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60)
    b.zoneOffset = 3600
    b.randomSeed = UInt64(index)
    let kind = rng.int(0..<10)
    b.text = paragraph(&rng, words: rng.int(400..<3000))
    if kind >= 3 {
        b.html = "<html><body><p>" + paragraph(&rng, words: rng.int(800..<5000)).replacingOccurrences(of: "\n", with: "</p>\n<p>") + "</p></body></html>"
    }
    if kind >= 6 {
        for a in 0..<rng.int(1..<4) {
            let size = rng.int(20_000..<600_000)
            var data = [UInt8](repeating: 0, count: size)
            for i in stride(from: 0, to: size, by: 8) {
                let v = rng.next()
                for k in 0..<min(8, size - i) { data[i + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(k))) }
            }
            b.attachments.append(.file("attachment-\(a).bin", data, contentType: a == 0 ? "application/pdf" : "image/jpeg"))
        }
    }
    do { return try b.build().bytes } catch { fail("generator: \(error)") }
}

func readFile(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { fail("cannot open \(path)") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { fail("cannot stat \(path)") }
    let size = Int(st.st_size)
    return [UInt8](unsafeUninitializedCapacity: size) { buf, count in
        var done = 0
        while done < size {
            let n = read(fd, buf.baseAddress! + done, size - done)
            if n <= 0 { break }
            done += n
        }
        count = done
    }
}

func loadCorpus(_ dir: String) -> [[UInt8]] {
    let all = readFile(dir + "/corpus.bin")
    guard let idx = try? String(contentsOfFile: dir + "/corpus.idx", encoding: .utf8) else { fail("no corpus.idx in \(dir)") }
    return idx.split(separator: "\n").map { line in
        let f = line.split(separator: " ")
        let o = Int(f[0])!, n = Int(f[1])!
        return Array(all[o..<(o + n)])
    }
}

func decodeAll(_ m: Message) -> Int {
    var total = 0
    for p in m.root.allParts where p.isLeaf {
        if p.contentType.isText {
            total += p.text().utf8.count
        } else {
            total += p.decodedBody().count
        }
    }
    return total
}

func peakRSSKilobytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss)
}

let args = CommandLine.arguments
guard args.count >= 3 else { fail("usage: BenchMIME generate DIR MB | run DIR | generate-one FILE MB | peak FILE") }
switch args[1] {
case "generate":
    guard args.count == 4, let mb = Int(args[3]) else { fail("usage: BenchMIME generate DIR MB") }
    try? FileManager.default.createDirectory(atPath: args[2], withIntermediateDirectories: true)
    var rng = Rng(s: 2026)
    var all: [UInt8] = []
    var idx = ""
    var i = 0
    while all.count < mb * 1_000_000 {
        let m = makeMessage(&rng, index: i)
        idx += "\(all.count) \(m.count)\n"
        all += m
        i += 1
    }
    guard FileManager.default.createFile(atPath: args[2] + "/corpus.bin", contents: Data(all)) else { fail("cannot write the corpus") }
    try? idx.write(toFile: args[2] + "/corpus.idx", atomically: true, encoding: .utf8)
    print("generated \(i) messages, \(String(format: "%.1f", Double(all.count) / 1e6)) MB")
case "run":
    let corpus = loadCorpus(args[2])
    let bytes = Double(corpus.reduce(0) { $0 + $1.count })
    // Wall time and this thread's CPU time (the machine may be shared: CPU time is what the
    // parser itself costs). Warm up once, then take the best of three runs.
    func now() -> (wall: Double, cpu: Double) {
        var w = timespec(), c = timespec()
        clock_gettime(CLOCK_MONOTONIC, &w)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c)
        return (Double(w.tv_sec) + Double(w.tv_nsec) / 1e9, Double(c.tv_sec) + Double(c.tv_nsec) / 1e9)
    }
    func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let a = now()
        body()
        let b = now()
        return (b.wall - a.wall, b.cpu - a.cpu)
    }
    var sink = 0
    for m in corpus.prefix(50) { sink &+= Message(bytes: m).root.allParts.count }
    var tree = (wall: Double.infinity, cpu: Double.infinity), full = tree
    for _ in 0..<3 {
        let t = measure { for m in corpus { sink &+= Message(bytes: m).root.allParts.count } }
        tree = (min(tree.wall, t.wall), min(tree.cpu, t.cpu))
        let d = measure { for m in corpus { sink &+= decodeAll(Message(bytes: m)) } }
        full = (min(full.wall, d.wall), min(full.cpu, d.cpu))
    }
    let mb = bytes / 1e6
    print(String(format: "corpus: %d messages, %.1f MB", corpus.count, mb))
    print(String(format: "swift tree-only:          %8.1f MB/s cpu  %8.1f MB/s wall", mb / tree.cpu, mb / tree.wall))
    print(String(format: "swift parse+decode:       %8.1f MB/s cpu  %8.1f MB/s wall", mb / full.cpu, mb / full.wall))
    print("sink \(sink % 10)")
case "generate-one":
    guard args.count == 4, let mb = Int(args[3]) else { fail("usage: BenchMIME generate-one FILE MB") }
    var rng = Rng(s: 7)
    var b = MessageBuilder(from: Address(address: "big@example.org"))
    b.to = [Address(address: "you@example.org")]
    b.subject = "One big message"
    b.text = paragraph(&rng, words: 2000)
    let size = mb * 1_000_000 * 3 / 4
    var data = [UInt8](repeating: 0, count: size)
    for i in stride(from: 0, to: size, by: 8) {
        let v = rng.next()
        for k in 0..<min(8, size - i) { data[i + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(k))) }
    }
    b.attachments = [.file("big.bin", data)]
    guard let built = try? b.build() else { fail("build failed") }
    guard FileManager.default.createFile(atPath: args[2], contents: Data(built.bytes)) else { fail("cannot write \(args[2])") }
    print("generated one message of \(String(format: "%.1f", Double(built.bytes.count) / 1e6)) MB")
case "peak":
    let bytes = readFile(args[2])
    let m = Message(bytes: bytes)
    let decoded = decodeAll(m)
    let peak = peakRSSKilobytes() * 1024
    print(String(format: "peak RSS for one %.1f MB message (parse + decode every part, %.1f MB decoded): %.1f MB = %.2fx its size",
                 Double(bytes.count) / 1e6, Double(decoded) / 1e6, Double(peak) / 1e6, Double(peak) / Double(bytes.count)))
default:
    fail("unknown mode \(args[1])")
}
