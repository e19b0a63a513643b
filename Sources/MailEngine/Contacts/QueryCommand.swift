import Foundation
import MailCore

/// An external address-book program in NeoMutt's `query_command` format: `%s` in the command is
/// replaced by the search text (shell-quoted); the program prints a first line for the user
/// (ignored here), then one line per match: `address<TAB>name<TAB>other`.
public struct QueryCommand: Sendable {
    /// One line of the program's output.
    public struct Match: Sendable, Hashable {
        /// The mailbox.
        public var address: Address
        /// The third column (a note, a group), if any.
        public var other: String?
    }

    /// Why the program gave nothing usable.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong.
        public var message: String

        public var description: String { message }
    }

    /// The command as configured.
    public var command: String
    /// The longest it may run.
    public var timeout: Duration

    /// A query command.
    public init(command: String, timeout: Duration = .seconds(10)) {
        self.command = command
        self.timeout = timeout
    }

    /// The command line with `%s` replaced by the quoted search text (the text is appended when
    /// there is no `%s`, as NeoMutt does).
    public func commandLine(for query: String) -> String {
        let quoted = "'" + query.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return command.contains("%s") ? command.replacingOccurrences(of: "%s", with: quoted) : command + " " + quoted
    }

    /// Runs the program for `query`.
    ///
    /// - Throws: ``Failure`` when it cannot start, fails (a non-zero status with no matches) or
    ///   takes too long.
    public func run(_ query: String) throws -> [Match] {
        let output: ShellCommand.Output
        do {
            output = try ShellCommand(command: commandLine(for: query), timeout: timeout, limit: 1 << 20).run()
        } catch let failure as ShellCommand.LaunchFailure {
            throw Failure(message: "query_command cannot run: \(failure.reason)")
        }
        if output.timedOut {
            throw Failure(message: "query_command took longer than \(timeout) and was stopped")
        }
        let matches = Self.parse(String(decoding: output.standardOutput, as: UTF8.self))
        // NeoMutt's tools (abook, khard, lbdbq) exit non-zero when nothing matches.
        if output.status != 0 && matches.isEmpty && !output.firstErrorLine.isEmpty {
            throw Failure(message: "query_command failed (exit status \(output.status)): \(TextSanitizer.headerText(output.firstErrorLine))")
        }
        return matches
    }

    /// The matches in a program's output: the first line skipped, then `address<TAB>name<TAB>other`
    /// lines; lines without a usable address are skipped.
    public static func parse(_ output: String) -> [Match] {
        var matches: [Match] = []
        var seen = Set<String>()
        for line in output.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingBlanks }
            guard let first = columns.first, !first.isEmpty else { continue }
            guard let parsed = Address.parse("<\(first)>") ?? Address.parse(first) else { continue }
            let name = columns.count > 1 && !columns[1].isEmpty ? TextSanitizer.headerText(columns[1]) : parsed.name
            let other = columns.count > 2 && !columns[2].isEmpty ? TextSanitizer.headerText(columns[2]) : nil
            guard seen.insert(parsed.comparisonKey).inserted else { continue }
            matches.append(Match(address: Address(name: name, address: parsed.address), other: other))
        }
        return matches
    }
}
