import Testing
@testable import MailCore

@Test func extractsClearlyMarkedBlocks() {
    let text = "Here is the file:\n\nbegin 644 hello.txt\n,2&5L;&\\@=V]R;&0*\n`\nend\n\nbye\n"
    let files = UUEncoding.extract(from: Array(text.utf8))
    #expect(files.count == 1)
    #expect(files.first?.name == "hello.txt")
    #expect(files.first.map { String(decoding: $0.data, as: UTF8.self) } == "Hello world\n")
}

@Test(arguments: [
    "begin with a word\nM;&]T\nend\n",                 // not "begin NNN name"
    "begin 644 x\nthis is not uuencoded data\nend\n",  // bad line
    "begin 644 x\n,2&5L;&\\@=V]R;&0*\n",               // no "end"
])
func leavesUnclearTextAlone(text: String) {
    #expect(UUEncoding.extract(from: Array(text.utf8)).isEmpty)
}
