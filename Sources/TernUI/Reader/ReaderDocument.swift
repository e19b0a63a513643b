import Foundation
import MailCore
import TernConfig

/// A message laid out for the viewer: a pure value built from a ``Message`` and ``ReaderOptions``.
///
/// Lines are laid out on demand: ``layOut(through:)`` adds lines until the one asked for exists,
/// so opening a huge message lays out only its first screen, and scrolling lays out the next ones
/// as they come. ``layOutAll()`` finishes the layout (for the last line, a search, the URL list).
/// Changing an option (width, HTML or plain text, all headers, raw source, folding) starts over.
public struct ReaderDocument: Sendable {
    /// The message.
    public let message: Message
    /// The options of this layout.
    public private(set) var options: ReaderOptions
    /// What is shown, before layout.
    public private(set) var content: ReaderContent
    /// The lines laid out so far.
    public internal(set) var lines: [ReaderLine] = []
    /// True when every line is laid out.
    public internal(set) var isComplete = false

    var registry = ReaderURLRegistry()
    /// The next block to lay out.
    var blockIndex = 0
    /// The text block being laid out.
    var part: PartState?
    /// The next byte of the raw source (raw mode).
    var rawOffset = 0

    /// Lays out `message`.
    ///
    /// - Parameters:
    ///   - message: the parsed message.
    ///   - options: width and choices.
    ///   - firstLines: lines to lay out now (a screenful).
    public init(message: Message, options: ReaderOptions, firstLines: Int = 0) {
        self.message = message
        self.options = options
        self.content = ReaderContent(message: message, preferHTML: options.preferHTML)
        layOut(through: firstLines)
    }

    /// The URLs numbered so far, in order (complete when ``isComplete``): the URL list.
    public var urls: [String] { registry.urls }

    /// Lays out lines until line `index` exists or the document ends.
    public mutating func layOut(through index: Int) {
        // A little beyond what is asked, so that scrolling line by line does not stop every line.
        let target = index + 64
        while !isComplete, lines.count <= target {
            step()
        }
    }

    /// Lays out every line.
    public mutating func layOutAll() {
        while !isComplete { step() }
    }

    /// The number of lines, when ``isComplete``; else the number laid out so far.
    public var lineCount: Int { lines.count }

    /// Changes the options and lays the message out again (the content is rebuilt only when the
    /// HTML/plain choice changed).
    public mutating func setOptions(_ new: ReaderOptions, firstLines: Int = 0) {
        guard new != options else { return }
        if new.preferHTML != options.preferHTML {
            content = ReaderContent(message: message, preferHTML: new.preferHTML)
        }
        options = new
        lines = []
        isComplete = false
        registry = ReaderURLRegistry()
        blockIndex = 0
        part = nil
        rawOffset = 0
        layOut(through: firstLines)
    }

    /// Lays out the next piece: a block, or a few units of a text part, or raw lines.
    mutating func step() {
        if options.showRaw {
            stepRaw()
            return
        }
        if part != nil {
            stepPart()
            return
        }
        guard blockIndex < content.blocks.count else {
            isComplete = true
            return
        }
        let block = content.blocks[blockIndex]
        blockIndex += 1
        switch block {
        case .header(let header): addHeader(header)
        case .text(let text): startPart(text)
        case .marker(let marker): addMarker(marker)
        case .embeddedStart(let marker): addEmbeddedStart(marker)
        case .embeddedEnd(let number, _): addEmbeddedEnd(number)
        case .note(let text, _): addNote(text)
        }
    }

    // MARK: - Spacing

    /// Adds an empty line unless the document is empty or already ends with one.
    mutating func ensureBlank() {
        guard let last = lines.last, last.kind != .blank else { return }
        lines.append(.blank)
    }

    /// The theme key of body text at `depth`.
    static func quoteKey(_ depth: Int) -> ThemeKey {
        switch depth {
        case 0: return .body
        case 1: return .quote1
        case 2: return .quote2
        case 3: return .quote3
        default: return .quote4
        }
    }
}
