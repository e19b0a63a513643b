import ArgumentParser
import Foundation
import MailCore
import MailEngine
import MailStore
import TernConfig
import Transport

/// `tern outbox`: list, send, show, retry or delete the messages waiting in the outbox.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List, send, retry or delete the messages waiting in the outbox.",
        discussion: """
            Every message goes through the account's outbox ($XDG_DATA_HOME/tern/ACCOUNT/outbox). \
            It stays there while it is queued (not sent yet: retried with a growing delay), failed \
            (refused for good, with the server's words) or sent with its Sent copy still to be made \
            (never sent again). Without --account, every account is shown.
            """,
        subcommands: [OutboxList.self, OutboxFlush.self, OutboxShow.self, OutboxEdit.self, OutboxRetry.self,
                      OutboxDelete.self],
        defaultSubcommand: OutboxList.self
    )
}

/// The outboxes a command works on.
struct OutboxSelection: ParsableArguments {
    /// `--account` (see ``AccountOption`` for why it is a shared group).
    @OptionGroup var accountOption: AccountOption
    var account: String? { accountOption.account }

    /// The chosen accounts with their outboxes.
    func outboxes(global: GlobalOptions, environment: [String: String]) throws -> [(Account, Outbox)] {
        let config = try SendSupport.configuration(global: global, environment: environment)
        var accounts = config.accounts
        if let account {
            guard let chosen = config.account(named: account) else {
                throw SendSupport.fail("no account \"\(account)\" in \(config.file) (accounts: "
                    + config.accounts.map(\.name).joined(separator: ", ") + ")", status: ExitCode.validationFailure)
            }
            accounts = [chosen]
        }
        return accounts.map { ($0, AccountSending.outbox(for: $0, environment: environment)) }
    }

    /// The entry `id` (or a prefix of it) in the chosen outboxes.
    func find(_ id: String, global: GlobalOptions, environment: [String: String]) throws -> (Account, Outbox, OutboxEntry) {
        var found: [(Account, Outbox, OutboxEntry)] = []
        for (account, outbox) in try outboxes(global: global, environment: environment) {
            if let entry = try? outbox.entry(matching: id) { found.append((account, outbox, entry)) }
        }
        guard found.count == 1 else {
            throw SendSupport.fail(found.isEmpty ? "no outbox message \"\(id)\" (see `tern outbox`)"
                : "\"\(id)\" matches messages of several accounts: add --account", status: ExitCode.validationFailure)
        }
        return found[0]
    }
}

/// `tern outbox list [--json]`.
struct OutboxList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List queued, failed and sent-but-not-copied messages.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: OutboxSelection

    @ArgumentParser.Flag(name: .long, help: "Print a JSON array of entries (with their account).")
    var json = false

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var rows: [OutboxEntry] = []
        var problems: [String] = []
        for (account, outbox) in try selection.outboxes(global: global, environment: environment) {
            let listing = try outbox.listing()
            rows += listing.entries
            problems += listing.damaged.map { "\(account.name): \($0)" }
            problems += listing.orphans.map { "\(account.name): a message without its entry (never sent on its own): \($0)" }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else if rows.isEmpty {
            print("The outbox is empty.")
        } else {
            for entry in rows { print(Self.describe(entry)) }
        }
        for problem in problems { SendSupport.printError(problem) }
    }

    /// Two or three lines about an entry.
    static func describe(_ entry: OutboxEntry) -> String {
        let status: String
        switch entry.status {
        case .queued:
            if entry.attempts == 0 {
                status = "queued"
            } else if let next = entry.nextAttempt, next < Date.distantFuture.addingTimeInterval(-86_400) {
                status = "queued, \(entry.attempts) attempt\(entry.attempts == 1 ? "" : "s"), next after \(SendSupport.time(next))"
            } else {
                status = "held until `tern outbox flush` (\(entry.attempts) attempt\(entry.attempts == 1 ? "" : "s"))"
            }
        case .failed: status = "FAILED"
        case .sentCopyPending: status = "sent \(entry.sentAt.map(SendSupport.time) ?? ""), Sent copy pending"
        }
        let subject = TextSanitizer.headerText(entry.subject.isEmpty ? "(no subject)" : entry.subject)
        var lines = ["\(entry.id)  \(entry.account)  \(status)",
                     "    \"\(subject)\" to \(entry.recipients.joined(separator: ", "))"]
        if let error = entry.lastError {
            lines.append("    \(entry.lastErrorStep.map { "\($0): " } ?? "")\(TextSanitizer.headerText(error))")
        }
        if let note = entry.note { lines.append("    note: \(TextSanitizer.headerText(note))") }
        return lines.joined(separator: "\n")
    }
}

/// `tern outbox flush`.
struct OutboxFlush: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flush",
        abstract: "Send every queued message now and retry pending Sent copies.",
        discussion: "Exit status: 0 all sent; 75 some stay queued; 1 some failed.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: OutboxSelection

    /// `--trace`, `--trace-file PATH`.
    @OptionGroup var traceOptions: TraceOptions

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var status: Int32 = 0
        var tried = 0
        for (account, outbox) in try selection.outboxes(global: global, environment: environment) {
            guard !(try outbox.entries()).isEmpty else { continue }
            let trace = try traceOptions.makeTrace()
            let sender: OutboxSender
            do {
                sender = try AccountSending.sender(for: account, environment: environment,
                                                   trace: trace)
            } catch {
                SendSupport.printError(error.description)
                status = max(status, 1)
                continue
            }
            for result in try await sender.flush() {
                if case .skipped(let why) = result.outcome {
                    if result.entry.status != .failed {
                        SendSupport.printError("\(result.entry.id): \(why)")
                        status = max(status, SendSupport.temporaryFailureStatus)
                    }
                    continue
                }
                tried += 1
                print("\(result.entry.id) (\(account.name), \"\(TextSanitizer.headerText(result.entry.subject))\"):")
                let code = SendSupport.report(result, accountName: account.name)
                status = code == 1 ? 1 : max(status == 1 ? 1 : status, code)
            }
        }
        if tried == 0 { print("Nothing to send.") }
        if status != 0 { throw ExitCode(status) }
    }
}

/// `tern outbox show ID`.
struct OutboxShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print an outbox message as it will be sent, with its envelope.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: OutboxSelection

    @Argument(help: ArgumentHelp("The message's id (or its start), as `tern outbox` shows it.", valueName: "id"))
    var id: String

    mutating func run() async throws {
        let (_, outbox, entry) = try selection.find(id, global: global, environment: ProcessInfo.processInfo.environment)
        print(OutboxList.describe(entry))
        print("    envelope: from <\(entry.sender)> to " + entry.recipients.map { "<\($0)>" }.joined(separator: " "))
        if !entry.bcc.isEmpty { print("    bcc: " + entry.bcc.joined(separator: ", ")) }
        print("")
        let text = String(decoding: try outbox.message(of: entry), as: UTF8.self)
        print(TextSanitizer.bodyText(text))
    }
}

/// `tern outbox retry ID`.
struct OutboxRetry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue a failed message again and send it now.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: OutboxSelection

    @Argument(help: ArgumentHelp("The message's id (or its start).", valueName: "id"))
    var id: String

    /// `--trace`, `--trace-file PATH`.
    @OptionGroup var traceOptions: TraceOptions

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let (account, outbox, entry) = try selection.find(id, global: global, environment: environment)
        guard entry.status != .sentCopyPending else {
            throw SendSupport.fail("\(entry.id) was sent already; `tern outbox flush` retries its Sent copy",
                                   status: ExitCode.validationFailure)
        }
        // The same as `r` in the UI's outbox view: under the outbox lock, and a message held while it
        // was edited in the UI loses that note.
        do {
            try await OutboxQueue(outbox: outbox).retry(entry.id)
        } catch let refusal as OutboxQueue.Refusal {
            throw SendSupport.fail(refusal.description, status: ExitCode.validationFailure)
        }
        let trace = try traceOptions.makeTrace()
        let sender: OutboxSender
        do {
            sender = try AccountSending.sender(for: account, environment: environment,
                                               trace: trace)
        } catch {
            throw SendSupport.fail(error.description, status: SendSupport.configErrorStatus)
        }
        let results = try await sender.flush()
        guard let result = results.first(where: { $0.entry.id == entry.id }) else { return }
        let status = SendSupport.report(result, accountName: account.name)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `tern outbox delete ID`.
struct OutboxDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Remove a message from the outbox without sending it.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: OutboxSelection

    @Argument(help: ArgumentHelp("The message's id (or its start).", valueName: "id"))
    var id: String

    mutating func run() async throws {
        let (account, outbox, entry) = try selection.find(id, global: global, environment: ProcessInfo.processInfo.environment)
        let lock = try await outbox.lock(wait: .seconds(10))
        defer { lock.release() }
        try outbox.remove(entry)
        let what = entry.status == .sentCopyPending ? " (it was sent; its Sent copy will not be made)" : ""
        print("Deleted \(entry.id) from the outbox of \(account.name)\(what).")
    }
}

/// `tern outbox edit ID`.
struct OutboxEdit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit a queued or failed message in $VISUAL or $EDITOR, then queue it again.",
        discussion: """
            The message opens with its Bcc field, so every recipient can be changed; on save, the \
            envelope is taken again from To, Cc and Bcc (as with `tern send --raw`) and the Bcc field \
            is removed. Quitting the editor without saving changes nothing.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: OutboxSelection

    @Argument(help: ArgumentHelp("The message's id (or its start).", valueName: "id"))
    var id: String

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let (account, outbox, entry) = try selection.find(id, global: global, environment: environment)
        guard entry.status != .sentCopyPending else {
            throw SendSupport.fail("\(entry.id) was sent already and cannot be edited", status: ExitCode.validationFailure)
        }
        let lock = try await outbox.lock(wait: .seconds(10))
        defer { lock.release() }
        let original = try outbox.message(of: entry)
        let draft = FileManager.default.temporaryDirectory.appendingPathComponent("tern-outbox-\(entry.id)-\(UUID()).eml")
        let withBcc = OutboxEdit.addingBcc(entry.bcc, to: original)
        guard FileManager.default.createFile(atPath: draft.path, contents: Data(withBcc),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw SendSupport.fail("cannot write \(draft.path) for editing", status: ExitCode.failure)
        }
        defer { try? FileManager.default.removeItem(at: draft) }
        let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "editor", draft.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SendSupport.fail("the editor exited with status \(process.terminationStatus); nothing changed",
                                   status: ExitCode.failure)
        }
        let edited = [UInt8](FileManager.default.contents(atPath: draft.path) ?? Data())
        guard edited != withBcc else {
            print("No change; \(entry.id) stays as it was.")
            return
        }
        let message: OutgoingMessage
        do {
            message = try RawMessage.prepare(edited, fallbackSender: account.from.asciiAddress)
        } catch {
            throw SendSupport.fail("\(error.description) The outbox message was not changed.", status: ExitCode.validationFailure)
        }
        let updated = try outbox.replaceMessage(of: entry, with: message.bytes, OutboxSubmission(
            account: account.name, sender: message.sender, recipients: message.recipients, bcc: message.bcc,
            allowPartial: entry.allowPartial, subject: message.subject, messageID: message.messageID))
        print("Edited \(updated.id); it is queued again: `tern outbox flush` sends it.")
    }

    /// The message with its Bcc field back, for editing.
    static func addingBcc(_ bcc: [String], to message: [UInt8]) -> [UInt8] {
        guard !bcc.isEmpty else { return message }
        let fields = Array("Bcc: \(bcc.joined(separator: ", "))\r\n".utf8)
        return fields + message
    }
}
