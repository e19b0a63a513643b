import Foundation
import Testing
import MailCore

@Suite("Threading performance")
struct ThreadingPerformanceTests {
    /// 100,000 messages in threads of 1 to 20 with some missing parents, shuffled; prints the time.
    @Test func hundredThousandMessages() {
        var generator = SystemRandomNumberGenerator()
        var messages: [ThreadInput] = []
        messages.reserveCapacity(100_000)
        var thread = 0
        while messages.count < 100_000 {
            let size = Int.random(in: 1...20, using: &generator)
            var ids: [String] = []
            for k in 0..<size where messages.count < 100_000 {
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
        print("threading 100,000 messages and flattening: \(elapsed)")
        #expect(rows.count == 100_000)
        #expect(forest?.roots.count == thread)
        #expect(elapsed < .seconds(30)) // generous: debug builds on a loaded machine
    }
}
