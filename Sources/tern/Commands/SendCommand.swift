import ArgumentParser
import Foundation
import MailCore
import MailEngine
import MailStore
import SMTP
import TernConfig
import Transport

/// `tern send`: compose and send a message, or send a complete message as it is.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Compose and send a message, or send a complete message as it is.",
        discussion: """
            The message goes to the account's outbox first (fsynced), then to the server; it leaves \
            the outbox only once the server accepted it and the Sent copy is stored. A message that \
            cannot go now stays queued: `tern outbox` lists it, `tern outbox flush` retries.

            Examples:
              tern send --to bob@example.org --subject Hello < body.txt
              tern send --to "Bob <bob@example.org>, ann@example.org" \\
                        --subject Report --attach report.pdf --body-file body.txt
              tern send --raw < message.eml
            With --raw the recipients come from To, Cc and Bcc, and Bcc is removed.

            Exit status: 0 the server accepted the message (with --partial: at least one recipient \
            got it; the refused ones are printed); 75 not sent for now, it stays queued and is \
            retried; 1 refused or failed, it stays in the outbox; 64 bad arguments; 78 config errors.
            """
    )

    @OptionGroup var global: GlobalOptions

    /// `--account` (see ``AccountOption`` for why it is a shared group).
    @OptionGroup var accountOption: AccountOption
    var account: String? { accountOption.account }

    @Option(name: .long, help: ArgumentHelp("A recipient; repeat it or give a comma-separated list.", valueName: "address"))
    var to: [String] = []

    @Option(name: .long, help: ArgumentHelp("A copy recipient; repeatable.", valueName: "address"))
    var cc: [String] = []

    @Option(name: .long, help: ArgumentHelp("A blind copy recipient (not in the message); repeatable.", valueName: "address"))
    var bcc: [String] = []

    @Option(name: .long, help: ArgumentHelp("The subject (UTF-8 is fine).", valueName: "text"))
    var subject: String?

    @Option(name: .long, help: ArgumentHelp("A file to attach; repeatable.", valueName: "file"))
    var attach: [String] = []

    @Option(name: .customLong("body-file"), help: ArgumentHelp("Read the body from this file instead of standard input.",
                                                                  valueName: "file"))
    var bodyFile: String?

    @Option(name: .long, help: ArgumentHelp("Send as this identity of the account (its address).", valueName: "address"))
    var from: String?

    @ArgumentParser.Flag(name: .long, help: "Send a complete message from standard input as it is.")
    var raw = false

    @ArgumentParser.Flag(name: .long, help: "Only put the message in the outbox; `tern outbox flush` sends it.")
    var queue = false

    @ArgumentParser.Flag(name: .long, help: "When some recipients are refused, still send to the others.")
    var partial = false

    /// `--trace`, `--trace-file PATH`.
    @OptionGroup var traceOptions: TraceOptions

    func validate() throws {
        if raw {
            if !to.isEmpty || !cc.isEmpty || !bcc.isEmpty || subject != nil || !attach.isEmpty || bodyFile != nil
                || from != nil {
                throw ValidationError("--raw sends the message on standard input as it is: it takes no --to, --cc, "
                    + "--bcc, --subject, --attach, --body-file or --from (put them in the message)")
            }
            return
        }
        if to.isEmpty && cc.isEmpty && bcc.isEmpty {
            throw ValidationError("give at least one recipient with --to, --cc or --bcc (or use --raw)")
        }
        if subject == nil { throw ValidationError("give a subject with --subject (it may be empty: --subject \"\")") }
    }

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let account = try SendSupport.account(named: account, global: global, environment: environment)
        let message: OutgoingMessage
        do {
            message = raw ? try rawMessage(account) : try composedMessage(account, environment: environment)
        } catch let error as RawMessage.Problem {
            throw SendSupport.fail(error.description, status: ExitCode.validationFailure)
        } catch let error as BuildError {
            throw SendSupport.fail(error.description, status: ExitCode.validationFailure)
        }
        let trace = try traceOptions.makeTrace()
        let sender: OutboxSender
        do {
            sender = try AccountSending.sender(for: account, environment: environment,
                                               trace: trace)
        } catch {
            throw SendSupport.fail(error.description, status: SendSupport.configErrorStatus)
        }
        let policy: SMTPRecipientPolicy = partial ? .partial : .all
        if queue {
            let entry = try sender.queue(message, policy: policy)
            print("Queued as \(entry.id) in the outbox of \(account.name); `tern outbox flush` sends it.")
            return
        }
        let result: SendResult
        do {
            result = try await sender.send(message, policy: policy)
        } catch let error as OutboxError {
            if case .busy = error {
                throw SendSupport.fail("the message is queued, but \(error); `tern outbox flush` sends it later",
                                       status: SendSupport.temporaryFailureStatus)
            }
            throw SendSupport.fail("the message could not be put in the outbox, so nothing was sent: \(error)",
                                   status: ExitCode.failure)
        }
        let status = SendSupport.report(result, accountName: account.name)
        if status != 0 { throw ExitCode(status) }
    }

    // MARK: - Building the message

    private func rawMessage(_ account: Account) throws -> OutgoingMessage {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        return try RawMessage.prepare([UInt8](input), fallbackSender: account.from.asciiAddress)
    }

    private func composedMessage(_ account: Account, environment: [String: String]) throws -> OutgoingMessage {
        var builder = MessageBuilder(from: try identity(account))
        // Aliases of `alias_files` expand, as in the composer's address fields.
        let general = try SendSupport.configuration(global: global, environment: environment).general
        let (reader, problems) = AddressBook.fieldReader(settings: general)
        problems.forEach(SendSupport.printError)
        builder.to = try Self.addresses(to, option: "--to", reader: reader)
        builder.cc = try Self.addresses(cc, option: "--cc", reader: reader)
        builder.bcc = try Self.addresses(bcc, option: "--bcc", reader: reader)
        builder.subject = subject ?? ""
        builder.text = try body()
        for path in attach {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SendSupport.fail("cannot read the file to attach \"\(path)\": check the path and its permissions",
                                       status: ExitCode.validationFailure)
            }
            builder.attachments.append(.file((path as NSString).lastPathComponent, [UInt8](data)))
        }
        return OutgoingMessage(built: try builder.build(), builder: builder)
    }

    private func identity(_ account: Account) throws -> Address {
        guard let from else { return account.from }
        if let match = account.identities.first(where: { $0.address.address.lowercased() == from.lowercased()
            || $0.name == from }) {
            return match.address
        }
        let known = account.identities.map(\.address.address).joined(separator: ", ")
        throw SendSupport.fail("--from \(from) is not an identity of account \"\(account.name)\" (it has: \(known))",
                               status: ExitCode.validationFailure)
    }

    private func body() throws -> String {
        let data: Data
        if let bodyFile {
            guard let contents = FileManager.default.contents(atPath: bodyFile) else {
                throw SendSupport.fail("cannot read the body file \"\(bodyFile)\": check the path and its permissions",
                                       status: ExitCode.validationFailure)
            }
            data = contents
        } else {
            if isatty(STDIN_FILENO) == 1 {
                FileHandle.standardError.write(Data("tern send: type the body, then Ctrl-D on a line of its own.\n".utf8))
            }
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SendSupport.fail("the body is not UTF-8 text; convert it (iconv) or attach it with --attach instead",
                                   status: ExitCode.validationFailure)
        }
        return text
    }

    /// The addresses of repeated options, each of which may hold a comma-separated list of
    /// addresses and alias keys.
    static func addresses(_ values: [String], option: String, reader: AddressFieldReader = AddressFieldReader()) throws -> [Address] {
        var result: [Address] = []
        for value in values {
            let parsed: [Address]
            do {
                parsed = try reader.read(value, field: option)
            } catch let error as AddressFieldError where error.detail != nil {
                throw SendSupport.fail("\(option): \(error)", status: ExitCode.validationFailure)
            } catch {
                throw SendSupport.fail("\(option) \"\(TextSanitizer.headerText(value))\" is not an address "
                    + "(expected name@example.org, \"Name <name@example.org>\" or an alias of alias_files)", status: ExitCode.validationFailure)
            }
            if parsed.isEmpty {
                throw SendSupport.fail("\(option) \"\(TextSanitizer.headerText(value))\" names no address", status: ExitCode.validationFailure)
            }
            result += parsed
        }
        return result
    }
}

/// Helpers shared by `tern send` and `tern outbox`.
enum SendSupport {
    /// EX_CONFIG (sysexits.h).
    static let configErrorStatus: Int32 = 78
    /// EX_TEMPFAIL (sysexits.h): not sent for now, retried later.
    static let temporaryFailureStatus: Int32 = 75

    /// Prints `message` to standard error with the `tern` prefix and returns the exit to throw.
    static func fail(_ message: String, status: ExitCode) -> ExitCode {
        printError(message)
        return status
    }

    /// Prints `message` to standard error with the `tern` prefix.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("tern: \(message)\n".utf8))
    }

    /// Prints `message` to standard error with the `tern` prefix and returns the exit to throw.
    static func fail(_ message: String, status: Int32) -> ExitCode {
        fail(message, status: ExitCode(status))
    }

    /// The loaded configuration, or exit 78 with its problems.
    static func configuration(global: GlobalOptions, environment: [String: String]) throws -> Configuration {
        do {
            return try ConfigLoader(environment: environment).load(explicitPath: global.explicitConfigPath)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(configErrorStatus)
        }
    }

    /// The account called `name`, or the default one.
    static func account(named name: String?, global: GlobalOptions, environment: [String: String]) throws -> Account {
        let config = try configuration(global: global, environment: environment)
        guard let name else { return config.defaultAccount }
        guard let account = config.account(named: name) else {
            let names = config.accounts.map(\.name).joined(separator: ", ")
            throw fail("no account \"\(name)\" in \(config.file) (accounts: \(names))", status: ExitCode.validationFailure)
        }
        return account
    }

    /// Prints what happened to one message and returns the exit status it calls for.
    static func report(_ result: SendResult, accountName: String) -> Int32 {
        let id = result.entry.id
        switch result.outcome {
        case .sent(let receipt, let copy):
            if receipt.reply.first?.isNumber == true {
                print("Sent: the server accepted it (\(receipt.reply)).")
            } else {
                print("Sent: \(receipt.reply).")
            }
            for refused in receipt.refusedRecipients {
                printError("not delivered to \(refused)")
            }
            print(describe(copy, id: id))
            return 0
        case .sentCopyRetried(let copy):
            print("Already sent; \(describe(copy, id: id))")
            return 0
        case .willRetry(let failure, let date):
            let when = date.map { "it is retried after \(time($0)) or by `tern outbox flush`" }
                ?? "fix the account, then `tern outbox flush` sends it"
            printError("not sent: \(failure). The message stays queued in the outbox of \(accountName) as \(id); \(when)"
                + " (`tern outbox delete \(id)` drops it).")
            return date == nil ? 1 : temporaryFailureStatus
        case .failed(let failure):
            printError("not sent: \(failure). The message is kept in the outbox of \(accountName) as \(id), marked "
                + "failed: `tern outbox retry \(id)` after a fix, or `tern outbox delete \(id)`.")
            return 1
        case .skipped(let why):
            printError("the message was not sent: \(why) (outbox entry \(id))")
            return temporaryFailureStatus
        }
    }

    static func describe(_ copy: SentCopyOutcome, id: String) -> String {
        switch copy {
        case .stored: "Sent copy stored; the message left the outbox."
        case .waiting(let reason): "Sent copy not made yet: \(reason). It stays in the outbox as \(id), marked sent (never sent twice)."
        case .failed(let reason, let date):
            "Sent copy failed (\(reason)); retried after \(time(date)) or by `tern outbox flush` (the message is not sent again)."
        }
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = Calendar.current.isDateInToday(date) ? "HH:mm" : "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
