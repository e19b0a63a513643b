// BenchMaildir: generates a Maildir of N messages in a temporary folder and measures how long the
// header cache takes to scan it cold (empty cache), warm (nothing changed: directory times
// match) and warm with a forced full comparison, plus the first page and the counts.
//
//   swift run -c release BenchMaildir [--count N] [--keep]
//
// Run through scripts/bench maildir.
import Foundation
import MailCore
import MailStore

struct Options {
    var count = 100_000
    var keep = false

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--count":
                guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { Self.usage("--count needs a positive number") }
                count = value
            case "--keep": keep = true
            case "-h", "--help": Self.usage(nil)
            default: Self.usage("unknown argument \(argument)")
            }
        }
    }

    static func usage(_ problem: String?) -> Never {
        if let problem { FileHandle.standardError.write(Data("BenchMaildir: \(problem)\n".utf8)) }
        print("usage: BenchMaildir [--count N] [--keep]")
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
let maildir = try Maildir.create(at: root.appendingPathComponent("Maildir"))
let clock = ContinuousClock()

print("generating \(options.count) messages in \(maildir.directory.path) ...")
let generation = try clock.measure { try SyntheticMail.write(count: options.count, into: maildir) }
print("  generated in \(seconds(generation))")

let cacheURL = root.appendingPathComponent("cache.sqlite")
let cache = try HeaderCache(url: cacheURL, account: "bench", source: "maildir:\(maildir.directory.path)")
var synchronizer = MaildirSynchronizer(cache: cache)
synchronizer.batchSize = 2000

var result = MaildirSyncResult()
let cold = try clock.measure { result = try synchronizer.sync(maildir, as: .inbox) }
print("cold scan: \(seconds(cold)) (\(result.added.count) messages added, \(result.warnings.count) warnings)")

// Let the directory times age past the one-second trust window, then scan again.
let stamp = try maildir.directoryTimes()
let age = Double(Int64(Date().timeIntervalSince1970 * 1e9) - max(stamp.new, stamp.cur)) / 1e9
if age < 1.5 { Thread.sleep(forTimeInterval: 1.5 - age) }
_ = try synchronizer.sync(maildir, as: .inbox, force: true)

let warm = try clock.measure { result = try synchronizer.sync(maildir, as: .inbox) }
print("warm scan, nothing changed: \(seconds(warm)) (directory times unchanged: \(result.unchanged))")
let full = try clock.measure { result = try synchronizer.sync(maildir, as: .inbox, force: true) }
print("warm scan, full comparison of \(options.count) names: \(seconds(full)) (changes: \(result.isEmpty ? "none" : "some"))")

// One file renamed by another program, one new.
let names = try maildir.fileNames(in: .cur)
if let first = names.first {
    let from = maildir.directory.path + "/cur/" + first
    rename(from, from.split(separator: ":").first.map(String.init)! + ":2,FRS")
}
try SyntheticMail.write(count: 1, into: maildir, startingAt: options.count)
let changed = try clock.measure { result = try synchronizer.sync(maildir, as: .inbox) }
print("warm scan, 1 new + 1 renamed: \(seconds(changed)) (added \(result.added.count), flags changed \(result.flagsChanged.count))")

var page: [CachedMessage] = []
let firstPage = try clock.measure { page = try cache.summaries(in: .inbox, sort: .newestFirst, range: 0 ..< 50) }
var counts = CacheCounts(total: 0, unread: 0)
let countTime = try clock.measure { counts = try cache.counts(in: .inbox) }
let search = try clock.measure { _ = try cache.summaries(in: .inbox, range: 0 ..< 50, filter: .field(.from, "person42")) }
print("first page of 50 (newest first): \(milliseconds(firstPage)), \(page.count) rows")
print("total and unread counts: \(milliseconds(countTime)) (\(counts.total) total, \(counts.unread) unread)")
print("first page of a from: search: \(milliseconds(search))")
let size = (try? FileManager.default.attributesOfItem(atPath: cacheURL.path)[.size] as? Int) ?? 0
print(String(format: "cache size: %.1f MB", Double(size) / 1e6))
