import MailCore

extension DemoMailbox {
    /// Conversations in the inbox: a lunch plan and a mailing-list discussion several levels deep.
    static var threads: [DemoMessage] {
        typealias P = DemoPeople
        let inbox = MailboxPath.inbox
        let sent = MailboxPath(["Sent"])
        var list: [DemoMessage] = [
            DemoMessage(folder: inbox, flags: [.seen, .answered], hoursAgo: 30, from: P.bob, to: P.alice, cc: P.carol,
                        subject: "Lunch on Friday?", id: "lunch-1",
                        body: .plain("""
                            Hi Alice,

                            Shall we try the new noodle place on Friday? Carol might join too.
                            12:30 works best for me.

                            Bob
                            """)),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 28, from: P.carol, to: P.bob, cc: P.alice,
                        subject: "Re: Lunch on Friday?", id: "lunch-2", inReplyTo: "lunch-1", references: ["lunch-1"],
                        body: .plain("""
                            Count me in! I heard their dan dan noodles are excellent.

                            On Friday, Bob Martin wrote:
                            > Hi Alice,
                            >
                            > Shall we try the new noodle place on Friday? Carol might join too.
                            > 12:30 works best for me.
                            >
                            > Bob
                            """)),
            DemoMessage(folder: sent, flags: [.seen], hoursAgo: 27, from: P.alice, to: P.bob, cc: P.carol,
                        subject: "Re: Lunch on Friday?", id: "lunch-3", inReplyTo: "lunch-2", references: ["lunch-1", "lunch-2"],
                        body: .plain("""
                            Friday 12:30 it is. I'll book a table for three.

                            Carol Nguyen wrote:
                            > Count me in! I heard their dan dan noodles are excellent.
                            >
                            > On Friday, Bob Martin wrote:
                            >> Shall we try the new noodle place on Friday? Carol might join too.
                            >> 12:30 works best for me.
                            """)),
            DemoMessage(folder: inbox, flags: [], hoursAgo: 5, from: P.bob, to: P.alice, cc: P.carol,
                        subject: "Re: Lunch on Friday?", id: "lunch-4", inReplyTo: "lunch-3",
                        references: ["lunch-1", "lunch-2", "lunch-3"],
                        body: .plain("""
                            Great, thanks for booking! See you both there.

                            Alice Example wrote:
                            > Friday 12:30 it is. I'll book a table for three.
                            >
                            > Carol Nguyen wrote:
                            >> Count me in! I heard their dan dan noodles are excellent.
                            >>
                            >> On Friday, Bob Martin wrote:
                            >>> Shall we try the new noodle place on Friday?
                            """)),
        ]
        list += listThread
        return list
    }

    /// A discussion on the tern-dev mailing list: one root, two branches, four levels.
    static var listThread: [DemoMessage] {
        typealias P = DemoPeople
        let inbox = MailboxPath.inbox
        let subject = "[tern-dev] Which threading algorithm?"
        func post(_ id: String, _ hours: Double, _ from: String, _ parent: String?, _ refs: [String], _ text: String,
                  flags: Set<Flag> = [.seen]) -> DemoMessage {
            DemoMessage(folder: inbox, flags: flags, hoursAgo: hours, from: from, to: P.list, cc: nil,
                        subject: parent == nil ? subject : "Re: " + subject, id: id, inReplyTo: parent,
                        references: refs, extraHeaders: P.listHeaders, body: .plain(text, flowed: true))
        }
        return [
            post("thr-1", 72, P.priya, nil, [], """
                Hello all,

                For the message list we need threading. I propose JWZ's algorithm: it \
                uses References first, then In-Reply-To, and the subject only as a last \
                resort. Objections?

                Priya
                """),
            post("thr-2", 70, P.sam, "thr-1", ["thr-1"], """
                Sounds right to me. Please do not group by subject when a message has \
                references: that is how unrelated "Re: hello" mails end up together.

                > For the message list we need threading. I propose JWZ's algorithm.

                Sam
                """),
            post("thr-3", 66, P.lena, "thr-2", ["thr-1", "thr-2"], """
                Agreed. Also keep it linear: a 100,000 message folder must thread in \
                well under a second.

                > Please do not group by subject when a message has references.
                >> For the message list we need threading.
                """),
            post("thr-4", 60, P.priya, "thr-3", ["thr-1", "thr-2", "thr-3"], """
                Measured a first version: 100k messages in 180 ms in release. Good \
                enough?

                >> Also keep it linear.
                """),
            post("thr-5", 40, P.sam, "thr-4", ["thr-1", "thr-2", "thr-3", "thr-4"], """
                More than good enough. Ship it!
                """, flags: []),
            post("thr-6", 64, P.bob, "thr-1", ["thr-1"], """
                One more point: missing parents must show as a gap in the tree, not \
                vanish. Mutt draws them nicely.
                """),
            post("thr-7", 20, P.lena, "thr-6", ["thr-1", "thr-6"], """
                +1, and loops in References (it happens with broken clients) must not \
                hang anything.
                """, flags: []),
        ]
    }
}
