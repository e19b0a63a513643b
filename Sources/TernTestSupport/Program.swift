import Foundation

/// What a program printed and how it ended.
public struct ProgramOutput: Sendable {
    /// The exit status (128 + the signal number when a signal ended it).
    public var status: Int32
    /// Standard output as UTF-8 (invalid bytes replaced).
    public var stdout: String
    /// Standard error as UTF-8 (invalid bytes replaced).
    public var stderr: String
}

/// Finds and runs the package's programs (`tern`, scripts) from tests.
public enum Program {
    /// The package root: the nearest folder above this file that holds Package.swift.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The built `tern`: next to the test bundle, else `.build/debug/tern` of the package.
    /// - Throws: ``ProgramError`` saying how to build it when it is not there.
    public static func ternPath() throws -> String { try builtProduct("tern") }

    /// A built executable product of the package (`tern`, `TerminalKitDemo`), next to the test bundle
    /// or in `.build/debug`.
    /// - Throws: ``ProgramError`` saying how to build it when it is not there.
    public static func builtProduct(_ name: String) throws -> String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path,
            packageRoot.appendingPathComponent(".build/debug/\(name)").path,
        ]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ProgramError("\(name) is not built (looked in \(candidates)); run `swift build --product \(name)`")
        }
        return path
    }

    /// Runs `path` with `arguments` and waits for it to end.
    ///
    /// Standard input, output and error are temporary files, not pipes: the end of a pipe comes only
    /// when every process holding its write end has closed it, and a program another test starts at
    /// the same moment may inherit that end and live on (a tmux server, a `sleep`), so reading a pipe
    /// to its end could wait for an unrelated program.
    /// - Parameters:
    ///   - input: Standard input (empty when nil).
    ///   - environment: The whole environment (this process's when nil).
    ///   - directory: The working folder (this process's when nil).
    ///   - mergeErrors: Standard error goes to standard output (as a terminal shows both).
    /// - Throws: What starting the program throws.
    public static func run(_ path: String, _ arguments: [String], input: Data? = nil,
                           environment: [String: String]? = nil, directory: URL? = nil,
                           mergeErrors: Bool = false) throws -> ProgramOutput {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tern-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inURL = scratch.appendingPathComponent("in"), outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        try (input ?? Data()).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let stdin = try FileHandle(forReadingFrom: inURL)
        let stdout = try FileHandle(forWritingTo: outURL)
        let stderr = try FileHandle(forWritingTo: errURL)
        defer { try? stdin.close(); try? stdout.close(); try? stderr.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = mergeErrors ? stdout : stderr
        try process.run()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ProgramOutput(status: status,
                             stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
                             stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}

/// A program could not be found or run.
public struct ProgramError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    public let description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
