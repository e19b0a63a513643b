import Foundation
import IMAP
import MailCore
import MailEngine
import Testing
import TernConfig
import TernTestSupport
@testable import TernUI

/// The composer's service (what the UI calls) against the real stack: a fresh Dovecot user of its
/// own writes over its IMAP account and sends through Postfix submission. Postponing stores the
/// draft in the server's Drafts folder with \Draft; resuming and sending it removes it there and
/// bob receives it; a reply flags the original \Answered on the server, a forward as attachment
/// $Forwarded, and bob receives both with their threading headers and the attached message.
@Suite(.serialized, .enabled(if: MailStack.shouldRun))
struct ComposerIMAPTests {
    /// The fresh user's account, its backend and a composer over them.
    struct Setup {
        let fixture: IMAPBackendFixture
        let account: String
        let address: String
        let environment: [String: String]
        let service: ComposeService
        let backend: any MailBackend

        static func make() async throws -> Setup {
            let fixture = try IMAPBackendFixture.make("compose")
            let user = fixture.user
            let environment = ["HOME": fixture.directory.path,
                               "XDG_DATA_HOME": fixture.directory.appendingPathComponent("data").path,
                               "XDG_CACHE_HOME": fixture.directory.appendingPathComponent("cache").path,
                               "COMPOSE_PASSWORD": user.password, "BOB_PASSWORD": fixture.stack.bob.password]
            let text = config(stack: fixture.stack, account: "writer", user: user.name, address: "\(user.name)@example.test",
                              passwordEnv: "COMPOSE_PASSWORD")
            let config = try ConfigLoader(environment: environment).parse(text: text, file: "compose.toml")
            let backend = try BackendFactory(environment: environment).makeBackend(for: config.defaultAccount)
            let service = ComposeService(settings: ComposeSettings(accounts: config.accounts, general: config.general,
                                                                   environment: environment, directory: fixture.directory.path))
            return Setup(fixture: fixture, account: "writer", address: "\(user.name)@example.test", environment: environment,
                         service: service, backend: backend)
        }

        /// A backend of bob's (a cache of its own).
        func bob() throws -> any MailBackend {
            let stack = fixture.stack
            var environment = self.environment
            environment["XDG_CACHE_HOME"] = fixture.directory.appendingPathComponent("bob-cache").path
            let text = ComposerIMAPTests.config(stack: stack, account: "bob", user: stack.bob.name, address: stack.bob.address,
                                                passwordEnv: "BOB_PASSWORD")
            let config = try ConfigLoader(environment: environment).parse(text: text, file: "bob.toml")
            return try BackendFactory(environment: environment).makeBackend(for: config.defaultAccount)
        }

        func finish() async {
            await backend.close()
            fixture.remove()
        }
    }

    static func config(stack: MailStack, account: String, user: String, address: String, passwordEnv: String) -> String {
        """
        [accounts.\(account)]
        from = "Writer <\(address)>"
        [accounts.\(account).imap]
        host = "127.0.0.1"
        port = \(stack.imapsPort)
        security = "tls"
        user = "\(address)"
        password_env = "\(passwordEnv)"
        ca_file = "\(stack.caFile.path)"
        [accounts.\(account).smtp]
        host = "127.0.0.1"
        port = \(stack.submissionsPort)
        security = "tls"
        user = "\(address)"
        password_env = "\(passwordEnv)"
        ca_file = "\(stack.caFile.path)"
        """
    }

    /// The rows of `folder` whose subject is `subject`, after a sync; with `wait`, waits up to
    /// 30 s for one to appear (delivery is asynchronous).
    static func rows(_ subject: String, in folder: MailboxPath, backend: any MailBackend, wait: Bool = false) async throws -> [MailEngine.MessageSummary] {
        let end = Date().addingTimeInterval(wait ? 30 : 0)
        while true {
            _ = try await backend.sync(folder)
            let count = try await backend.count(in: folder, filter: nil)
            let rows = try await backend.summaries(in: folder, order: .newestFirst, range: 0..<min(count, 200), filter: nil)
                .filter { $0.envelope.subject == subject }
            if !rows.isEmpty || Date() >= end { return rows }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    @Test func postponeResumeFromDraftsAndSend() async throws {
        let setup = try await Setup.make()
        defer { Task { await setup.finish() } }
        let service = setup.service
        let backend = setup.backend
        let drafts = MailboxPath("Drafts")
        let token = UUID().uuidString.prefix(8)
        let subject = "Postponed \(token)"
        let bob = Address(name: "Bob", address: setup.fixture.stack.bob.address)

        // Written, then postponed: the server's Drafts folder has it, flagged \Draft.
        let opened = try await service.start(ComposeStart(account: setup.account, kind: .new(to: [bob], subject: subject)),
                                             backend: backend)
        var draft = opened.draft
        draft.body = "First words of the draft \(token).\n"
        let postponed = try await service.postpone(opened.id, draft, backend: backend)
        #expect(postponed.folder == drafts)
        #expect(postponed.warnings.isEmpty)
        let stored = try #require(try await Self.rows(subject, in: drafts, backend: backend).first)
        #expect(stored.flags.contains(.draft))

        // Resumed from Drafts (`e` on it there), finished and sent.
        let source = MessageReference(folder: FolderKey(account: setup.account, path: drafts), uid: stored.uid)
        let resumed = try await service.start(ComposeStart(account: setup.account, kind: .editAsNew(resume: true), source: source),
                                              backend: backend)
        #expect(resumed.draft.kind == .resumed)
        #expect(resumed.draft.postponedCopy == MessageLocation(folder: drafts, uid: stored.uid))
        #expect(resumed.draft.to.map(\.address) == [bob.address])
        #expect(resumed.draft.subject == subject)
        #expect(resumed.draft.body.contains("First words of the draft \(token)."))
        var finished = resumed.draft
        finished.body += "And the last ones.\n"
        let warnings = try await service.queue(resumed.id, finished, backend: backend)
        #expect(warnings.isEmpty)
        let report = await service.flush(account: setup.account, backend: backend)
        #expect(report.errors.isEmpty)
        #expect(report.sent == 1)
        #expect(report.remaining == 0)

        // Gone from Drafts; in Sent; at bob's.
        #expect(try await Self.rows(subject, in: drafts, backend: backend).isEmpty, "sending removed the postponed copy")
        #expect(try await Self.rows(subject, in: MailboxPath("Sent"), backend: backend, wait: true).count == 1)
        let bobBackend = try setup.bob()
        let received = try #require(try await Self.rows(subject, in: .inbox, backend: bobBackend, wait: true).first)
        let message = Message(bytes: try await bobBackend.messageBytes(received.uid, in: .inbox))
        await bobBackend.close()
        let text = message.bodyParts(preferring: .plainText).map { String(decoding: $0.part.decodedBody(), as: UTF8.self) }.joined()
            .replacingOccurrences(of: "\r\n", with: "\n")
        #expect(text.contains("First words of the draft \(token).\nAnd the last ones."))
        #expect(message.header.first("From")?.value().contains(setup.address) == true)
        #expect(service.recoverable().isEmpty, "no draft left on disk")
    }

    @Test func replyFlagsTheOriginalAnsweredAndForwardAsAttachmentFlagsItForwarded() async throws {
        let setup = try await Setup.make()
        defer { Task { await setup.finish() } }
        let service = setup.service
        let backend = setup.backend
        let token = UUID().uuidString.prefix(8)
        let bob = setup.fixture.stack.bob.address
        let subject = "Question \(token)"
        // Two messages from bob in the user's INBOX: one is answered, the other forwarded.
        try setup.fixture.user.deliver([
            Array("From: Bob <\(bob)>\nTo: \(setup.address)\nSubject: \(subject)\nMessage-ID: <q-\(token)@example.test>\nDate: Sun, 29 Nov 2026 10:00:00 +0000\n\nLunch at noon?\n".utf8),
            Array("From: Bob <\(bob)>\nTo: \(setup.address)\nSubject: Memo \(token)\nMessage-ID: <m-\(token)@example.test>\nDate: Sun, 29 Nov 2026 10:05:00 +0000\n\nThe memo.\n".utf8),
        ])
        let question = try #require(try await Self.rows(subject, in: .inbox, backend: backend, wait: true).first)
        let memo = try #require(try await Self.rows("Memo \(token)", in: .inbox, backend: backend, wait: true).first)
        #expect(!question.flags.contains(.answered))

        // Reply: In-Reply-To and References; once queued, \Answered on the server.
        let reply = try await service.start(ComposeStart(account: setup.account, kind: .reply(.sender),
                                                         source: MessageReference(folder: FolderKey(account: setup.account, path: .inbox), uid: question.uid)),
                                            backend: backend)
        #expect(reply.draft.to.map(\.address) == [bob])
        #expect(reply.draft.inReplyTo.map(\.value) == ["q-\(token)@example.test"])
        var answer = reply.draft
        answer.body = "Yes, at noon. \(token)\n" + answer.body
        #expect(try await service.queue(reply.id, answer, backend: backend).isEmpty)

        // Forward as attachment: $Forwarded on the server.
        let forward = try await service.start(ComposeStart(account: setup.account, kind: .forward(attached: true),
                                                           source: MessageReference(folder: FolderKey(account: setup.account, path: .inbox), uid: memo.uid)),
                                              backend: backend)
        var forwarded = forward.draft
        forwarded.to = [Address(name: nil, address: bob)]
        #expect(try await service.queue(forward.id, forwarded, backend: backend).isEmpty)
        let report = await service.flush(account: setup.account, backend: backend)
        #expect(report.errors.isEmpty)
        #expect(report.sent == 2)

        // What the server says, through a connection of its own (not the backend's cache).
        let client = try await setup.fixture.otherClient()
        _ = try await client.select(.inbox)
        let fetched = try await client.fetchAll(SequenceSet([question.uid.value, memo.uid.value]), items: [.flags])
        await client.logout()
        var flags: [UID: Set<Flag>] = [:]
        for m in fetched { if let uid = m.uid { flags[uid] = m.mailFlags ?? [] } }
        #expect(flags[question.uid]?.contains(.answered) == true, "\(flags)")
        #expect(flags[memo.uid]?.contains(.forwarded) == true, "$Forwarded: \(flags)")
        #expect(flags[memo.uid]?.contains(.answered) == false)

        // Bob gets the reply with its threading headers.
        let bobBackend = try setup.bob()
        let received = try #require(try await Self.rows("Re: \(subject)", in: .inbox, backend: bobBackend, wait: true)
            .first)
        let message = Message(bytes: try await bobBackend.messageBytes(received.uid, in: .inbox))
        await bobBackend.close()
        #expect(message.header.first("In-Reply-To")?.value().contains("q-\(token)@example.test") == true)
        #expect(message.header.first("References")?.value().contains("q-\(token)@example.test") == true)
        #expect(String(decoding: message.bytes, as: UTF8.self).contains("Yes, at noon. \(token)"))

        // ... and the forward, the memo attached whole (message/rfc822, its own Message-ID inside).
        let bobAgain = try setup.bob()
        let memoCopy = try #require(try await Self.rows("Fwd: Memo \(token)", in: .inbox, backend: bobAgain, wait: true).first)
        let forwardedMessage = Message(bytes: try await bobAgain.messageBytes(memoCopy.uid, in: .inbox))
        await bobAgain.close()
        let attached = try #require(forwardedMessage.attachments(preferring: .plainText).first?.part)
        #expect(attached.contentType.mimeType == "message/rfc822")
        let inner = String(decoding: attached.decodedBody(), as: UTF8.self)
        #expect(inner.contains("Message-ID: <m-\(token)@example.test>") && inner.contains("The memo."))
    }
}
