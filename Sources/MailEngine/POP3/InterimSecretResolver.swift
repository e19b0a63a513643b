import Foundation
import TernConfig

/// Resolves `password_env` / `password_command` for `tern sync` of a POP3 account until the
/// account layer's secret resolution (MailEngine/Accounts) is on main; then this file goes.
///
/// An environment variable's value, or the first line of a command's standard output (run with
/// `/bin/sh -c`, standard input from /dev/null). The secret never appears in an error.
public enum InterimSecretResolver {
    /// Why a secret could not be had.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What went wrong, without the secret.
        public let description: String
    }

    /// The secret from `source` for `account`.
    ///
    /// - Throws: ``Failure`` when the variable is unset or empty, or the command fails or prints
    ///   nothing.
    public static func resolve(_ source: SecretSource, account: String,
                               environment: [String: String]) throws -> String {
        if let name = source.environmentVariable {
            guard let value = environment[name], !value.isEmpty else {
                throw Failure(description: "The password_env variable of account \"\(account)\" is not set or empty:"
                    + " export it before running tern, or use password_command.")
            }
            return value
        }
        guard let command = source.command else {
            throw Failure(description: "Account \"\(account)\" has no password source.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw Failure(description: "The password_command of account \"\(account)\" could not start: \(error).")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "The password_command of account \"\(account)\" failed"
                + " (exit status \(process.terminationStatus)); run it by hand to see why.")
        }
        var line = Array(data.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first ?? [])
        if line.last == 0x0D { line.removeLast() }
        guard !line.isEmpty else {
            throw Failure(description: "The password_command of account \"\(account)\" printed nothing.")
        }
        return String(decoding: line, as: UTF8.self)
    }
}
