import Foundation
import IMAP
import MailCore
import MailStore
import Testing
@testable import MailEngine

/// The message-list fetch of a sync: what is asked for, and the cache row made of the answer.
@Suite struct IMAPFetchConversionTests {
    /// A fetched message with the header fields of `header` (CRLF line ends).
    static func message(uid: UInt32? = 7, header: String?, envelope: IMAPEnvelope? = nil) -> FetchedMessage {
        var message = FetchedMessage(sequenceNumber: 1)
        if let uid { message.apply(.uid(uid)) }
        message.apply(.flags([.seen]))
        message.apply(.rfc822Size(4321))
        if let header { message.sections[BodySection(.body, IMAPFetchConversion.section)] = Array(header.utf8) }
        if let envelope { message.apply(.envelope(envelope)) }
        return message
    }

    @Test func theListFetchAsksForTheHeaderFieldsAndNeitherEnvelopeNorModSeqNorArrivalDate() {
        let items = IMAPFetchConversion.items
        #expect(items.contains(.uid) && items.contains(.flags) && items.contains(.rfc822Size))
        #expect(!items.contains(.envelope) && !items.contains(.modSeq) && !items.contains(.internalDate))
        #expect(items.contains(.body(.headerFields(IMAPFetchConversion.fields), peek: true)))
        for field in ["DATE", "FROM", "SENDER", "REPLY-TO", "TO", "CC", "BCC", "SUBJECT", "MESSAGE-ID", "IN-REPLY-TO", "REFERENCES",
                      "CONTENT-TYPE"] {
            #expect(IMAPFetchConversion.fields.contains(field), "\(field) is missing")
        }
    }

    @Test func theHeaderFieldsBecomeTheEnvelopeOfTheRow() throws {
        let header = "From: =?utf-8?q?Ren=C3=A9e?= <renee@example.org>\r\nSender: list@example.org\r\n"
            + "Reply-To: replies@example.org\r\nTo: Bob <bob@example.test>,\r\n carol@example.test\r\nCc: dave@example.test\r\n"
            + "Bcc: eve@example.test\r\nSubject: Lunch\r\n at noon? =?utf-8?q?caf=C3=A9?=\r\n"
            + "Date: Mon, 4 Mar 2024 10:00:00 +0100\r\nMessage-ID: <m1@example.org>\r\nIn-Reply-To: <m0@example.org>\r\n"
            + "References: <a@example.org>\r\n <m0@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        let row = try #require(IMAPFetchConversion.cached(Self.message(header: header)))
        let envelope = row.envelope
        #expect(row.uid == UID(7) && row.size == 4321 && row.flags == [.seen])
        #expect(envelope.subject == "Lunch at noon? café")
        #expect(envelope.from.map(\.address) == ["renee@example.org"] && envelope.from.first?.name == "Renée")
        #expect(envelope.sender?.address == "list@example.org")
        #expect(envelope.replyTo.map(\.address) == ["replies@example.org"])
        #expect(envelope.to.map(\.address) == ["bob@example.test", "carol@example.test"])
        #expect(envelope.cc.map(\.address) == ["dave@example.test"] && envelope.bcc.map(\.address) == ["eve@example.test"])
        #expect(envelope.date == Date(timeIntervalSince1970: 1_709_542_800))
        #expect(envelope.messageID?.value == "m1@example.org")
        #expect(envelope.inReplyTo.map(\.value) == ["m0@example.org"])
        #expect(envelope.references.map(\.value) == ["a@example.org", "m0@example.org"])
        #expect(!row.hasAttachments && !row.hasAttachmentsIsExact)
    }

    @Test(arguments: [
        ("multipart/mixed; boundary=x", true),
        ("Multipart/Mixed;\r\n boundary=\"x\"", true),
        ("multipart/alternative; boundary=x", false),
        ("application/pdf; name=a.pdf", true),
        ("text/html", false),
        ("message/rfc822", false),
    ])
    func theTopLevelContentTypeGuessesAttachments(type: String, expected: Bool) throws {
        let row = try #require(IMAPFetchConversion.cached(Self.message(header: "Subject: x\r\nContent-Type: \(type)\r\n\r\n")))
        #expect(row.hasAttachments == expected)
    }

    @Test(arguments: [
        // (header, whether the row counts as having attachments)
        ("Subject: a\r\nContent-Type: multipart/mixed\r\nFrom: b@c\r\n\r\n", true),
        ("content-TYPE: multipart/mixed;\r\n\tboundary=x\r\nSubject: a\r\n\r\n", true),
        ("Content-Type: application/pdf", true),
        ("Content-Type-Extra: application/pdf\r\nSubject: a\r\n\r\n", false),
        ("Subject: a\r\n\r\nContent-Type: application/pdf\r\n", false),
        ("Subject: a\nContent-Type: image/png\nTo: b@c\n\n", true),
        ("Content-Type: text/plain\r\nContent-Type: multipart/mixed\r\n\r\n", false),
    ] as [(String, Bool)])
    func theFirstContentTypeOfTheHeaderSectionIsTheOneRead(header: String, expected: Bool) throws {
        let row = try #require(IMAPFetchConversion.cached(Self.message(header: header)))
        #expect(row.hasAttachments == expected)
    }

    @Test func theContentTypeFieldDoesNotDisturbTheOtherFields() throws {
        let header = "Subject: a\r\nContent-Type: multipart/mixed;\r\n boundary=x\r\nFrom: Ann <ann@example.org>\r\n\r\n"
        let row = try #require(IMAPFetchConversion.cached(Self.message(header: header)))
        #expect(row.envelope.subject == "a" && row.envelope.from == [Address(name: "Ann", address: "ann@example.org")])
        #expect(row.hasAttachments)
    }

    @Test func aMessageWithoutTheseFieldsStillGetsARow() throws {
        let empty = try #require(IMAPFetchConversion.cached(Self.message(header: "\r\n")))
        #expect(empty.envelope.subject == nil && empty.envelope.from.isEmpty && empty.uid == UID(7))
        let missing = try #require(IMAPFetchConversion.cached(Self.message(header: nil)))
        #expect(missing.envelope.subject == nil && missing.size == 4321)
        let garbage = try #require(IMAPFetchConversion.cached(Self.message(header: "\u{1}\u{2}: ::<<>>\r\nFrom: ,,,@@\r\n\r\n")))
        #expect(garbage.uid == UID(7))
    }

    @Test func anEnvelopeIsUsedWhenTheServerSentNoHeaderFields() throws {
        let envelope = IMAPEnvelope(subject: Array("Hello".utf8))
        let row = try #require(IMAPFetchConversion.cached(Self.message(header: nil, envelope: envelope)))
        #expect(row.envelope.subject == "Hello")
    }

    @Test func aMessageWithoutUIDGetsNoRow() {
        #expect(IMAPFetchConversion.cached(Self.message(uid: nil, header: "Subject: x\r\n\r\n")) == nil)
    }
}

/// A whole header (`BODY[HEADER]`, ``HeaderFetch/whole``) gives the row the fields alone would.
@Suite struct IMAPFetchConversionWholeHeaderTests {
    @Test func theWholeHeaderGivesTheSameRowAsTheFields() throws {
        let fields = "From: =?utf-8?q?Ren=C3=A9e?= <renee@example.org>\r\nTo: Bob <bob@example.test>,\r\n carol@example.test\r\n"
            + "Subject: Lunch\r\n at noon?\r\nDate: Mon, 4 Mar 2024 10:00:00 +0100\r\nMessage-ID: <m1@example.org>\r\n"
            + "References: <a@example.org>\r\n <m0@example.org>\r\nContent-Type: multipart/mixed; boundary=x\r\n"
        let whole = "Return-Path: <renee@example.org>\r\nReceived: from mx.example.org\r\n\tby mail.example.test; Mon, 4 Mar 2024\r\n"
            + "DKIM-Signature: v=1; a=rsa-sha256; d=example.org;\r\n b=abc\r\n" + fields
            + "X-Mailer: test\r\nMIME-Version: 1.0\r\nList-Id: <list.example.org>\r\n\r\n"
        let byFields = try #require(IMAPFetchConversion.cached(IMAPFetchConversionTests.message(header: fields + "\r\n")))
        var message = IMAPFetchConversionTests.message(header: nil)
        message.sections[BodySection(.body, IMAPFetchConversion.wholeSection)] = Array(whole.utf8)
        let byWhole = try #require(IMAPFetchConversion.cached(message))
        #expect(byWhole == byFields)
        #expect(byWhole.envelope.subject == "Lunch at noon?" && byWhole.hasAttachments)
        #expect(byWhole.envelope.references.map(\.value) == ["a@example.org", "m0@example.org"])
    }

    @Test func theItemsFollowTheWayChosen() {
        #expect(IMAPFetchConversion.items(for: .fields) == IMAPFetchConversion.items)
        #expect(IMAPFetchConversion.items(for: .automatic) == IMAPFetchConversion.items)
        let whole = IMAPFetchConversion.items(for: .whole)
        #expect(whole.contains(.body(.header, peek: true)) && !whole.contains(.body(IMAPFetchConversion.section, peek: true)))
        #expect(whole.contains(.uid) && whole.contains(.flags) && whole.contains(.rfc822Size) && !whole.contains(.internalDate))
    }
}

/// The attachment guess read in place agrees with reading the media type into a String first.
@Suite struct AttachmentGuessTests {
    /// The former way: the media type lowered into a String, then compared.
    static func reference(_ contentType: ArraySlice<UInt8>) -> Bool {
        var mime: [UInt8] = []
        for byte in contentType {
            if byte == UInt8(ascii: ";") { break }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { continue }
            mime.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        let text = String(decoding: mime, as: UTF8.self)
        if text.hasPrefix("multipart/") { return text == "multipart/mixed" }
        if text.isEmpty || text.hasPrefix("text/") || text.hasPrefix("message/") { return false }
        return text.contains("/")
    }

    @Test func agreesWithTheStringWayOnGeneratedValues() {
        let types = ["multipart/mixed", "Multipart/Mixed", "multipart/alternative", "multipart/mixedx", "multipart/", "multipart",
                     "text/plain", "TEXT/HTML", "text", "text/", "message/rfc822", "message", "application/pdf", "image/png",
                     "", "/", "x", "audio/x-wav", "multi part/mixed", "tex/plain", "messages/x", "textual/x", "\u{E9}/x"]
        let parameters = ["", "; boundary=x", ";charset=utf-8", " ;\r\n\tname=\"a;b.pdf\"", "\r\n ; x=y"]
        var count = 0
        for type in types {
            for parameter in parameters {
                for fold in [false, true] {
                    var value = type + parameter
                    if fold, let slash = value.firstIndex(of: "/") { value.insert(contentsOf: "\r\n ", at: slash) }
                    let bytes = ArraySlice(Array(value.utf8))
                    #expect(IMAPFetchConversion.probablyHasAttachments(contentType: bytes) == Self.reference(bytes), "\(value)")
                    count += 1
                }
            }
        }
        #expect(count == types.count * parameters.count * 2)
    }
}
