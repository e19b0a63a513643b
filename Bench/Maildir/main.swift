// BenchMaildir: generates a Maildir of N messages in a temporary folder and measures how long the
// header cache takes to scan it cold (empty cache), warm (nothing changed: directory times
// match) and warm with a forced full comparison, plus the first page and the counts.
//
//   scripts/bench maildir [--count N] [--phases] [--keep] [--existing MAILDIR]
//
// Run through scripts/bench maildir. Times are wall clock and CPU (user + system): on a busy
// machine the CPU figure is the one to compare. --phases also times the parts of a cold scan.
import Foundation
import MailCore
import MailStore

struct Options {
    var count = 100_000
    var keep = false
    var phases = false
    var existing: String?

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--count":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { Self.usage("--count needs a positive number") }
                count = value
            case "--keep": keep = true
            case "--phases": phases = true
            case "--existing":
                guard let value = rest.popFirst() else { Self.usage("--existing needs the path of a Maildir") }
                existing = value
            case "-h", "--help": Self.usage(nil)
            default: Self.usage("unknown argument \(argument)")
            }
        }
    }

    static func usage(_ problem: String?) -> Never {
        if let problem { FileHandle.standardError.write(Data("BenchMaildir: \(problem)\n".utf8)) }
        print("usage: BenchMaildir [--count N] [--keep] [--phases] [--existing MAILDIR]")
        exit(problem == nil ? 0 : 64)
    }
}

func seconds(_ duration: Duration) -> String {
    let c = duration.components
    return String(format: "%.3f s", Double(c.seconds) + Double(c.attoseconds) / 1e18)
}

func milliseconds(_ duration: Duration) -> String {
    let c = duration.components
    return String(format: "%.2f ms", (Double(c.seconds) + Double(c.attoseconds) / 1e18) * 1000)
}

let options = Options(CommandLine.arguments)
let root = FileManager.default.temporaryDirectory.appendingPathComponent("tern-bench-maildir-\(getpid())")
defer { if !options.keep { try? FileManager.default.removeItem(at: root) } }
var maildir: Maildir
do {
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    maildir = try Maildir.create(at: root.appendingPathComponent("Maildir"))
} catch {
    FileHandle.standardError.write(Data("BenchMaildir: \(error)\n".utf8))
    exit(1)
}
let clock = ContinuousClock()

if let existing = options.existing {
    maildir = Maildir(directory: URL(fileURLWithPath: existing))
    print("scanning the existing Maildir \(existing)")
} else {
    print("generating \(options.count) messages in \(maildir.directory.path) ...")
    let generation = try clock.measure { try SyntheticMail.write(count: options.count, into: maildir) }
    print("  generated in \(seconds(generation))")
}

if options.phases {
    print("cold scan, phase by phase:")
    try Phases.run(maildir, root: root)
}

let cacheURL = root.appendingPathComponent("cache.sqlite")
let cache = try HeaderCache(url: cacheURL, account: "bench", source: "maildir:\(maildir.directory.path)")
var synchronizer = MaildirSynchronizer(cache: cache)
synchronizer.batchSize = 2000

var result = MaildirSyncResult()
let cold = try Timing.measure { result = try synchronizer.sync(maildir, as: .inbox) }
print("cold scan: \(cold.text) (\(result.added.count) messages added, \(result.warnings.count) warnings)")

// Let the directory times age past the one-second trust window, then scan again.
let stamp = try maildir.directoryTimes()
let age = Double(Int64(Date().timeIntervalSince1970 * 1e9) - max(stamp.new, stamp.cur)) / 1e9
if age < 1.5 { Thread.sleep(forTimeInterval: 1.5 - age) }
_ = try synchronizer.sync(maildir, as: .inbox, force: true)

let warm = try Timing.measure { result = try synchronizer.sync(maildir, as: .inbox) }
print("warm scan, nothing changed: \(warm.text) (directory times unchanged: \(result.unchanged))")
let full = try Timing.measure { result = try synchronizer.sync(maildir, as: .inbox, force: true) }
print("warm scan, full comparison of \(try maildir.fileNames(in: .cur).count + maildir.fileNames(in: .new).count) names: \(full.text) (changes: \(result.isEmpty ? "none" : "some"))")

// New mail: one file appears in new/ (only new/ is listed).
try SyntheticMail.write(count: 1, into: maildir, startingAt: 2_000_000_000 + Int(getpid()), forceNew: true)
let arrival = try Timing.measure { result = try synchronizer.sync(maildir, as: .inbox) }
print("warm scan, 1 new message in new/: \(arrival.text) (added \(result.added.count))")

// One file renamed by another program (a flag change: cur/ is listed), one new.
let names = try maildir.fileNames(in: .cur)
if let first = names.first {
    let from = maildir.directory.path + "/cur/" + first
    rename(from, from.split(separator: ":").first.map(String.init)! + ":2,FRS")
}
try SyntheticMail.write(count: 1, into: maildir, startingAt: 1_000_000_000 + Int(getpid()))
let changed = try Timing.measure { result = try synchronizer.sync(maildir, as: .inbox) }
print("warm scan, 1 new + 1 renamed: \(changed.text) (added \(result.added.count), flags changed \(result.flagsChanged.count))")

var page: [CachedMessage] = []
let firstPage = try clock.measure { page = try cache.summaries(in: .inbox, sort: .newestFirst, range: 0 ..< 50) }
var counts = CacheCounts(total: 0, unread: 0)
let countTime = try clock.measure { counts = try cache.counts(in: .inbox) }
let search = try clock.measure { _ = try cache.summaries(in: .inbox, range: 0 ..< 50, filter: .field(.from, "person42")) }
print("first page of 50 (newest first): \(milliseconds(firstPage)), \(page.count) rows")
print("total and unread counts: \(milliseconds(countTime)) (\(counts.total) total, \(counts.unread) unread)")
print("first page of a from: search: \(milliseconds(search))")
let size = ["", "-wal"].reduce(0) { total, suffix in
    total + ((try? FileManager.default.attributesOfItem(atPath: cacheURL.path + suffix)[.size] as? Int) ?? 0)
}
print(String(format: "cache size: %.1f MB", Double(size) / 1e6))
