import TOMLKit

/// A parsed TOML value, copied out of TOMLKit so that decoding works on plain Swift values.
///
/// Tables keep their keys in a dictionary; the order of keys in the file, where it matters
/// (accounts, identities), comes from ``SourceLocator``.
enum TOMLNode: Sendable {
    case table([String: TOMLNode])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date, time or date-time; tern has no keys of these types, so only the kind is kept.
    case dateOrTime(String)

    /// The TOML name of this value's type, for messages like `expected a string, found an integer`.
    var typeName: String {
        switch self {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a floating-point number"
        case .boolean: return "a boolean"
        case .dateOrTime(let kind): return "a \(kind)"
        }
    }

    /// Converts a TOMLKit value and everything below it.
    init(_ value: TOMLValueConvertible) {
        switch value.type {
        case .table:
            var entries: [String: TOMLNode] = [:]
            if let table = value.table {
                for key in table.keys {
                    if let child = table[key] { entries[key] = TOMLNode(child) }
                }
            }
            self = .table(entries)
        case .array:
            var elements: [TOMLNode] = []
            if let array = value.array {
                for element in array { elements.append(TOMLNode(element)) }
            }
            self = .array(elements)
        case .string: self = .string(value.string ?? "")
        case .int: self = .integer(value.int ?? 0)
        case .double: self = .float(value.double ?? 0)
        case .bool: self = .boolean(value.bool ?? false)
        case .date: self = .dateOrTime("date")
        case .time: self = .dateOrTime("time")
        case .dateTime: self = .dateOrTime("date-time")
        }
    }
}
