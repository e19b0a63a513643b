/// One step in a path to a value in a TOML document: a table key or an array index.
enum PathComponent: Hashable, Sendable {
    /// A key of a table.
    case key(String)
    /// A 0-based position in an array (including arrays of tables).
    case index(Int)
}

/// The path from the document root to a value, e.g. `accounts.alice.imap.host` or `ui.alias_files[2]`.
struct KeyPath: Hashable, Sendable, CustomStringConvertible {
    /// The steps from the root.
    var components: [PathComponent]

    /// The root of the document.
    static let root = KeyPath(components: [])

    /// Creates a path from its components.
    init(components: [PathComponent]) {
        self.components = components
    }

    /// Creates a path of table keys.
    init(_ keys: String...) {
        self.components = keys.map(PathComponent.key)
    }

    /// The path one key deeper.
    func appending(_ key: String) -> KeyPath {
        KeyPath(components: components + [.key(key)])
    }

    /// The path to an array element.
    func appending(index: Int) -> KeyPath {
        KeyPath(components: components + [.index(index)])
    }

    /// The path without its last component (the root stays the root).
    var parent: KeyPath {
        KeyPath(components: Array(components.dropLast()))
    }

    /// The last key of the path, if it ends in a key.
    var lastKey: String? {
        if case .key(let key)? = components.last { return key }
        return nil
    }

    /// The path as written in TOML: bare keys where possible, quoted keys otherwise, `[n]` for indices.
    var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key):
                if !out.isEmpty { out += "." }
                out += KeyPath.render(key)
            case .index(let index):
                out += "[\(index)]"
            }
        }
        return out
    }

    /// The path as a table header, e.g. `[accounts.alice.imap]`, or `the top level` for the root.
    var tableName: String {
        components.isEmpty ? "the top level" : "[\(description)]"
    }

    /// A key as TOML would need it written: bare if it is a bare key, quoted otherwise.
    static func render(_ key: String) -> String {
        let isBare = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "-", "_": return true
            default: return false
            }
        }
        return isBare ? key : DisplayText.quoted(key)
    }
}
