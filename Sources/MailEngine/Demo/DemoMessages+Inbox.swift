import Foundation
import MailCore

extension DemoMailbox {
    /// Single messages in the inbox: charsets, HTML, attachments, an embedded message.
    static var inboxSingles: [DemoMessage] {
        typealias P = DemoPeople
        let inbox = MailboxPath.inbox
        let latin1 = Array("""
            Bonjour Alice,

            La réunion de lundi est déplacée à 10 h, salle Émile-Zola.
            N'oublie pas le café : c'est ton tour !

            Amitiés,
            François

            """.data(using: .isoLatin1) ?? Data())
        let cp1252 = Array("""
            Hello Alice,

            Here is the quote for the new office furniture: “Standard” package at €4,250 \
            (desks, chairs – delivery included). The “Premium” package is €6,100.

            Best regards,
            Hans Müller

            """.data(using: .windowsCP1252) ?? Data())
        return [
            DemoMessage(folder: inbox, flags: [], hoursAgo: 1, from: P.yuko, to: P.alice, subject: DemoAssets.japaneseSubject,
                        id: "ja-1", body: .text(subtype: "plain", charset: "ISO-2022-JP", bytes: DemoAssets.japaneseBody,
                                                encoding: "7bit", flowed: false)),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 3, from: P.dmitri, to: P.alice, subject: DemoAssets.russianSubject,
                        id: "ru-1", body: .text(subtype: "plain", charset: "KOI8-R", bytes: DemoAssets.russianBody,
                                                encoding: "8bit", flowed: false)),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 26, from: P.francois, to: P.alice,
                        subject: "=?ISO-8859-1?Q?R=E9union_de_lundi?=", id: "fr-1",
                        body: .text(subtype: "plain", charset: "ISO-8859-1", bytes: latin1, encoding: "quoted-printable", flowed: false)),
            // Labelled iso-8859-1 but really windows-1252 (curly quotes, euro sign): a classic mislabel.
            DemoMessage(folder: inbox, flags: [.seen, .flagged], hoursAgo: 50, from: P.hans, to: P.alice,
                        subject: "Quote for the new office", id: "cp-1",
                        body: .text(subtype: "plain", charset: "iso-8859-1", bytes: cp1252, encoding: "quoted-printable", flowed: false)),
            DemoMessage(folder: inbox, flags: [.flagged], hoursAgo: 8, from: P.carol, to: P.alice,
                        subject: "Quarterly report Q3 (PDF)", id: "report-1",
                        body: .multipart(subtype: "mixed", parts: [
                            .plain("""
                                Hi Alice,

                                Attached is the Q3 report for Monday's review. The summary is on page 1; \
                                revenue is up 12% and costs held flat.

                                Carol
                                """),
                            .file(type: "application/pdf", name: "Q3-report.pdf", bytes: DemoAssets.pdf, inline: false, rfc2231: false),
                        ])),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 45, from: P.bob, to: P.alice,
                        subject: "Photo from the hike", id: "photo-1",
                        body: .multipart(subtype: "mixed", parts: [
                            .plain("The view from the ridge. Next time we go further!\n\nBob"),
                            .file(type: "image/png", name: "ridge.png", bytes: DemoAssets.png, inline: true, rfc2231: false),
                        ])),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 100, from: P.hans, to: P.alice,
                        subject: "=?UTF-8?Q?=C3=9Cberblick_Gr=C3=B6=C3=9Fenplanung?=", id: "rfc2231-1",
                        body: .multipart(subtype: "mixed", parts: [
                            .plain("Hallo Alice,\n\nanbei die Übersicht der Raumgrößen für das neue Büro.\n\nGrüße\nHans"),
                            .file(type: "text/plain; charset=utf-8", name: "Überblick – Größen & Maße.txt",
                                  bytes: Array("Raum   Fläche\nA      24 m²\nB      31 m²\nC      18 m²\n".utf8),
                                  inline: false, rfc2231: true),
                        ])),
            DemoMessage(folder: inbox, flags: [], hoursAgo: 2, from: P.ci, to: P.alice,
                        subject: "[builds] main #1042 failed: tests", id: "ci-1",
                        body: .multipart(subtype: "mixed", parts: [
                            .plain("""
                                Build #1042 of main failed in stage "test".

                                  ✗ MailCoreTests.QuotedPrintableTests/softLineBreaks
                                  ✓ 1,283 other tests passed

                                The full log is attached.
                                """),
                            .file(type: "text/plain", name: "build-1042.log", bytes: Array(DemoMailbox.buildLog.utf8),
                                  inline: false, rfc2231: false),
                        ])),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 12, from: P.news, to: P.alice,
                        subject: "This week in terminals: tmux tips, ncurses 6.5 and more", id: "news-1",
                        extraHeaders: [("List-Unsubscribe", "<https://terminal-weekly.example/unsubscribe>")],
                        body: .html(DemoMailbox.newsletterHTML)),
            DemoMessage(folder: inbox, flags: [], hoursAgo: 6, from: P.shop, to: P.alice,
                        subject: "Your order #58213 has shipped", id: "shop-1",
                        body: .alternative(DemoMailbox.orderPlain, DemoMailbox.orderHTML)),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 18, from: P.bob, to: P.alice,
                        subject: "Fwd: Conference travel approved", id: "fwd-1",
                        body: .multipart(subtype: "mixed", parts: [
                            .plain("FYI, see below: our trip to the conference is approved.\n\nBob"),
                            .message(DemoMessage(folder: inbox, flags: [], hoursAgo: 20, from: P.lena, to: P.bob,
                                                 subject: "Conference travel approved", id: "fwd-inner",
                                                 body: .plain("Hi Bob,\n\nYour travel request for the conference in March is approved.\nPlease book by the end of the month.\n\nLena"))),
                        ])),
            DemoMessage(folder: inbox, flags: [], hoursAgo: 0.5, from: P.calendar, to: P.alice,
                        subject: "Invitation: Design review @ Thu 10:00", id: "cal-1",
                        body: .multipart(subtype: "mixed", parts: [
                            .plain("You have been invited to: Design review\nWhen: Thursday 10:00-11:00\nWhere: Room 3.14"),
                            .file(type: "text/calendar", name: "invite.ics", bytes: Array(DemoMailbox.invite.utf8),
                                  inline: false, rfc2231: false),
                        ])),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 96, from: P.sam, to: P.alice,
                        subject: "Notes from the reading group", id: "flowed-1",
                        body: .plain("""
                            Hi Alice,

                            Here are my notes from Tuesday. This paragraph is written in format=flowed, \
                            so your mail client can reflow it to the width of your window instead of \
                            breaking lines where my editor did. Try resizing the terminal!

                            Next time: chapter 7, on the design of small tools.

                            -- 
                            Sam Okafor
                            """, flowed: true)),
        ]
    }
}
