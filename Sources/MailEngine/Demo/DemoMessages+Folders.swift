import MailCore

extension DemoMailbox {
    /// Sent, Drafts and Archive, plus a few more inbox messages.
    static var otherFolders: [DemoMessage] {
        typealias P = DemoPeople
        let inbox = MailboxPath.inbox
        let sent = MailboxPath(["Sent"])
        let drafts = MailboxPath(["Drafts"])
        let archive = MailboxPath(["Archive"])
        var messages: [DemoMessage] = [
            DemoMessage(folder: sent, flags: [.seen], hoursAgo: 7, from: P.alice, to: P.carol,
                        subject: "Re: Quarterly report Q3 (PDF)", id: "report-2", inReplyTo: "report-1", references: ["report-1"],
                        body: .plain("""
                            Thanks Carol, that looks good. One question about page 1: does the 12% \
                            include the new region?

                            Carol Nguyen wrote:
                            > Attached is the Q3 report for Monday's review.
                            """)),
            DemoMessage(folder: sent, flags: [.seen], hoursAgo: 25, from: P.alice, to: P.francois,
                        subject: "Re: =?ISO-8859-1?Q?R=E9union_de_lundi?=", id: "fr-2", inReplyTo: "fr-1", references: ["fr-1"],
                        body: .plain("Merci François, je serai là à 10 h avec le café ☕.\n\nAlice")),
            DemoMessage(folder: sent, flags: [.seen], hoursAgo: 49, from: P.alice, to: P.hans,
                        subject: "Re: Quote for the new office", id: "cp-2", inReplyTo: "cp-1", references: ["cp-1"],
                        body: .plain("Hi Hans,\n\nWe'll take the Standard package. Could delivery be in the week of the 14th?\n\nAlice")),
            DemoMessage(folder: sent, flags: [.seen], hoursAgo: 69, from: P.alice, to: P.list,
                        subject: "Re: [tern-dev] Which threading algorithm?", id: "thr-8", inReplyTo: "thr-2",
                        references: ["thr-1", "thr-2"], extraHeaders: P.listHeaders,
                        body: .plain("JWZ it is. I'll review the branch this afternoon.\n\n> Sounds right to me.", flowed: true)),
            DemoMessage(folder: drafts, flags: [.draft, .seen], hoursAgo: 0.2, from: P.alice, to: P.bob,
                        subject: "Re: Photo from the hike", id: "draft-1", inReplyTo: "photo-1", references: ["photo-1"],
                        body: .plain("Beautiful! Let's plan the next one for", flowed: false)),
            DemoMessage(folder: drafts, flags: [.draft, .seen], hoursAgo: 30, from: P.alice, to: "",
                        subject: "Ideas for the team offsite", id: "draft-2",
                        body: .plain("- a day of hiking\n- a workshop on writing small tools\n- ")),
            DemoMessage(folder: inbox, flags: [.seen], hoursAgo: 130, from: P.lena, to: P.alice,
                        subject: "Onboarding checklist", id: "long-1", body: .plain(DemoMailbox.longText)),
            DemoMessage(folder: inbox, flags: [], hoursAgo: 4, from: P.priya, to: P.alice, cc: P.sam,
                        subject: "Re: Re: Re: Budget for the test servers", id: "quote-1",
                        body: .plain("""
                            Yes, let's go with two machines.

                            On Tuesday, Sam Okafor wrote:
                            > I'd rather have two smaller machines than one big one.
                            >
                            > On Monday, Alice Example wrote:
                            >> Should we buy one big server or two small ones?
                            >>
                            >> On Monday, Priya Raman wrote:
                            >>> The budget for the test servers is approved: 3,000 EUR.
                            >>> Please decide on the hardware by Friday.
                            """)),
        ]
        let archived: [(String, String, Double, String)] = [
            (P.bob, "Board games night", 400, "Bring snacks! Starts at 7."),
            (P.carol, "Re: Office plants", 520, "The ficus needs water twice a week, not daily."),
            (P.sam, "Book recommendation", 610, "You should read 'The Art of Unix Programming'. Chapter 1 alone is worth it."),
            (P.lena, "Welcome to the team!", 900, "Welcome aboard, Alice! Your desk is next to the window."),
            (P.priya, "Slides from the talk", 700, "Here are the slides from yesterday's talk on terminal UIs."),
            (P.bob, "Re: Bike repair", 1000, "Fixed the brakes. It rides like new."),
            (P.dmitri, "Chess on Sunday?", 1100, "Shall we play at the park? Bring the clock."),
            (P.francois, "Recette de la tarte", 1200, "Voici la recette: 200 g de farine, 100 g de beurre..."),
        ]
        for (index, item) in archived.enumerated() {
            messages.append(DemoMessage(folder: archive, flags: index == 3 ? [.seen, .flagged] : [.seen], hoursAgo: item.2,
                                        from: item.0, to: P.alice, subject: item.1, id: "archive-\(index + 1)",
                                        body: .plain(item.3 + "\n")))
        }
        return messages
    }

    static let longText: String = {
        var lines = ["Hi Alice,", "", "Here is your onboarding checklist for the first two weeks:", ""]
        let tasks = [
            "Get your laptop from IT and set up disk encryption",
            "Read the architecture overview and the conventions",
            "Set up the development environment and run the test suite",
            "Pair with Bob on a small bug fix",
            "Join the tern-dev mailing list and introduce yourself",
            "Review one pull request",
            "Write down three things that confused you this week",
            "Lunch with the team (Friday)",
            "Configure your mail client (try tern with --demo first!)",
            "Read the on-call handbook",
            "Shadow an on-call shift",
            "Present what you learned at the Friday demo",
        ]
        for (day, task) in tasks.enumerated() {
            lines.append("Day \(day + 1): \(task).")
            lines.append("    Notes: ask questions early; nobody expects you to know everything yet.")
            lines.append("")
        }
        lines += ["That's all. Welcome!", "", "Lena"]
        return lines.joined(separator: "\n")
    }()
}
