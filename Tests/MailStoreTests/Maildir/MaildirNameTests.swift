import MailCore
import Testing
@testable import MailStore

@Test(arguments: [
    ("123.M1P2.host", "123.M1P2.host", Set<Flag>(), ""),
    ("123.M1P2.host:2,", "123.M1P2.host", Set<Flag>(), ""),
    ("123.M1P2.host:2,FS", "123.M1P2.host", Set<Flag>([.flagged, .seen]), ""),
    ("123.M1P2.host:2,DFPRST", "123.M1P2.host", Set<Flag>([.draft, .flagged, .forwarded, .answered, .seen, .deleted]), ""),
    ("123.M1P2.host:2,Sab", "123.M1P2.host", Set<Flag>([.seen]), "ab"),
    ("123.M1P2.host:1,experimental", "123.M1P2.host", Set<Flag>(), "1,experimental"),
])
func parsesMaildirNames(fileName: String, unique: String, flags: Set<Flag>, other: String) {
    let name = MaildirName(fileName: fileName)
    #expect(name.unique == unique)
    #expect(name.flags == flags)
    #expect(name.otherInfo == other)
}

@Test func writesFlagLettersInASCIIOrder() {
    let name = MaildirName(unique: "u", flags: [.seen, .draft, .answered, .flagged])
    #expect(name.fileName == "u:2,DFRS")
}

@Test func generatedNamesAreUniqueAndSafe() {
    let generator = MaildirNameGenerator(hostName: "we/ird:host")
    var seen = Set<String>()
    for _ in 0 ..< 10_000 {
        let name = generator.next()
        #expect(!name.contains("/"))
        #expect(!name.contains(":"))
        seen.insert(name)
    }
    #expect(seen.count == 10_000)
}
