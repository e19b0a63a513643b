// MARK: - Encoding

extension Command {
    /// The command with its tag, encoded for a server with these options.
    ///
    /// - Precondition: arguments the grammar cannot carry are caller errors (an empty sequence
    ///   set, a flag that is not an atom, NUL bytes in a message without BINARY): check them
    ///   before (``IMAPConnection`` does).
    public func encoded(tag: String, options: EncodingOptions) -> EncodedCommand {
        var buffer = CommandBuffer(options: options)
        buffer.write(bytes: Array(tag.utf8))
        buffer.writeSpace()
        write(into: &buffer)
        buffer.writeCRLF()
        let (chunks, trace) = buffer.finish()
        return EncodedCommand(tag: tag, chunks: chunks, traceText: trace)
    }

    /// The command's name as a trace or an error shows it (`UID FETCH`, `LOGIN`).
    public var name: String {
        switch self {
        case .capability: "CAPABILITY"
        case .noop: "NOOP"
        case .logout: "LOGOUT"
        case .startTLS: "STARTTLS"
        case .compressDeflate: "COMPRESS"
        case .login: "LOGIN"
        case .authenticate: "AUTHENTICATE"
        case .id: "ID"
        case .enable: "ENABLE"
        case .namespace: "NAMESPACE"
        case .list: "LIST"
        case .lsub: "LSUB"
        case .status: "STATUS"
        case .select: "SELECT"
        case .examine: "EXAMINE"
        case .create: "CREATE"
        case .delete: "DELETE"
        case .rename: "RENAME"
        case .subscribe: "SUBSCRIBE"
        case .unsubscribe: "UNSUBSCRIBE"
        case .close: "CLOSE"
        case .unselect: "UNSELECT"
        case .expunge: "EXPUNGE"
        case .uidExpunge: "UID EXPUNGE"
        case .append: "APPEND"
        case .fetch(_, _, let uid, _): uid ? "UID FETCH" : "FETCH"
        case .store(_, _, let uid, _): uid ? "UID STORE" : "STORE"
        case .copy(_, _, let uid): uid ? "UID COPY" : "COPY"
        case .move(_, _, let uid): uid ? "UID MOVE" : "MOVE"
        case .search(_, let uid, _): uid ? "UID SEARCH" : "SEARCH"
        case .idle: "IDLE"
        }
    }

    private func write(into buffer: inout CommandBuffer) {
        switch self {
        case .capability: buffer.write("CAPABILITY")
        case .noop: buffer.write("NOOP")
        case .logout: buffer.write("LOGOUT")
        case .startTLS: buffer.write("STARTTLS")
        // compress = "COMPRESS" SP algorithm (RFC 4978 §4)
        case .compressDeflate: buffer.write("COMPRESS DEFLATE")
        case .namespace: buffer.write("NAMESPACE")
        case .close: buffer.write("CLOSE")
        case .unselect: buffer.write("UNSELECT")
        case .expunge: buffer.write("EXPUNGE")
        case .idle: buffer.write("IDLE")
        // login = "LOGIN" SP userid SP password
        case .login(let username, let password):
            buffer.write("LOGIN ")
            buffer.write(astring: Array(username.utf8))
            buffer.writeSpace()
            buffer.write(astring: Array(password.utf8), secret: true)
        // authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]
        case .authenticate(let mechanism, let initialResponse):
            buffer.write("AUTHENTICATE ")
            buffer.write(bytes: Array(mechanism.utf8))
            if let initialResponse {
                buffer.writeSpace()
                buffer.writeSecret(Array(initialResponse.utf8))
            }
        // id = "ID" SP id-params-list
        case .id(let parameters):
            buffer.write("ID ")
            buffer.write(idParameters: parameters)
        // enable = "ENABLE" 1*(SP capability)
        case .enable(let capabilities):
            buffer.write("ENABLE")
            for capability in capabilities {
                buffer.writeSpace()
                buffer.write(capability: capability)
            }
        // list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
        case .list(let reference, let patterns, let selection, let returning):
            buffer.write("LIST ")
            if !selection.isEmpty {
                buffer.write("(")
                buffer.write(bytes: Array(selection.map(\.rawValue).joined(separator: " ").utf8))
                buffer.write(") ")
            }
            buffer.write(mailbox: reference)
            buffer.writeSpace()
            if patterns.count == 1 {
                buffer.write(listPattern: patterns[0])
            } else {
                buffer.write("(")
                for (position, pattern) in patterns.enumerated() {
                    if position > 0 { buffer.writeSpace() }
                    buffer.write(listPattern: pattern)
                }
                buffer.write(")")
            }
            if !returning.isEmpty {
                buffer.write(" RETURN (")
                for (position, option) in returning.enumerated() {
                    if position > 0 { buffer.writeSpace() }
                    switch option {
                    case .subscribed: buffer.write("SUBSCRIBED")
                    case .children: buffer.write("CHILDREN")
                    case .specialUse: buffer.write("SPECIAL-USE")
                    case .status(let items):
                        buffer.write("STATUS ")
                        buffer.write(statusAttributes: items)
                    }
                }
                buffer.write(")")
            }
        case .lsub(let reference, let pattern):
            buffer.write("LSUB ")
            buffer.write(mailbox: reference)
            buffer.writeSpace()
            buffer.write(listPattern: pattern)
        // status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"
        case .status(let mailbox, let items):
            buffer.write("STATUS ")
            buffer.write(mailbox: mailbox)
            buffer.writeSpace()
            buffer.write(statusAttributes: items)
        // select = "SELECT" SP mailbox [select-params]
        case .select(let mailbox, let parameters):
            buffer.write("SELECT ")
            buffer.write(mailbox: mailbox)
            buffer.write(selectParameters: parameters)
        case .examine(let mailbox, let parameters):
            buffer.write("EXAMINE ")
            buffer.write(mailbox: mailbox)
            buffer.write(selectParameters: parameters)
        // create = "CREATE" SP mailbox [create-params] ; create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"
        case .create(let mailbox, let specialUse):
            buffer.write("CREATE ")
            buffer.write(mailbox: mailbox)
            if !specialUse.isEmpty {
                buffer.write(" (USE (")
                for (position, attribute) in specialUse.enumerated() {
                    if position > 0 { buffer.writeSpace() }
                    buffer.write(mailboxAttribute: attribute)
                }
                buffer.write("))")
            }
        case .delete(let mailbox):
            buffer.write("DELETE ")
            buffer.write(mailbox: mailbox)
        case .rename(let from, let to):
            buffer.write("RENAME ")
            buffer.write(mailbox: from)
            buffer.writeSpace()
            buffer.write(mailbox: to)
        case .subscribe(let mailbox):
            buffer.write("SUBSCRIBE ")
            buffer.write(mailbox: mailbox)
        case .unsubscribe(let mailbox):
            buffer.write("UNSUBSCRIBE ")
            buffer.write(mailbox: mailbox)
        case .uidExpunge(let uids):
            buffer.write("UID EXPUNGE ")
            buffer.write(sequenceSet: uids)
        // append = "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal
        case .append(let mailbox, let flags, let date, let message):
            buffer.write("APPEND ")
            buffer.write(mailbox: mailbox)
            if !flags.isEmpty {
                buffer.writeSpace()
                buffer.write(flags: flags)
            }
            if let date {
                buffer.writeSpace()
                buffer.write(dateTime: date)
            }
            buffer.writeSpace()
            let binary = message.contains(0)
            precondition(!binary || buffer.options.binary, "APPEND: a message with NUL bytes needs BINARY")
            buffer.write(literal: message, binary: binary)
        // fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
        //         "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
        case .fetch(let set, let attributes, let uid, let modifiers):
            buffer.write(uid ? "UID FETCH " : "FETCH ")
            buffer.write(sequenceSet: set)
            buffer.writeSpace()
            buffer.write(fetchAttributes: attributes)
            if let changedSince = modifiers.changedSince {
                buffer.write(" (CHANGEDSINCE ")
                buffer.write(number: changedSince)
                if modifiers.vanished { buffer.write(" VANISHED") }
                buffer.write(")")
            }
        // store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
        // store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
        case .store(let set, let action, let uid, let unchangedSince):
            buffer.write(uid ? "UID STORE " : "STORE ")
            buffer.write(sequenceSet: set)
            if let unchangedSince {
                buffer.write(" (UNCHANGEDSINCE ")
                buffer.write(number: unchangedSince)
                buffer.write(")")
            }
            switch action.operation {
            case .add: buffer.write(" +FLAGS")
            case .remove: buffer.write(" -FLAGS")
            case .replace: buffer.write(" FLAGS")
            }
            if action.silent { buffer.write(".SILENT") }
            buffer.writeSpace()
            buffer.write(flags: action.flags)
        case .copy(let set, let mailbox, let uid):
            buffer.write(uid ? "UID COPY " : "COPY ")
            buffer.write(sequenceSet: set)
            buffer.writeSpace()
            buffer.write(mailbox: mailbox)
        case .move(let set, let mailbox, let uid):
            buffer.write(uid ? "UID MOVE " : "MOVE ")
            buffer.write(sequenceSet: set)
            buffer.writeSpace()
            buffer.write(mailbox: mailbox)
        // search = "SEARCH" [search-return-opts] [SP "CHARSET" SP charset] 1*(SP search-key)
        case .search(let key, let uid, let returning):
            buffer.write(uid ? "UID SEARCH" : "SEARCH")
            if let returning {
                buffer.write(" RETURN (")
                buffer.write(bytes: Array(returning.map(\.rawValue).joined(separator: " ").utf8))
                buffer.write(")")
            }
            if key.needsUTF8, !buffer.options.utf8 { buffer.write(" CHARSET UTF-8") }
            buffer.writeSpace()
            buffer.write(searchKey: key)
        }
    }
}

extension CommandBuffer {
    // list-mailbox = 1*list-char / string
    /// Writes a LIST pattern: as an atom when it holds only list characters, else as a string.
    mutating func write(listPattern: MailboxName) {
        let value = listPattern.bytes
        if !value.isEmpty, value.allSatisfy({ ASCII.isListChar($0) && $0 < 0x80 }) {
            write(bytes: value)
        } else {
            write(string: value)
        }
    }

    // select-params = SP "(" select-param *(SP select-param) ")"
    // select-param =/ "CONDSTORE" / "QRESYNC" SP "(" uidvalidity SP mod-sequence-value
    //                 [SP known-uids] [SP seq-match-data] ")"
    mutating func write(selectParameters: SelectParameters) {
        if let qresync = selectParameters.qresync {
            write(" (QRESYNC (")
            write(number: qresync.uidValidity)
            writeSpace()
            write(number: qresync.modSeq)
            if let known = qresync.knownUIDs, !known.isEmpty {
                writeSpace()
                write(sequenceSet: known)
            }
            if let match = qresync.sequenceMatch, !match.sequenceNumbers.isEmpty, !match.uids.isEmpty {
                if qresync.knownUIDs == nil || qresync.knownUIDs?.isEmpty == true { write(" 1:*") }
                write(" (")
                write(sequenceSet: match.sequenceNumbers)
                writeSpace()
                write(sequenceSet: match.uids)
                write(")")
            }
            write("))")
        } else if selectParameters.condStore {
            write(" (CONDSTORE)")
        }
    }

    /// Writes bytes that must not appear in a trace (a SASL response).
    mutating func writeSecret(_ value: [UInt8]) {
        writeHidden(value)
    }
}
