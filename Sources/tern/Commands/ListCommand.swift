import ArgumentParser
import Foundation
import MailCore
import MailEngine

/// `tern list`: List the messages in a folder, newest first.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the messages in a folder, newest first.",
        discussion: """
            Columns: uid, flags (N unread, ! flagged, r answered, D deleted, d draft, @ attachment), \
            date, sender, subject. The uid names the message in `tern read`, `tern flag`, `tern move` \
            and `tern delete`.

            --search takes the query language of the / prompt, e.g.
              from:bob subject:"lunch plans" is:unread after:2026-01-01 noodles
            Words match the subject, senders and recipients; body:WORD searches the \
            message text; has:attachment, is:flagged and before:DATE filter too.

            --json prints [{"uid", "date", "from": [{"name", "address"}], "subject", "flags", "size", \
            "has_attachments", "message_id"}]; dates are ISO 8601 in UTC.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: AccountOptions
    @OptionGroup var folderOption: FolderOption

    @Option(name: .long, help: ArgumentHelp("Show at most this many messages (0 for all).", valueName: "n"))
    var limit: Int = 50

    @Option(name: .long, help: ArgumentHelp("Only messages matching this query.", valueName: "query"))
    var search: String?

    @ArgumentParser.Flag(name: .long, help: "Print the messages as a JSON array.")
    var json = false

    mutating func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or a positive number.") }
    }

    mutating func run() async throws {
        var query: SearchQuery?
        if let search {
            do {
                query = try SearchQuery.parse(search)
            } catch {
                throw CommandError("--search: \(error)")
            }
        }
        let session = try AccountSession.open(options, global: global)
        let backend = session.backend
        let folder = try await session.folder(folderOption.folder)
        // One page needs only the newest messages; a search or every message needs them all.
        if query == nil, limit > 0 {
            try await session.syncNewest(folder, count: limit)
        } else {
            try await session.sync(folder)
        }
        let count = limit == 0 ? Int.max : limit
        let summaries = try await session.run {
            try await backend.summaries(in: folder, order: .newestFirst, range: 0 ..< count, filter: query)
        }
        await backend.close()
        if json {
            try JSONOutput.print(summaries.map(MessageRow.init))
            return
        }
        if summaries.isEmpty {
            print(query == nil ? "\(folder) is empty." : "No message in \(folder) matches.")
            return
        }
        let own = Set(session.account.identities.map(\.address.comparisonKey))
        for line in MessageTable(width: DisplayWidth.terminalColumns(), ownAddresses: own).render(summaries) { print(line) }
    }
}
