/// The people of the demo mailbox. The demo user is Alice.
enum DemoPeople {
    static let alice = "Alice Example <alice@example.test>"
    static let bob = "Bob Martin <bob@example.test>"
    static let carol = "Carol Nguyen <carol@nguyen.example>"
    static let dmitri = "=?UTF-8?B?0JTQvNC40YLRgNC40Lkg0JLQvtC70LrQvtCy?= <dmitri@volkov.example>"
    static let yuko = "=?UTF-8?B?55Sw5LitIOijleWtkA==?= <yuko.tanaka@tanaka.example>"
    static let francois = "=?ISO-8859-1?Q?Fran=E7ois_Dubois?= <francois@dubois.example>"
    static let hans = "=?windows-1252?Q?M=FCller=2C_Hans?= <hans.mueller@mueller.example>"
    static let list = "tern-dev@lists.example"
    static let priya = "Priya Raman <priya@raman.example>"
    static let sam = "Sam Okafor <sam@okafor.example>"
    static let lena = "Lena Fischer <lena@fischer.example>"
    static let ci = "CI Robot <ci@builds.example>"
    static let shop = "Tern Outfitters <orders@outfitters.example>"
    static let news = "Terminal Weekly <newsletter@terminal-weekly.example>"
    static let calendar = "Calendar <calendar@example.test>"

    /// Headers of a message posted to the tern-dev list.
    static let listHeaders: [(String, String)] = [
        ("List-Id", "tern development <tern-dev.lists.example>"),
        ("List-Post", "<mailto:tern-dev@lists.example>"),
        ("List-Unsubscribe", "<mailto:tern-dev-leave@lists.example>"),
        ("Precedence", "list"),
    ]
}
