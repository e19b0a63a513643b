import MailCore
import MailEngine

/// Threads a folder's messages for the threaded list, with MailCore's JWZ threader.
enum ThreadingEngine {
    /// The layout of the threads of `rows` and the uid of each message index.
    /// - Parameters:
    ///   - rows: every message of the folder (or of the limit).
    ///   - newestFirst: threads with the newest message first (`reverse-thread`), else last.
    static func layout(_ rows: [ThreadingRow], newestFirst: Bool) -> (layout: any ThreadLayout, uids: [UID]) {
        let inputs = rows.enumerated().map { index, row in
            ThreadInput(index: index, messageID: row.messageID?.value, inReplyTo: row.inReplyTo?.value,
                        references: row.references.map(\.value), subject: row.subject, date: row.date)
        }
        let forest = Threader.thread(inputs, options: ThreadingOptions(threadDate: .newestMessage, newestFirst: newestFirst))
        return (JWZThreadLayout(forest: forest), rows.map(\.uid))
    }
}

/// A ``ThreadLayout`` over MailCore's ``ThreadForest``.
struct JWZThreadLayout: ThreadLayout {
    let forest: ThreadForest

    func lines(collapsed: Set<Int>) -> [ThreadLine] {
        forest.flatten(collapsed: collapsed).map {
            ThreadLine(message: $0.message, prefix: $0.prefix, depth: $0.depth, threadKey: $0.threadKey,
                       isCollapsed: $0.isCollapsed, hiddenCount: $0.hiddenCount)
        }
    }

    func threadMessages(containing message: Int) -> [Int] {
        guard let node = forest.node(forMessage: message) else { return [message] }
        return forest.messages(inThread: forest.root(of: node))
    }
}
