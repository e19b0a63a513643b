import MailCore
import MailStore
import Testing
@testable import MailEngine

@Suite("Importing contacts from CSV and vCard")
struct ContactImportTests {
    func pairs(_ result: ContactImport.Result) -> [String] {
        result.records.map { "\($0.address.name ?? "-") <\($0.address.address)>\($0.nickname.map { " ~\($0)" } ?? "")" }
    }

    @Test func googleCSV() throws {
        let csv = """
            Name,Given Name,Family Name,Nickname,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value
            Bob Example,Bob,Example,bobby,* Home,bob@home.test ::: bob@other.test,Work,bob@work.test
            "Doe, Jane",Jane,Doe,,Home,jane@example.test,,
            No Mail,No,Mail,,,,,

            """
        let result = try ContactImport.read(csv, format: .csv)
        #expect(pairs(result) == ["Bob Example <bob@home.test> ~bobby", "Bob Example <bob@other.test> ~bobby",
                                  "Bob Example <bob@work.test> ~bobby", "Doe, Jane <jane@example.test>"])
        #expect(result.skipped == ["row 4: No Mail has no email address"])
    }

    @Test func newGoogleCSV() throws {
        let csv = "First Name,Middle Name,Last Name,Nickname,E-mail 1 - Label,E-mail 1 - Value\r\nAnn,,Lee,,* Work,ann@example.test\r\n"
        #expect(pairs(try ContactImport.read(csv, format: .csv)) == ["Ann Lee <ann@example.test>"])
    }

    @Test func outlookCSVWithMultilineAndQuotes() throws {
        let csv = """
            \u{FEFF}First Name,Middle Name,Last Name,Notes,E-mail Address,E-mail Display Name,E-mail 2 Address,E-mail 3 Address
            Carl,J.,"O""Brien","two
            lines, with comma",carl@example.test,Carl O'Brien (carl@example.test),carl2@example.test,

            """
        #expect(pairs(try ContactImport.read(csv, format: .csv)) == ["Carl J. O\"Brien <carl@example.test>", "Carl J. O\"Brien <carl2@example.test>"])
    }

    @Test func thunderbirdCSV() throws {
        let csv = "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email\nDee,Dee,Dee Dee,dd,dee@example.test,DEE@example.test\n"
        #expect(pairs(try ContactImport.read(csv, format: .csv)) == ["Dee Dee <dee@example.test> ~dd"])
    }

    @Test func semicolonSeparatedCSV() throws {
        let csv = "Name;Email\nEva;eva@example.test\nBad;not-an-address\n"
        let result = try ContactImport.read(csv, format: .csv)
        #expect(pairs(result) == ["Eva <eva@example.test>"])
        #expect(result.skipped == ["row 3: \"not-an-address\" is not an email address"])
    }

    @Test func csvWithoutAnEmailColumnIsRefused() {
        #expect(throws: ContactImport.Failure.self) { try ContactImport.read("Name,Phone\nA,1\n", format: .csv) }
    }

    @Test func vcard3And4() throws {
        let vcf = """
            BEGIN:VCARD\r
            VERSION:3.0\r
            FN:Bob Example\r
            N:Example;Bob;;;\r
            NICKNAME:bobby,bobo\r
            EMAIL;TYPE=INTERNET,HOME:bob@home.test\r
            item1.EMAIL;TYPE=INTERNET:bob@work.te\r
             st\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:4.0\r
            N:Doe;Jane;Q.;Dr.;\r
            EMAIL;PREF=1:mailto:jane@example.test\r
            EMAIL:jane@example.test\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:4.0\r
            FN:Smith\\, Al\r
            TEL:123\r
            END:VCARD\r

            """
        let result = try ContactImport.read(vcf, format: .vcard)
        #expect(pairs(result) == ["Bob Example <bob@home.test> ~bobby", "Bob Example <bob@work.test> ~bobby", "Dr. Jane Q. Doe <jane@example.test>"])
        #expect(result.skipped == ["card 3 (Smith, Al) has no email address"])
    }

    @Test func vcard21QuotedPrintable() throws {
        let vcf = """
            BEGIN:VCARD
            VERSION:2.1
            FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BC=
            ller
            EMAIL;INTERNET:juergen@example.test
            END:VCARD
            """
        #expect(pairs(try ContactImport.read(vcf, format: .vcard)) == ["Jürgen Müller <juergen@example.test>"])
    }

    @Test func formatIsDetected() {
        #expect(ContactImport.detect(path: "x.VCF", text: "") == .vcard)
        #expect(ContactImport.detect(path: "contacts", text: "\u{FEFF}BEGIN:VCARD\r\n") == .vcard)
        #expect(ContactImport.detect(path: "contacts.txt", text: "Name,Email\n") == .csv)
        #expect(throws: ContactImport.Failure.self) { try ContactImport.read("Name,Email\n", format: .vcard) }
    }
}
