import Foundation
import MailStore
import TernConfig

extension AddressBook {
    /// The address book the config describes: `alias_files`, the database at
    /// `$XDG_DATA_HOME/tern/contacts.sqlite` (opened when it exists or `createStore` is set) and
    /// `query_command`.
    ///
    /// - Returns: the book and the problems met (unreadable alias files, lines skipped in them, a
    ///   database that cannot be opened), to show as warnings.
    public static func load(settings: GeneralSettings, environment: [String: String] = ProcessInfo.processInfo.environment,
                            createStore: Bool = false) -> (book: AddressBook, problems: [String]) {
        let (aliases, aliasProblems) = AliasBook.load(files: settings.aliasFiles)
        var problems = aliasProblems.map(\.description)
        var store: ContactStore?
        let path = defaultStorePath(environment: environment)
        if createStore || FileManager.default.fileExists(atPath: path) {
            do {
                store = try ContactStore(path: path)
            } catch {
                problems.append("\(error)")
            }
        }
        let query = settings.queryCommand.map { QueryCommand(command: $0) }
        return (AddressBook(aliases: aliases, store: store, query: query), problems)
    }

    /// A reader of address fields that expands the aliases of `settings`'s alias files: what
    /// `tern send --to` and the composer use.
    ///
    /// - Returns: the reader and the problems of the alias files, to show as warnings.
    public static func fieldReader(settings: GeneralSettings) -> (reader: AddressFieldReader, problems: [String]) {
        let (aliases, problems) = AliasBook.load(files: settings.aliasFiles)
        return (AddressFieldReader(aliases: aliases), problems.map(\.description))
    }
}
