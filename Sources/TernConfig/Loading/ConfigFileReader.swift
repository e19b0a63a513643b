import Foundation

/// Reads a config or theme file as UTF-8 text, turning every failure into a ``ConfigError``
/// that says what to do.
enum ConfigFileReader {
    /// Reads the file at `path`.
    /// - Throws: ``ConfigError`` if the file is missing, a directory, unreadable, too big or not UTF-8.
    static func read(_ path: String) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(ConfigDiagnostic(file: path, line: nil, message: "the file does not exist"))
        }
        if isDirectory.boolValue {
            throw ConfigError(ConfigDiagnostic(file: path, line: nil, message: "this is a directory, not a file"))
        }
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > TOMLDocument.maximumSize {
                throw ConfigError(ConfigDiagnostic(
                    file: path, line: nil,
                    message: "the file is \(size) bytes, more than the \(TOMLDocument.maximumSize) a config file may have",
                    hint: "check that this is the right file"))
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ConfigError {
            throw error
        } catch {
            let readable = FileManager.default.isReadableFile(atPath: path)
            throw ConfigError(ConfigDiagnostic(
                file: path, line: nil,
                message: readable ? "the file cannot be read" : "permission denied",
                hint: readable ? nil : "check the file's owner and mode"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(ConfigDiagnostic(
                file: path, line: invalidUTF8Line(data), message: "the file is not valid UTF-8",
                hint: "save it as UTF-8"))
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// The line of the first byte sequence that is not UTF-8.
    private static func invalidUTF8Line(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return String(validating: bytes[start...], as: UTF8.self) == nil ? line : nil
    }
}
