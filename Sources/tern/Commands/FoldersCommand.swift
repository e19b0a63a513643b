import ArgumentParser
import Foundation
import MailCore
import MailEngine

/// `tern folders`: List an account's folders with their roles and counts.
struct FoldersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folders",
        abstract: "List an account's folders with their roles and counts.",
        discussion: """
            Each folder is scanned first (a quick look when nothing changed), so counts are current.

            --json prints [{"name", "role", "total", "unread"}]; role is one of inbox, sent, drafts, \
            trash, junk, archive, or null.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: AccountOptions

    @ArgumentParser.Flag(name: .long, help: "Print the folders as a JSON array.")
    var json = false

    /// One row of `--json`.
    struct Row: Encodable {
        var name: String
        var role: String?
        var total: Int?
        var unread: Int?

        enum CodingKeys: String, CodingKey { case name, role, total, unread }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(role, forKey: .role)
            try c.encode(total, forKey: .total)
            try c.encode(unread, forKey: .unread)
        }
    }

    mutating func run() async throws {
        let session = try AccountSession.open(options, global: global)
        let backend = session.backend
        let listed = try await session.run { try await backend.folders() }
        // Local folders are rescanned for their counts; a server's counts come with its folder
        // list (IMAP STATUS), so its folders are synced only when it gave none.
        let local = backend.capabilities.contains(.offline)
        for folder in listed where folder.isSelectable && (local || folder.total == nil) { try await session.sync(folder.path) }
        let folders = try await session.run { try await backend.folders() }
        await backend.close()
        let rows = folders.map { Row(name: $0.path.description, role: $0.role?.rawValue, total: $0.total, unread: $0.unread) }
        if json {
            try JSONOutput.print(rows)
            return
        }
        print(Self.table(rows))
    }

    /// The human table: name, role, total, unread, aligned.
    static func table(_ rows: [Row]) -> String {
        let names = rows.map { TextSanitizer.headerText($0.name) }
        let nameWidth = max(6, names.map(DisplayWidth.of).max() ?? 0)
        var lines = [DisplayWidth.fit("FOLDER", nameWidth) + "  " + DisplayWidth.fit("ROLE", 7) + "   TOTAL  UNREAD"]
        for (row, name) in zip(rows, names) {
            let total = row.total.map(String.init) ?? "?"
            let unread = row.unread.map { $0 == 0 ? "" : String($0) } ?? "?"
            lines.append(DisplayWidth.fit(name, nameWidth) + "  " + DisplayWidth.fit(row.role ?? "", 7) + "  "
                + String(repeating: " ", count: max(0, 6 - total.count)) + total + "  "
                + String(repeating: " ", count: max(0, 6 - unread.count)) + unread)
        }
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }
}
