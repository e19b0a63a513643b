/// The HTML elements the tree builder and renderer treat specially, and their categories.
///
/// Elements not listed here get a document-local id from ``HTMLTagNames`` and render as inline
/// containers of their content.
enum HTMLTag: Int, CaseIterable {
    case a, abbr, address, applet, area, article, aside, audio, b, base, bdi, bdo, big, blockquote, body, br
    case button, canvas, caption, center, cite, code, col, colgroup, datalist, dd, del, details, dfn, dialog
    case dir, div, dl, dt, em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset
    case h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, img, input, ins, kbd, keygen
    case label, legend, li, link, listing, main, map, mark, marquee, math, menu, meta, nav, nobr, noembed
    case noframes, noscript, object, ol, optgroup, option, p, param, picture, plaintext, pre, q, rp, rt
    case ruby, s, samp, script, search, section, select, small, source, span, strike, strong, style, sub
    case summary, sup, svg, table, tbody, td, template, textarea, tfoot, th, thead, time, title, tr, track
    case tt, u, ul, `var`, video, wbr, xmp

    /// The element's name in lower case.
    var name: String { String(describing: self) }

    /// Elements that never have content (HTML standard, "void elements").
    var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .input, .keygen, .link, .meta, .param, .source, .track, .wbr, .frame:
            true
        default:
            false
        }
    }

    /// Elements whose content is raw text up to their end tag; the tokenizer does not look for tags
    /// inside them.
    var isRawText: Bool {
        switch self {
        case .script, .style, .xmp, .iframe, .noembed, .noframes, .textarea, .title, .plaintext: true
        default: false
        }
    }

    /// Raw-text elements whose content decodes character references (RCDATA).
    var decodesReferencesInRawText: Bool { self == .textarea || self == .title }

    /// Elements whose content is never shown as text.
    var isHidden: Bool {
        switch self {
        case .head, .script, .style, .template, .title, .noembed, .noframes, .iframe, .object, .applet, .embed,
             .svg, .math, .select, .datalist, .audio, .video, .canvas, .map, .area, .meta, .link, .base, .rp,
             .frameset, .frame, .param, .source, .track, .input, .option, .optgroup:
            true
        default:
            false
        }
    }

    /// Elements whose start tag closes an open `<p>` (HTML standard, "in body" insertion mode).
    var closesParagraph: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
             .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hgroup, .hr, .main,
             .menu, .nav, .ol, .p, .pre, .search, .section, .summary, .table, .ul, .li, .dd, .dt, .listing,
             .plaintext, .xmp:
            true
        default:
            false
        }
    }

    /// Elements that end-tag matching does not cross (the standard's "scope" markers), so that a
    /// stray `</div>` inside a table cell cannot close a `<div>` around the table.
    var isScopeBoundary: Bool {
        switch self {
        case .td, .th, .table, .caption, .html, .template, .marquee, .object, .applet: true
        default: false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// Table sections and rows, whose end tags may close the cell that is open inside them.
    var isTableStructure: Bool {
        switch self {
        case .table, .tbody, .thead, .tfoot, .tr: true
        default: false
        }
    }
}

/// Maps tag names to ids: ``HTMLTag`` raw values for known elements, ids from
/// ``HTMLTagNames/firstUnknownID`` up for other names, allocated per document.
struct HTMLTagNames {
    static let firstUnknownID = 1000

    private var unknown: [String: Int] = [:]

    /// Known tag names in an open-addressing table hashed with FNV-1a: cheaper than `Dictionary`'s
    /// SipHash for the one lookup every tag needs.
    private static let slotCount = 512
    private static let slots: [Int16] = {
        var slots = [Int16](repeating: -1, count: slotCount)
        for tag in HTMLTag.allCases {
            var i = hash(tag.name) & (slotCount - 1)
            while slots[i] >= 0 { i = (i + 1) & (slotCount - 1) }
            slots[i] = Int16(tag.rawValue)
        }
        return slots
    }()
    private static let names: [String] = HTMLTag.allCases.map(\.name)

    private static func hash(_ name: String) -> Int {
        var h: UInt32 = 2_166_136_261
        for c in name.utf8 { h = (h ^ UInt32(c)) &* 16_777_619 }
        return Int(h)
    }

    /// The id of a known lower-case tag name, or nil.
    static func knownID(_ name: String) -> Int? {
        var i = hash(name) & (slotCount - 1)
        while slots[i] >= 0 {
            let id = Int(slots[i])
            if names[id] == name { return id }
            i = (i + 1) & (slotCount - 1)
        }
        return nil
    }

    /// The id of a lower-case tag name.
    mutating func id(for name: String) -> Int {
        if let id = Self.knownID(name) { return id }
        if let id = unknown[name] { return id }
        let id = Self.firstUnknownID + unknown.count
        unknown[name] = id
        return id
    }
}

extension HTMLTagNames {
    /// The known element for a lower-case name, or nil.
    static func knownTag(_ name: String) -> HTMLTag? {
        knownID(name).flatMap(HTMLTag.init(rawValue:))
    }
}
