/// A part with its IMAP section number (RFC 3501 §6.4.5).
public struct NumberedPart: Sendable {
    /// The section number, e.g. `1.2`.
    public let number: String
    /// The part.
    public let part: MIMEPart
}

/// Which representation the viewer prefers in `multipart/alternative`.
public struct BodyPreference: Sendable, Hashable {
    /// MIME types in order of preference; the first one present wins.
    public var order: [String]

    /// A preference from MIME types in order.
    public init(order: [String]) { self.order = order.map { $0.lowercased() } }

    /// Plain text first, then HTML (the default for a terminal).
    public static let plainText = BodyPreference(order: ["text/plain", "text/html"])
    /// HTML first, then plain text.
    public static let html = BodyPreference(order: ["text/html", "text/plain"])
}

extension Message {
    /// The parts to show as the message text, in order.
    ///
    /// `multipart/alternative` contributes its best part for `preference` (the last matching
    /// one, as RFC 2046 §5.1.4 orders them from plain to rich), `multipart/related` its root
    /// (RFC 2387 `start`, else the first part), `multipart/signed` its first part, other
    /// multiparts every inline part; embedded messages shown inline contribute their text.
    /// Parts with `Content-Disposition: attachment` are never shown as text.
    public func bodyParts(preferring preference: BodyPreference = .plainText) -> [NumberedPart] {
        var out: [NumberedPart] = []
        if root.isLeaf {
            if Self.isShowable(root) { out.append(NumberedPart(number: "1", part: root)) }
            return out
        }
        Self.display(root, number: "", preference: preference, into: &out)
        return out
    }

    /// The attachments: parts with `Content-Disposition: attachment` (an attached message
    /// counts as one attachment), parts with a file name that are not shown as text, and
    /// non-text parts outside `multipart/alternative` that are not shown.
    public func attachments(preferring preference: BodyPreference = .plainText) -> [NumberedPart] {
        let shown = Set(bodyParts(preferring: preference).map(\.number))
        var out: [NumberedPart] = []
        if root.isLeaf {
            if !shown.contains("1"), Self.isAttachmentLeaf(root, inAlternative: false) {
                out.append(NumberedPart(number: "1", part: root))
            }
            return out
        }
        Self.collectAttachments(root, number: "", shown: shown, inAlternative: false, into: &out)
        return out
    }

    static func childNumber(_ prefix: String, _ index: Int) -> String {
        prefix.isEmpty ? "\(index + 1)" : "\(prefix).\(index + 1)"
    }

    static func isShowable(_ part: MIMEPart) -> Bool {
        if part.disposition?.type == "attachment" { return false }
        if case .multipart(let parts, _, _) = part.body, parts.isEmpty { return true }
        return part.isLeaf && part.contentType.isText
    }

    static func isAttachmentLeaf(_ part: MIMEPart, inAlternative: Bool) -> Bool {
        if part.disposition?.isAttachment == true { return true }
        if part.filename != nil { return true }
        return !part.contentType.isText && !inAlternative
    }

    /// Adds the shown parts of `part` (numbered `number`; the root multipart has number "").
    static func display(_ part: MIMEPart, number: String, preference: BodyPreference,
                        into out: inout [NumberedPart]) {
        switch part.body {
        case .single:
            if isShowable(part) { out.append(NumberedPart(number: number, part: part)) }
        case .message(let inner):
            if part.disposition?.type == "attachment" { return }
            if inner.isLeaf {
                if isShowable(inner) { out.append(NumberedPart(number: childNumber(number, 0), part: inner)) }
            } else {
                display(inner, number: number, preference: preference, into: &out)
            }
        case .multipart(let parts, _, _):
            if parts.isEmpty {
                if part.disposition?.type != "attachment" { out.append(NumberedPart(number: number, part: part)) }
                return
            }
            switch part.contentType.subtype {
            case "alternative":
                // Each candidate's subtree is walked once (a nested alternative must not be
                // walked again for every preference: that would be exponential in the depth).
                let candidates = parts.enumerated().filter { $0.element.disposition?.type != "attachment" }
                let shown: [[NumberedPart]] = candidates.map { c in
                    var sub: [NumberedPart] = []
                    display(c.element, number: childNumber(number, c.offset), preference: preference, into: &sub)
                    return sub
                }
                var chosen: Int?
                for type in preference.order {
                    if let match = shown.lastIndex(where: { $0.contains { $0.part.contentType.mimeType == type } }) {
                        chosen = match
                        break
                    }
                }
                if chosen == nil { chosen = shown.lastIndex { !$0.isEmpty } }
                if let c = chosen { out += shown[c] }
            case "related":
                let start = part.contentType[parameter: "start"].map { MessageID($0).value }
                let index = start.flatMap { s in parts.firstIndex { $0.contentID == s } } ?? 0
                display(parts[index], number: childNumber(number, index), preference: preference, into: &out)
            case "signed":
                display(parts[0], number: childNumber(number, 0), preference: preference, into: &out)
            case "encrypted":
                return
            default:
                for (i, child) in parts.enumerated() where child.disposition?.type != "attachment" {
                    display(child, number: childNumber(number, i), preference: preference, into: &out)
                }
            }
        }
    }

    static func collectAttachments(_ part: MIMEPart, number: String, shown: Set<String>, inAlternative: Bool,
                                   into out: inout [NumberedPart]) {
        switch part.body {
        case .single:
            if !shown.contains(number), isAttachmentLeaf(part, inAlternative: inAlternative) {
                out.append(NumberedPart(number: number, part: part))
            }
        case .message(let inner):
            if part.disposition?.type == "attachment" || part.filename != nil {
                out.append(NumberedPart(number: number, part: part))
                return
            }
            if inner.isLeaf {
                let n = childNumber(number, 0)
                if !shown.contains(n), isAttachmentLeaf(inner, inAlternative: false) {
                    out.append(NumberedPart(number: n, part: inner))
                }
            } else {
                collectAttachments(inner, number: number, shown: shown, inAlternative: false, into: &out)
            }
        case .multipart(let parts, _, _):
            let alt = part.contentType.subtype == "alternative"
            for (i, child) in parts.enumerated() {
                collectAttachments(child, number: childNumber(number, i), shown: shown, inAlternative: alt, into: &out)
            }
        }
    }
}

extension Message {
    /// Files uuencoded inside the text parts that are shown (old clients send attachments this
    /// way), with the number of the part that holds each.
    public func uuencodedFiles(preferring preference: BodyPreference = .plainText) -> [(number: String, file: UUEncoding.File)] {
        bodyParts(preferring: preference).flatMap { numbered -> [(number: String, file: UUEncoding.File)] in
            guard numbered.part.contentType.subtype == "plain" else { return [] }
            return UUEncoding.extract(from: numbered.part.decodedBody()).map { (numbered.number, $0) }
        }
    }
}
