import Foundation
import Testing

/// The import table of ARCHITECTURE.md, enforced: a target may import only what its row allows.
/// Standard modules (Foundation, Glibc, Dispatch, ...) are allowed everywhere except where noted.
enum ImportRules {
    static let system: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Musl", "Darwin",
        "Dispatch", "Synchronization", "_Concurrency", "os", "Android", "WinSDK",
    ]

    /// Target -> modules it may import besides `system`.
    static let allowed: [String: Set<String>] = [
        "MailCore": [],
        "IMAP": ["MailCore"],
        "POP3": ["MailCore"],
        "SMTP": ["MailCore"],
        "Transport": ["MailCore", "IMAP", "POP3", "SMTP", "CZlib", "NIOCore", "NIOPosix", "NIOSSL", "NIOConcurrencyHelpers",
                      "NIOTLS", "NIOFoundationCompat"],
        "MailStore": ["MailCore", "GRDB", "GRDBSQLite"],
        "TernConfig": ["MailCore", "TOMLKit"],
        "MailEngine": ["MailCore", "IMAP", "POP3", "SMTP", "Transport", "MailStore", "TernConfig", "Logging"],
        "TerminalKit": [],
        "TerminalKitDemo": ["TerminalKit"],
        "TernUI": ["TerminalKit", "MailEngine", "TernConfig", "MailCore"],
    ]

    /// Only files under this folder may import CNcurses.
    static let cursesFolder = "Sources/TerminalKit/Backend/"

    /// Targets whose imports are free (wiring and tests).
    static let unrestricted: Set<String> = ["tern", "TernTestSupport", "CNcurses", "CZlib"]
}

struct ImportViolation: CustomStringConvertible {
    let file: String
    let line: Int
    let module: String
    let target: String
    var description: String { "\(file):\(line): target \(target) may not import \(module) (see ARCHITECTURE.md)" }
}

func repositoryRoot() -> URL {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}

/// The modules a Swift source imports, with line numbers (`import X`, `@testable import X`,
/// `import struct X.Y`, `@_exported import X`, `public import X`, `internal import X`).
func imports(in text: String) -> [(line: Int, module: String)] {
    var result: [(Int, String)] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let first = words.first, first.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains(first) {
            words.removeFirst()
        }
        guard words.first == "import", words.count >= 2 else { continue }
        var module = words[1]
        if ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(module), words.count >= 3 {
            module = words[2]
        }
        result.append((index + 1, String(module.split(separator: ".").first ?? "")))
    }
    return result
}

func violations(root: URL) throws -> [ImportViolation] {
    let sources = root.appendingPathComponent("Sources")
    var found: [ImportViolation] = []
    let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
    for case let url as URL in enumerator where url.pathExtension == "swift" {
        let relative = String(url.path.dropFirst(root.path.count + 1))
        let target = relative.split(separator: "/")[1]
        let text = try String(contentsOf: url, encoding: .utf8)
        for (line, module) in imports(in: text) {
            if module == "CNcurses" {
                if !relative.hasPrefix(ImportRules.cursesFolder) {
                    found.append(.init(file: relative, line: line, module: module, target: String(target)))
                }
                continue
            }
            if ImportRules.unrestricted.contains(String(target)) || ImportRules.system.contains(module) { continue }
            let allowed = ImportRules.allowed[String(target)] ?? []
            if !allowed.contains(module) {
                found.append(.init(file: relative, line: line, module: module, target: String(target)))
            }
        }
    }
    return found
}

@Test func everyImportFollowsTheArchitectureTable() throws {
    let found = try violations(root: repositoryRoot())
    #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
}

@Test func everySourceTargetHasARule() throws {
    let root = repositoryRoot()
    let targets = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources").path)
    for target in targets where !target.hasPrefix(".") {
        #expect(ImportRules.allowed[target] != nil || ImportRules.unrestricted.contains(target),
                "Sources/\(target) has no row in the import table")
    }
}

@Test(arguments: [
    ("import Foundation", ["Foundation"]),
    ("@testable import MailCore", ["MailCore"]),
    ("import struct NIOCore.ByteBuffer", ["NIOCore"]),
    ("public import GRDB", ["GRDB"]),
    ("  @_exported import CNcurses", ["CNcurses"]),
    ("let important = 1 // import X", []),
])
func importScannerFindsModules(line: String, expected: [String]) {
    #expect(imports(in: line).map(\.module) == expected)
}

@Test func scannerCatchesCursesOutsideBackend() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-arch-\(UUID().uuidString)")
    let ui = dir.appendingPathComponent("Sources/TernUI")
    try FileManager.default.createDirectory(at: ui, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "import CNcurses\nimport NIOCore\n".write(to: ui.appendingPathComponent("Bad.swift"), atomically: true, encoding: .utf8)
    let found = try violations(root: dir)
    #expect(found.map(\.module) == ["CNcurses", "NIOCore"])
}
