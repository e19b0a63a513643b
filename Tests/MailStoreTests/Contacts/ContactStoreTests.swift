import Foundation
import MailCore
import Testing
@testable import MailStore

@Suite("Address book database")
struct ContactStoreTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    func withStore(_ body: (ContactStore, String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-contacts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(try ContactStore(path: dir + "/sub/contacts.sqlite"), dir)
    }

    @Test func importsMergeByAddressAndKeepTheUsersNames() throws {
        try withStore { store, _ in
            let first = try store.importContacts([
                ContactRecord(address: Address(name: "Bob", address: "bob@example.test")),
                ContactRecord(address: Address(address: "ann@example.test")),
                ContactRecord(address: Address(address: "not usable")),
            ])
            #expect(first == ContactImportSummary(added: 2, updated: 0, unchanged: 0))
            let second = try store.importContacts([
                ContactRecord(address: Address(name: "Robert", address: "BOB@example.test")),
                ContactRecord(address: Address(name: "Ann", address: "ann@example.test"), nickname: "annie"),
            ])
            #expect(second == ContactImportSummary(added: 0, updated: 1, unchanged: 1))
            let all = try store.search("")
            #expect(all.map(\.address) == [Address(name: "Ann", address: "ann@example.test"), Address(name: "Bob", address: "bob@example.test")])
            #expect(all.first?.nickname == "annie")
            #expect(all.allSatisfy { $0.imported })
        }
    }

    @Test func usesDecayWithAHalfLife() throws {
        try withStore { store, _ in
            let bob = Address(name: "Bob", address: "bob@example.test")
            try store.recordUses([ContactUse(address: bob, weight: 2, date: now.addingTimeInterval(-ContactStore.halfLife))], messageKey: nil)
            try store.recordUses([ContactUse(address: bob, weight: 1, date: now)], messageKey: nil)
            // Harvested late, an old use counts as decayed.
            try store.recordUses([ContactUse(address: bob, weight: 4, date: now.addingTimeInterval(-2 * ContactStore.halfLife))], messageKey: nil)
            let contact = try #require(try store.search("bob").first)
            #expect(contact.useCount == 3)
            #expect(contact.lastUsed == now)
            #expect(abs(contact.frecency(at: now) - (1 + 1 + 1)) < 1e-9)
            #expect(abs(contact.frecency(at: now.addingTimeInterval(ContactStore.halfLife)) - 1.5) < 1e-9)
        }
    }

    @Test func harvestNamesFollowTheNewestMailUnlessImported() throws {
        try withStore { store, _ in
            try store.recordUses([ContactUse(address: Address(name: "Old Name", address: "c@example.test"), date: now)], messageKey: "1")
            try store.recordUses([ContactUse(address: Address(name: "Older", address: "c@example.test"), date: now.addingTimeInterval(-99))],
                                 messageKey: "2")
            #expect(try store.search("c@").first?.address.name == "Old Name")
            try store.recordUses([ContactUse(address: Address(name: "New Name", address: "c@example.test"), date: now.addingTimeInterval(9))],
                                 messageKey: "3")
            #expect(try store.search("c@").first?.address.name == "New Name")
            try store.importContacts([ContactRecord(address: Address(name: "Chosen", address: "c@example.test"))])
            try store.recordUses([ContactUse(address: Address(name: "Spam Name", address: "c@example.test"), date: now.addingTimeInterval(99))],
                                 messageKey: "4")
            #expect(try store.search("c@").first?.address.name == "Chosen")
            #expect(try !store.recordUses([], messageKey: "4"))
        }
    }

    @Test func searchIgnoresCaseAndAccentsAndLimits() throws {
        try withStore { store, _ in
            try store.importContacts([
                ContactRecord(address: Address(name: "Émile Zola", address: "ez@example.test")),
                ContactRecord(address: Address(name: "ÅSA", address: "asa@example.test"), nickname: "Åsa"),
                ContactRecord(address: Address(address: "zed@example.test")),
            ])
            #expect(try store.search("emile").map(\.address.address) == ["ez@example.test"])
            #expect(try store.search("ÉMILE").map(\.address.address) == ["ez@example.test"])
            #expect(try store.search("åsa").count == 1)
            #expect(try store.search("Z", limit: 1).count == 1)
            #expect(try store.count() == 3)
            #expect(try store.forget(Address(address: "ZED@example.test")))
            #expect(try !store.forget(Address(address: "zed@example.test")))
        }
    }

    @Test func theDatabaseSurvivesReopening() throws {
        try withStore { store, dir in
            try store.importContacts([ContactRecord(address: Address(address: "keep@example.test"))])
            let again = try ContactStore(path: dir + "/sub/contacts.sqlite")
            #expect(try again.count() == 1)
            let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/sub")
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
        }
    }

    @Test func anUnusableFileIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tern-contacts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("this is not sqlite, not at all, really".utf8).write(to: URL(fileURLWithPath: dir + "/c.sqlite"))
        #expect {
            _ = try ContactStore(path: dir + "/c.sqlite")
        } throws: { error in
            "\(error)".contains("open the address book") && "\(error)".contains(dir)
        }
    }
}
