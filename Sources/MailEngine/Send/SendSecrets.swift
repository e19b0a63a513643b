import Foundation
import TernConfig

/// Resolves the password or token of a ``SecretSource``: the first line a command prints, or an
/// environment variable. (A stand-in until MailEngine/Accounts provides the shared resolver; the
/// errors name the key, never the secret, the command or the variable's value.)
enum SendSecrets {
    /// Why a secret could not be had.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The secret.
    ///
    /// - Throws: ``Failure`` when the variable is unset or empty, or the command fails or prints
    ///   nothing.
    static func resolve(_ source: SecretSource, environment: [String: String]) throws(Failure) -> String {
        if let name = source.environmentVariable {
            guard let value = environment[name], !value.isEmpty else {
                throw Failure(description: "the environment variable named by password_env is not set or empty")
            }
            return value
        }
        guard let command = source.command else { throw Failure(description: "no secret source") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "the password or token command could not be started (\(error.localizedDescription))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errorText.prefix(200), as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map { ": \($0)" } ?? ""
            throw Failure(description: "the password or token command exited with status \(process.terminationStatus)\(said)")
        }
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let secret = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !secret.isEmpty else { throw Failure(description: "the password or token command printed nothing") }
        return secret
    }
}
