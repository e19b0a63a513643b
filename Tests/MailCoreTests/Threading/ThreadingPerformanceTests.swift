import Foundation
import Testing
import MailCore

@Suite("Threading performance")
struct ThreadingPerformanceTests {
    /// Messages in threads of 1 to 20, shuffled; prints the time. 100,000 messages in an optimised
    /// build, 20,000 in a debug build (which is about 20 times slower), to keep the suite quick.
    @Test func manyMessages() {
        #if DEBUG
        let total = 20_000
        #else
        let total = 100_000
        #endif
        var generator = SystemRandomNumberGenerator()
        var messages: [ThreadInput] = []
        messages.reserveCapacity(total)
        var thread = 0
        while messages.count < total {
            let size = Int.random(in: 1...20, using: &generator)
            var ids: [String] = []
            for k in 0..<size where messages.count < total {
                let id = "t\(thread).\(k)@example.test"
                let parent = k == 0 ? nil : ids[Int.random(in: 0..<k, using: &generator)]
                let references = parent.map { [$0] } ?? []
                let subject = k == 0 ? "Thread \(thread)" : "Re: Thread \(thread)"
                messages.append(ThreadInput(index: messages.count, messageID: id, inReplyTo: parent, references: references,
                                            subject: subject, date: Date(timeIntervalSince1970: Double(messages.count))))
                ids.append(id)
            }
            thread += 1
        }
        messages.shuffle(using: &generator)
        let clock = ContinuousClock()
        var forest: ThreadForest?
        var rows: [ThreadRow] = []
        let elapsed = clock.measure {
            forest = Threader.thread(messages)
            rows = forest?.flatten() ?? []
        }
        print("threading \(total) messages and flattening: \(elapsed)")
        #expect(rows.count == total)
        #expect(forest?.roots.count == thread)
        #expect(elapsed < .seconds(30)) // generous: debug builds on a loaded machine
    }
}
