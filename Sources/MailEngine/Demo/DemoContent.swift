extension DemoMailbox {
    static let buildLog = """
        [12:01:07] Resolving packages
        [12:01:09] Building for debugging...
        [12:05:52] Build complete (283.4 s)
        [12:05:53] Running tests
        [12:06:10] ✔ Suite HeaderTests passed (312 tests)
        [12:06:11] ✘ Test softLineBreaks() failed:
                   Expectation failed: (decoded → "abc= def") == "abcdef"
                   at Tests/MailCoreTests/Encoding/QuotedPrintableTests.swift:48
        [12:06:12] ✔ 1,283 tests passed, 1 failed
        [12:06:12] error: fatalError

        """

    static let newsletterHTML = """
        <!DOCTYPE html>
        <html><head><title>Terminal Weekly</title>
        <style>body { font-family: sans-serif } .hl { color: #c00 }</style></head>
        <body>
        <table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
        <table width="600"><tr><td>
        <h1>Terminal Weekly &mdash; Issue 212</h1>
        <p>Hello terminal friends! This week: <b>tmux</b> tips, the <i>ncurses 6.5</i> release and a
        reader&rsquo;s question about mail clients.</p>
        <h2>1. Three tmux tips</h2>
        <ol>
          <li>Use <code>display-popup</code> for throwaway shells.</li>
          <li>Bind <code>prefix + S</code> to synchronize panes.</li>
          <li>Try <code>capture-pane -p</code> to script your terminal.</li>
        </ol>
        <h2>2. ncurses 6.5</h2>
        <p>Better wide-character support and new terminfo entries.
        <a href="https://invisible-island.example/ncurses/">Read the announcement</a>.</p>
        <blockquote>&ldquo;The fastest UI is the one that draws only what changed.&rdquo;</blockquote>
        <h2>3. Reader question</h2>
        <p>Which terminal mail client starts fastest on a 100,000 message folder? We compared a few:</p>
        <table border="1">
          <tr><th>Client</th><th>Cold start</th><th>Warm start</th></tr>
          <tr><td>Client A</td><td>10.6 s</td><td>1.2 s</td></tr>
          <tr><td>Client B</td><td>1.06 s</td><td>0.87 s</td></tr>
        </table>
        <p><img src="https://terminal-weekly.example/logo.png" alt="Terminal Weekly logo"></p>
        <p>Until next week!<br>&mdash; The Terminal Weekly team</p>
        <p style="font-size: small"><a href="https://terminal-weekly.example/unsubscribe">Unsubscribe</a></p>
        </td></tr></table>
        </td></tr></table>
        </body></html>
        """

    static let orderPlain = """
        Hi Alice,

        Good news: your order #58213 has shipped and should arrive on Wednesday.

          1 x Rain jacket (M)        89.00 EUR
          2 x Wool socks             24.00 EUR
          Shipping                    0.00 EUR
          Total                     113.00 EUR

        Track your parcel: https://outfitters.example/track/58213

        Thank you for shopping with Tern Outfitters!
        """

    static let orderHTML = """
        <html><body>
        <p>Hi Alice,</p>
        <p>Good news: your order <b>#58213</b> has shipped and should arrive on <b>Wednesday</b>.</p>
        <table>
          <tr><td>1 &times; Rain jacket (M)</td><td align="right">89.00&nbsp;&euro;</td></tr>
          <tr><td>2 &times; Wool socks</td><td align="right">24.00&nbsp;&euro;</td></tr>
          <tr><td>Shipping</td><td align="right">0.00&nbsp;&euro;</td></tr>
          <tr><td><b>Total</b></td><td align="right"><b>113.00&nbsp;&euro;</b></td></tr>
        </table>
        <p><a href="https://outfitters.example/track/58213">Track your parcel</a></p>
        <p>Thank you for shopping with Tern Outfitters!</p>
        </body></html>
        """

    static let invite = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//tern demo//EN\r
        METHOD:REQUEST\r
        BEGIN:VEVENT\r
        UID:design-review@demo.tern.example\r
        SUMMARY:Design review\r
        LOCATION:Room 3.14\r
        DTSTART:20261203T100000Z\r
        DTEND:20261203T110000Z\r
        ORGANIZER:mailto:lena@fischer.example\r
        ATTENDEE:mailto:alice@example.test\r
        END:VEVENT\r
        END:VCALENDAR\r

        """
}
