// BenchSMTP: what `scripts/bench smtp` runs. Sends COUNT messages of SIZE bytes over one SMTP
// connection (STARTTLS and AUTH first), once with PIPELINING and once without, and prints messages
// per second with the time split between the client's CPU and waiting on the server. Also times
// the sans-I/O client alone on canned replies, to show what the protocol code itself costs.
//
//   BenchSMTP HOST PORT CA_FILE USER PASSWORD RECIPIENT [COUNT] [SIZE] [RTT_MS...]
//
// For each round-trip time (default 0, meaning plain loopback) the two runs go through a proxy
// that delays every chunk by half of it in each direction, as a distant server would.
import Foundation
import NIOCore
import SMTP
import Transport

#if canImport(Glibc)
import Glibc
#endif

/// CPU time of the whole process (every thread: event loop, TLS, the client), in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A message of about `size` bytes: header and lines of text (some starting with a dot).
func makeMessage(number: Int, size: Int, sender: String, recipient: String) -> [UInt8] {
    var text = "From: \(sender)\r\nTo: \(recipient)\r\nSubject: bench \(number)\r\n"
        + "Message-ID: <bench-\(number)-\(UUID().uuidString)@example.test>\r\n\r\n"
    let line = "The quick brown fox jumps over the lazy dog, message \(number), line "
    var index = 0
    while text.utf8.count < size {
        text += (index % 50 == 0 ? "." : "") + line + "\(index)\r\n"
        index += 1
    }
    return Array(text.utf8)
}

guard CommandLine.arguments.count >= 7 else {
    FileHandle.standardError.write(Data("usage: BenchSMTP HOST PORT CA_FILE USER PASSWORD RECIPIENT [COUNT] [SIZE]\n".utf8))
    exit(64)
}
let arguments = CommandLine.arguments
let host = arguments[1]
let port = Int(arguments[2]) ?? 587
let caFile = arguments[3]
let user = arguments[4]
let password = arguments[5]
let recipient = arguments[6]
let count = arguments.count > 7 ? Int(arguments[7]) ?? 200 : 200
let size = arguments.count > 8 ? Int(arguments[8]) ?? 20480 : 20480
let roundTrips = arguments.count > 9 ? arguments[9...].compactMap { Double($0) } : [0]
let sender = user.contains("@") ? user : "\(user)@example.test"
let messages = (0..<count).map { makeMessage(number: $0, size: size, sender: sender, recipient: recipient) }
let envelope = SMTPEnvelope(sender: sender, recipients: [recipient])
let totalBytes = messages.reduce(0) { $0 + $1.count }

// 1. The sans-I/O client alone: every command, reply and byte of data, no network.
do {
    let replies = Array("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n".utf8)
    let final = Array("250 2.0.0 Ok: queued as 4ABCDEF\r\n".utf8)
    var client = SMTPClient(isTLSActive: true)
    client.receive(Array("220 bench ESMTP\r\n".utf8))
    _ = try client.nextEvent(); _ = try client.nextEvent()
    _ = client.hello(domain: "[127.0.0.1]")
    client.receive(Array("250-bench\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250 8BITMIME\r\n".utf8))
    while let event = try client.nextEvent() { if case .hello = event { break } }
    var out: [UInt8] = []
    out.reserveCapacity(size * 2)
    let cpu0 = processCPUSeconds()
    let clock = ContinuousClock()
    let start = clock.now
    for message in messages {
        let traits = SMTPMessageTraits(scanning: message)
        _ = try client.beginTransaction(envelope, traits: traits)
        client.receive(replies)
        while let event = try client.nextEvent() { if case .readyForMessage = event { break } }
        out.removeAll(keepingCapacity: true)
        client.encodeMessage(message, into: &out)
        _ = client.endMessage()
        client.receive(final)
        while let event = try client.nextEvent() { if case .transactionFinished = event { break } }
    }
    let wall = seconds(clock.now - start)
    let cpu = processCPUSeconds() - cpu0
    print(String(format: "sans-I/O client alone: %d messages of %d bytes in %.1f ms (%.1f µs CPU per message, %.0f MB/s)",
                 count, size, wall * 1000, cpu / Double(count) * 1e6, Double(totalBytes) / 1e6 / max(wall, 1e-9)))
}

// 2. Against the server, with and without PIPELINING, at each round-trip time.
for rtt in roundTrips {
    var targetPort = port
    if rtt > 0 {
        targetPort = try await DelayProxy.start(targetHost: host, targetPort: port,
                                                oneWayDelay: .microseconds(Int64(rtt * 500)))
    }
    print(rtt > 0 ? String(format: "round trip %.0f ms (delaying proxy):", rtt) : "round trip: loopback")
    // Alternated, so that a change in the machine's load does not favour one of the two.
    for pipelining in rtt > 0 ? [true, false] : [true, false, true, false] {
        let settings = SMTPSettings(
            host: host, port: targetPort,
            connection: ConnectionOptions(security: port == 465 || port == 1465 ? .tls : .startTLS, caFile: caFile),
            credentials: SMTPCredentials(username: user, secret: .password(password)), usePipelining: pipelining)
        let session = try await SMTPConnection.connect(settings)
        // One message first so that the measured loop starts on a warm connection.
        _ = try await session.send(messages[0], envelope: envelope)
        let clock = ContinuousClock()
        let cpu0 = processCPUSeconds()
        let start = clock.now
        var accepted = 0
        for message in messages {
            if try await session.send(message, envelope: envelope).isAccepted { accepted += 1 }
        }
        let wall = seconds(clock.now - start)
        let cpu = processCPUSeconds() - cpu0
        await session.quit()
        let label = pipelining ? "  with PIPELINING   " : "  without PIPELINING"
        let cpuLabel = rtt > 0 ? "client and proxy CPU" : "client CPU"
        print(String(format: "%@: %d/%d accepted in %.2f s = %.0f messages/s, %.1f MB/s; %@ %.2f s (%.0f%%), "
                     + "waiting on the server %.2f s (%.0f%%); %.2f ms per message",
                     label, accepted, count, wall, Double(count) / wall, Double(totalBytes) / 1e6 / wall, cpuLabel, cpu,
                     cpu / wall * 100, max(0, wall - cpu), max(0, wall - cpu) / wall * 100, wall / Double(count) * 1000))
    }
}
