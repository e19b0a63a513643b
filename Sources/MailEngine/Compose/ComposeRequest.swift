import Foundation
import MailCore
import TernConfig

/// What `tern compose` and a `mailto:` argument ask for, before it becomes a ``Draft``:
/// address fields as typed (aliases allowed), a subject, files to attach (globs allowed), an
/// initial body, a sender identity, and a `mailto:` URL.
public struct ComposeRequest: Sendable, Hashable {
    /// `--to` values, each a comma-separated field.
    public var to: [String] = []
    /// `--cc` values.
    public var cc: [String] = []
    /// `--bcc` values.
    public var bcc: [String] = []
    /// `--subject`.
    public var subject: String?
    /// `--attach` paths or glob patterns.
    public var attachments: [String] = []
    /// The initial text (`--body-file`).
    public var body: String?
    /// `--from`: an identity's address or name.
    public var from: String?
    /// A `mailto:` URL.
    public var mailto: String?

    /// An empty request.
    public init() {}

    /// Why a request cannot become a draft.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong and what to do.
        public var message: String

        public var description: String { message }
    }

    /// The draft this request starts, and warnings (ignored `mailto:` fields).
    ///
    /// The `mailto:` URL's fields come first; `--to`, `--cc`, `--bcc` add to them and `--subject`
    /// replaces its subject.
    ///
    /// - Parameters:
    ///   - starter: the account's starter (identity, signature, layout).
    ///   - reader: how address fields are read (aliases).
    ///   - directory: where relative attachment paths start.
    /// - Throws: ``Failure`` naming the option and the problem.
    public func draft(starter: DraftStarter, reader: AddressFieldReader,
                      directory: String = FileManager.default.currentDirectoryPath) throws -> (draft: Draft, warnings: [String]) {
        var url = MailtoURL()
        if let mailto {
            do {
                url = try MailtoURL.parse(mailto)
            } catch {
                throw Failure(message: "\(error)")
            }
        }
        func read(_ fields: [String], option: String) throws -> [Address] {
            var result: [Address] = []
            for field in fields {
                do {
                    result += try reader.read(field, field: option)
                } catch {
                    throw Failure(message: "\(error)")
                }
            }
            return result
        }
        let to = url.to + (try read(to, option: "--to"))
        let cc = url.cc + (try read(cc, option: "--cc"))
        let bcc = url.bcc + (try read(bcc, option: "--bcc"))
        var files: [DraftAttachment] = []
        for pattern in attachments {
            do {
                files += try AttachmentPaths.attachments(for: pattern, relativeTo: directory)
            } catch {
                throw Failure(message: "--attach: \(error)")
            }
        }
        let text = [url.body, body].compactMap { $0 }.joined(separator: "\n")
        var draft = starter.new(to: Self.unique(to), cc: Self.unique(cc), bcc: Self.unique(bcc),
                                subject: subject ?? url.subject ?? "", body: text.isEmpty ? nil : text, attachments: files)
        draft.inReplyTo = url.inReplyTo
        draft.references = url.references
        if let from {
            let identities = starter.account.identities
            guard let identity = identities.first(where: { $0.name == from || $0.address.address.lowercased() == from.lowercased() }) else {
                let known = identities.map { identity in
                    identity.name.map { "\($0) (\(identity.address.address))" } ?? identity.address.address
                }
                throw Failure(message: "--from \(TextSanitizer.headerText(from)) is not an identity of account \"\(starter.account.name)\"; "
                    + "it has: \(known.joined(separator: ", "))")
            }
            draft.from = identity.address
        }
        return (draft, url.warnings)
    }

    static func unique(_ addresses: [Address]) -> [Address] {
        var seen = Set<String>()
        return addresses.filter { seen.insert($0.comparisonKey).inserted }
    }
}

/// Where the command line finds a `mailto:` URL: `tern mailto:bob@example.org?subject=hi` is
/// `tern compose mailto:...` (as a desktop's "open with" or `xdg-email` runs it).
public enum MailtoArguments {
    /// The options of the root command that take a value (their value is not the URL).
    static let rootOptionsWithValues: Set<String> = ["--config", "--account"]

    /// `arguments` (without the program name) with `compose` put in front when the first
    /// argument that is not an option is a `mailto:` URL.
    public static func rewrite(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { index += 1; break }
            if argument.hasPrefix("-") {
                index += rootOptionsWithValues.contains(argument) ? 2 : 1
                continue
            }
            break
        }
        guard index < arguments.count, MailtoURL.isMailto(arguments[index]) else { return arguments }
        return ["compose"] + arguments
    }
}
