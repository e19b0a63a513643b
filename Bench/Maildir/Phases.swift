import Foundation
import MailCore
import MailStore

/// CPU and wall time of a piece of work.
struct Timing {
    var wall: Duration
    var cpu: Double

    /// Measures `body`: wall clock and CPU time (user + system) of the process.
    static func measure(_ body: () throws -> Void) rethrows -> Timing {
        let cpuBefore = cpuSeconds()
        let wall = try ContinuousClock().measure(body)
        return Timing(wall: wall, cpu: cpuSeconds() - cpuBefore)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    var text: String {
        let c = wall.components
        return String(format: "%.3f s wall, %.3f s CPU", Double(c.seconds) + Double(c.attoseconds) / 1e18, cpu)
    }
}

/// The cold scan's parts measured one by one (--phases): listing, reading headers, parsing, writing.
enum Phases {
    static func run(_ maildir: Maildir, root: URL) throws {
        var names: [String] = []
        let list = try Timing.measure { names = try maildir.fileNames(in: .cur) + maildir.fileNames(in: .new) }
        print("  list \(names.count) names: \(list.text)")
        var chunks: [HeaderChunk] = []
        chunks.reserveCapacity(names.count)
        let paths = Set(try maildir.fileNames(in: .new))
        let read = try Timing.measure {
            for name in names {
                let sub = paths.contains(name) ? "new" : "cur"
                chunks.append(try MessageFileReader.standard.readHeader(maildir.directory.path + "/\(sub)/" + name))
            }
        }
        print("  read headers: \(read.text), \(chunks.reduce(0) { $0 + $1.bytes.count } / max(1, chunks.count)) bytes per file")
        var envelopes: [Envelope] = []
        let headerOnly = Timing.measure {
            for chunk in chunks {
                let end = chunk.bodyStart ?? chunk.bytes.count
                envelopes.append(Message(bytes: Array(chunk.bytes[..<end])).envelope)
            }
        }
        print("  parse header sections only: \(headerOnly.text)")
        var messages: [CachedMessage] = []
        let parse = Timing.measure {
            for (chunk, name) in zip(chunks, names) {
                messages.append(CachedMessage(chunk: chunk, flags: MaildirName(fileName: name).flags, maildirFile: "cur/" + name))
            }
        }
        print("  parse into cache entries: \(parse.text)")
        let cache = try HeaderCache(url: root.appendingPathComponent("phases.sqlite"), account: "phases", source: "phases")
        let write = try Timing.measure {
            try cache.write { w in
                let box = try w.ensureMailbox(.inbox).mailbox
                for m in messages { try w.insertNew(m, in: box) }
            }
        }
        print("  write to the cache: \(write.text)")
        let index = try Timing.measure { _ = try cache.maildirIndex(in: .inbox) }
        print("  load the Maildir index: \(index.text)")
    }
}
