import Foundation
import MailCore
import TernConfig

/// The signature: read from `signature_file` or the output of `signature_command`, and laid out
/// below a `-- ` separator line (RFC 3676 §4.3).
public enum Signature {
    /// The signature's text, without trailing blank lines; empty when the source gives nothing.
    ///
    /// - Throws: ``ComposeError/signature(_:)`` when the file cannot be read, or the command
    ///   cannot run, fails or takes longer than `timeout`.
    public static func load(_ source: SignatureSource, timeout: Duration = .seconds(10)) throws -> String {
        let bytes: [UInt8]
        switch source {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ComposeError.signature("The signature file \(path) cannot be read: "
                    + (FileManager.default.fileExists(atPath: path) ? "check its permissions" : "it does not exist")
                    + "; fix signature_file in the config.")
            }
            bytes = [UInt8](data)
        case .command(let command):
            let output: ShellCommand.Output
            do {
                output = try ShellCommand(command: command, timeout: timeout).run()
            } catch let failure as ShellCommand.LaunchFailure {
                throw ComposeError.signature("The signature command cannot run: \(failure.reason).")
            }
            if output.timedOut {
                throw ComposeError.signature("The signature command took longer than \(timeout) and was stopped; "
                    + "fix signature_command in the config.")
            }
            guard output.status == 0 else {
                let detail = output.firstErrorLine.isEmpty ? "" : ": \(TextSanitizer.headerText(output.firstErrorLine))"
                throw ComposeError.signature("The signature command failed (exit status \(output.status))\(detail); "
                    + "fix signature_command in the config.")
            }
            bytes = output.standardOutput
        }
        var text = String(decoding: bytes, as: UTF8.self)
        text = TextSanitizer.bodyText(text)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The signature's lines below its separator: `-- ` then the text, unless the text already
    /// starts with a separator (or `dashes` is off). Empty for an empty signature.
    public static func lines(_ signature: String, dashes: Bool) -> [String] {
        guard !signature.isEmpty else { return [] }
        let lines = signature.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if !dashes || lines.first == "-- " || lines.first == "--" {
            return lines.first == "--" ? ["-- "] + lines.dropFirst() : lines
        }
        return ["-- "] + lines
    }
}
