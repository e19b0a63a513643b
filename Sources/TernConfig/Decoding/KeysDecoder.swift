/// Reads `[keys.CONTEXT]` tables over the default bindings.
///
/// Each entry maps a key sequence to a command name, or to `"none"` to unbind it. A user binding
/// replaces every default binding it conflicts with (so `g = "group-reply"` in `[keys.list]` removes
/// the default `gg`, `gr` and `gx` there); two user bindings that conflict are an error.
enum KeysDecoder {
    /// One user binding and where it is written.
    private struct Binding {
        let sequence: KeySequence
        let command: CommandName?
        let path: KeyPath
    }

    /// Decodes the `keys` table into a keymap, reporting problems to `context`.
    static func decode(_ reader: TableReader?, context: DecodingContext) -> Keymap {
        guard var reader else { return .defaults }
        var layers = DefaultBindings.layers
        var unbound: [KeyContext: Set<KeySequence>] = [:]
        for keyContext in KeyContext.allCases {
            guard var table = reader.table(keyContext.rawValue, example: "[keys.\(keyContext.rawValue)]") else { continue }
            let bindings = readBindings(&table, in: keyContext, context: context)
            reportConflicts(bindings, in: keyContext, context: context)
            let unbinds = SequenceIndex(bindings.filter { $0.command == nil }.map(\.sequence))
            let binds = SequenceIndex(bindings.filter { $0.command != nil }.map(\.sequence))
            var layer = (layers[keyContext] ?? [:]).filter { entry in
                !(unbinds.contains(entry.key) || unbinds.prefix(of: entry.key) != nil) && !binds.conflicts(with: entry.key)
            }
            for binding in bindings {
                if let command = binding.command { layer[binding.sequence] = command }
            }
            if !unbinds.sequences.isEmpty { unbound[keyContext] = unbinds.sequences }
            layers[keyContext] = layer
        }
        reader.reportUnknownKeys()
        return Keymap(layers: layers, unbound: unbound)
    }

    /// Reads the entries of one `[keys.CONTEXT]` table.
    private static func readBindings(_ table: inout TableReader, in keyContext: KeyContext,
                                     context: DecodingContext) -> [Binding] {
        var bindings: [Binding] = []
        let commandNames = CommandName.allCases.map(\.rawValue)
        for keyText in table.entries.keys.sorted() {
            let path = table.path(of: keyText)
            guard let node = table.node(keyText) else { continue }
            let sequence: KeySequence
            do {
                sequence = try KeySequence(parsing: keyText)
            } catch {
                context.report(at: path, "in [keys.\(keyContext)]: \(error.message)", hint: error.hint)
                continue
            }
            guard case .string(let name) = node else {
                context.report(at: path, "the binding of \(DisplayText.quoted(keyText)) in [keys.\(keyContext)] must be a command name, not \(node.typeName)",
                               hint: "write \(KeyPath.render(keyText)) = \"command-name\", or \"none\" to unbind")
                continue
            }
            if keyContext == .prompt, let first = sequence.keys.first, first.isPrintable {
                context.report(at: path, "\(DisplayText.quoted(keyText)) types text in a prompt, so it cannot be bound in [keys.prompt]",
                               hint: "bind a key that does not type text, such as <C-a>, <M-b> or <Up>")
                continue
            }
            if name == "none" {
                bindings.append(Binding(sequence: sequence, command: nil, path: path))
                continue
            }
            guard let command = CommandName(rawValue: name) else {
                context.report(at: path, "unknown command \(DisplayText.quoted(name)) in [keys.\(keyContext)]",
                               hint: Suggestion.didYouMean(name, in: commandNames)
                                   ?? "see docs/config.md for the commands, or write \"none\" to unbind")
                continue
            }
            guard command.isAvailable(in: keyContext) else {
                let places = KeyContext.allCases.filter { command.contexts.contains($0) }.map { "[keys.\($0)]" }
                context.report(at: path, "command \"\(command)\" does nothing in [keys.\(keyContext)]",
                               hint: "bind it in \(places.joined(separator: " or "))")
                continue
            }
            bindings.append(Binding(sequence: sequence, command: command, path: path))
        }
        return bindings
    }

    /// Reports pairs of user bindings in one context where one sequence is a prefix of the other.
    private static func reportConflicts(_ bindings: [Binding], in keyContext: KeyContext, context: DecodingContext) {
        let bound = bindings.filter { $0.command != nil }
        let index = SequenceIndex(bound.map(\.sequence))
        for long in bound {
            guard let short = index.prefix(of: long.sequence) else { continue }
            context.report(at: long.path,
                           "\"\(long.sequence)\" and \"\(short)\" are both bound in [keys.\(keyContext)], but \"\(short)\" runs at once, so \"\(long.sequence)\" could never be typed",
                           hint: "remove one of them")
        }
    }
}
