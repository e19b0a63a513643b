// BenchIMAP: how fast tern's IMAP client parses and downloads message-list data.
//
//   swift run -c release BenchIMAP parse [COUNT [STAGES]]
//       Parses a synthetic answer to UID FETCH 1:COUNT (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)
//       (default 100,000 messages), fed in 64 KiB reads as from the network: events only, then
//       gathered into FetchedMessage values, then converted to MailCore envelopes.
//
//   TERN_MAILSTACK=DIR swift run -c release BenchIMAP fetch FOLDER [USER PASSWORD]
//       Against the test stack's Dovecot (fill FOLDER first with `scripts/mailstack fill DIR alice FOLDER 100000`):
//       the time from connect to the newest 50 envelopes, and a whole
//       UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE), as one command and in pipelined batches.
//
//   TERN_MAILSTACK=DIR swift run -c release BenchIMAP backend FOLDER USER PASSWORD CACHEDIR
//       The account backend on that folder: cold first page and full sync, warm open, resyncs
//       (see BackendBench.swift; scripts/bench imap runs it).
//
//   TERN_MAILSTACK=DIR swift run -c release BenchIMAP sync FOLDER USER PASSWORD CACHEDIR
//       Only the whole first sync from an empty cache, with wall and CPU time; the environment
//       may change the backend's options: TERN_BENCH_CONNECTIONS, TERN_BENCH_BATCH,
//       TERN_BENCH_DEPTH, TERN_BENCH_WRITE_ROWS.
import Foundation
import IMAP
import MailCore
import TernTestSupport
import Transport

@main
struct BenchIMAP {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "parse":
            try parse(count: arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000,
                      stages: arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3)
        case "backend":
            guard arguments.count >= 5 else { return usage() }
            try await BackendBench.run(folder: arguments[1], user: arguments[2], password: arguments[3],
                                       cacheDirectory: arguments[4])
        case "sync":
            guard arguments.count >= 5 else { return usage() }
            try await BackendBench.firstSync(folder: arguments[1], user: arguments[2], password: arguments[3],
                                             cacheDirectory: arguments[4])
        case "fetch":
            guard arguments.count >= 2 else { return usage() }
            try await fetch(folder: arguments[1], user: arguments.count > 2 ? arguments[2] : "alice",
                            password: arguments.count > 3 ? arguments[3] : "alicepw")
        default:
            usage()
        }
    }

    static func usage() {
        print("usage: BenchIMAP parse [COUNT] | BenchIMAP fetch FOLDER [USER PASSWORD] | BenchIMAP backend|sync FOLDER USER PASSWORD CACHEDIR   (see the top of BenchIMAP.swift)")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The CPU time this process has used, in seconds (the machine may be busy with other work:
    /// CPU time is what the code costs, wall time what a user would wait on an idle machine).
    static func cpuTime() -> Double {
        var usage = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &usage)
        return Double(usage.tv_sec) + Double(usage.tv_nsec) / 1e9
    }

    /// Runs `body` `rounds` times and returns the best CPU time and the best wall time.
    static func best(_ rounds: Int, _ body: () throws -> Void) rethrows -> (cpu: Double, wall: Double) {
        var best = (cpu: Double.infinity, wall: Double.infinity)
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            let cpuStart = cpuTime()
            try body()
            best.cpu = min(best.cpu, cpuTime() - cpuStart)
            best.wall = min(best.wall, seconds(ContinuousClock.now - start))
        }
        return best
    }

    // MARK: - Parsing

    static func parse(count: Int, stages: Int) throws {
        var input: [UInt8] = []
        input.reserveCapacity(count * 480)
        for number in 1...count { input += Array(IMAPScripts.envelopeFetch(number).utf8) }
        input += Array("A5 OK Fetch completed (0.100 + 0.000 secs).\r\n".utf8)
        let megabytes = Double(input.count) / 1_048_576
        let chunks = stride(from: 0, to: input.count, by: 65_536).map { input[$0..<min(input.count, $0 + 65_536)] }
        print("sizes: ResponseEvent \(MemoryLayout<ResponseEvent>.size), MessageAttribute \(MemoryLayout<MessageAttribute>.size), "
            + "UntaggedResponse \(MemoryLayout<UntaggedResponse>.size), IMAPEnvelope \(MemoryLayout<IMAPEnvelope>.size), "
            + "BodyStructure \(MemoryLayout<BodyStructure>.size), FetchedMessage \(MemoryLayout<FetchedMessage>.size)")
        print(String(format: "input: %d messages, %.1f MB, %d reads of 64 KiB", count, megabytes, chunks.count))

        var events = 0
        let parseOnly = try best(5) {
            var parser = ResponseParser()
            events = 0
            for chunk in chunks {
                parser.append(chunk)
                while try parser.next() != nil { events += 1 }
            }
        }
        report("parse (events)", parseOnly, count: count, megabytes: megabytes)
        guard stages > 1 else { return }

        var messages = 0
        let gathered = try best(5) {
            var parser = ResponseParser()
            var accumulator = FetchAccumulator()
            messages = 0
            for chunk in chunks {
                parser.append(chunk)
                while let event = try parser.next() {
                    switch event {
                    case .untagged, .tagged, .continuation: break
                    default: if try accumulator.consume(event) != nil { messages += 1 }
                    }
                }
            }
        }
        precondition(messages == count, "parsed \(messages) of \(count) messages")
        report("parse + FetchedMessage", gathered, count: count, megabytes: megabytes)
        guard stages > 2 else { return }

        var subjects = 0
        let converted = try best(3) {
            var parser = ResponseParser()
            var accumulator = FetchAccumulator()
            subjects = 0
            for chunk in chunks {
                parser.append(chunk)
                while let event = try parser.next() {
                    switch event {
                    case .untagged, .tagged, .continuation: break
                    default:
                        if let message = try accumulator.consume(event), let envelope = message.envelope?.mailEnvelope() {
                            subjects += envelope.subject == nil ? 0 : 1
                        }
                    }
                }
            }
        }
        precondition(subjects == count)
        report("parse + FetchedMessage + MailCore.Envelope", converted, count: count, megabytes: megabytes)
        print("(\(events) events per run)")
    }

    static func report(_ label: String, _ time: (cpu: Double, wall: Double), count: Int, megabytes: Double) {
        let padded = label.padding(toLength: 44, withPad: " ", startingAt: 0)
        print(padded + String(format: " CPU %6.3f s (wall %6.3f s)  %9.0f messages/s  %6.1f MB/s", time.cpu, time.wall,
                              Double(count) / time.cpu, megabytes / time.cpu))
    }

    // MARK: - Against Dovecot

    static func fetch(folder: String, user: String, password: String) async throws {
        let stack = try MailStack.required()
        let settings = IMAPSettings(
            host: stack.host, port: stack.imapsPort,
            connection: ConnectionOptions(security: .tls, caFile: stack.caFile.path, readTimeout: .seconds(300)),
            credentials: IMAPCredentials(username: user, secret: .password(password)))

        // The newest 50 envelopes, from nothing: connect, TLS, login, SELECT, FETCH by sequence number.
        let start = ContinuousClock.now
        let session = try await IMAPConnection.connect(settings)
        let connected = ContinuousClock.now
        let mailbox = try await session.select(session.mailboxName(folder), readOnly: true)
        let selected = ContinuousClock.now
        let count = mailbox.messageCount
        guard count > 0 else {
            print("\(folder) is empty: fill it with scripts/mailstack fill")
            return
        }
        let newest = SequenceSet(UInt32(max(1, count - 49))...UInt32(count))
        let collector = Counter()
        try await session.fetch(sequenceNumbers: newest, items: FetchAttribute.envelopeItems) { collector.add($0.count) }
        let firstFifty = ContinuousClock.now
        print(String(format: "newest 50 of %d: %.3f s from connect (connect+TLS+login %.3f, SELECT %.3f, FETCH %.3f)",
                     count, seconds(firstFifty - start), seconds(connected - start), seconds(selected - connected),
                     seconds(firstFifty - selected)))

        for (label, batch) in [("one UID FETCH 1:*", nil as Int?), ("batches of 5,000, 4 in flight", 5000)] {
            let counter = Counter()
            let began = ContinuousClock.now
            let outcome = try await session.fetch(.all, items: FetchAttribute.envelopeItems, batchSize: batch) { group in
                counter.add(group.count)
            }
            let elapsed = seconds(ContinuousClock.now - began)
            print(String(format: "%@: %d messages in %.3f s (%.0f messages/s)", label as NSString, outcome.messageCount,
                         elapsed, Double(outcome.messageCount) / elapsed))
        }
        let began = ContinuousClock.now
        let counter = Counter()
        try await session.fetch(.all, items: FetchAttribute.envelopeItems) { group in
            for message in group { if message.envelope?.mailEnvelope().subject != nil { counter.add(1) } }
        }
        let elapsed = seconds(ContinuousClock.now - began)
        print(String(format: "one UID FETCH 1:* with MailCore envelopes: %d in %.3f s", counter.value, elapsed))
        await session.logout()
    }
}

/// A count updated from `@Sendable` handlers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    func add(_ count: Int) { lock.withLock { total += count } }
    var value: Int { lock.withLock { total } }
}
