import MailCore
import MailEngine
import TerminalKit

/// What the viewer asks the runtime to do: load a message, save, open or pipe a part, open a URL,
/// run a program in the terminal. One ``Effect/viewer(_:)`` case carries them all.
public enum ViewerEffect: Hashable, Sendable {
    /// Load and parse a message (off the UI thread).
    case load(MessageReference)
    /// Lay out the rest of a message off the UI thread, so that `G` and searches far down need not.
    case layOut(LayoutJob)
    /// Write an attachment to a file.
    case save(SaveRequest)
    /// Write every attachment of a message into a folder (`S`).
    case saveAll(SaveAllRequest)
    /// Open an attachment with its mailcap entry or the opener.
    case open(OpenRequest)
    /// Pipe a part or the whole message to a shell command.
    case pipe(PipeRequest)
    /// Open a URL with `$BROWSER` or the opener.
    case openURL(String, opener: String)
    /// Copy text (a URL) to the clipboard: the runtime sends the terminal OSC 52 and sets
    /// ``CopyRequest/sentToTerminal``, then the desktop's clipboard program (if any) gets it too.
    case copy(CopyRequest)
    /// Run a program on the terminal: the runtime suspends the UI, runs it, and takes the terminal back.
    case runInTerminal(TerminalJob)
}

/// An attachment to save where the user said.
public struct SaveRequest: Hashable, Sendable {
    /// The decoded part.
    public var bytes: [UInt8]
    /// The folder and the safe name.
    public var destination: AttachmentFiles.Destination
    /// The part's type.
    public var mimeType: String
    /// Replace an existing file (the user said yes).
    public var overwrite: Bool

    /// A request.
    public init(bytes: [UInt8], destination: AttachmentFiles.Destination, mimeType: String, overwrite: Bool) {
        self.bytes = bytes
        self.destination = destination
        self.mimeType = mimeType
        self.overwrite = overwrite
    }
}

/// An attachment to open.
public struct OpenRequest: Hashable, Sendable {
    /// The decoded part.
    public var bytes: [UInt8]
    /// Its `type/subtype`.
    public var mimeType: String
    /// Its `Content-Type` parameters (for mailcap `%{name}`).
    public var parameters: [String: String]
    /// Its name as shown (sanitised), for messages.
    public var name: String
    /// The opener and mailcap files.
    public var settings: ViewerSettings

    /// A request.
    public init(bytes: [UInt8], mimeType: String, parameters: [String: String], name: String, settings: ViewerSettings) {
        self.bytes = bytes
        self.mimeType = mimeType
        self.parameters = parameters
        self.name = name
        self.settings = settings
    }
}

/// Bytes to pipe to a command the user typed.
public struct PipeRequest: Hashable, Sendable {
    /// What is piped.
    public enum Source: Hashable, Sendable {
        /// These bytes (a decoded part, or a message already loaded).
        case bytes([UInt8])
        /// A message to load first (piped from the list).
        case message(MessageReference)
    }

    /// What is piped.
    public var source: Source
    /// The shell command as typed.
    public var command: String
    /// Give the command the terminal (a pager, `urlview`) instead of showing its output.
    public var usesTerminal: Bool

    /// A request.
    public init(source: Source, command: String, usesTerminal: Bool = false) {
        self.source = source
        self.command = command
        self.usesTerminal = usesTerminal
    }
}

/// Text to put on the clipboard.
public struct CopyRequest: Hashable, Sendable {
    /// The text.
    public var text: String
    /// True once the runtime has sent it to the terminal with OSC 52.
    public var sentToTerminal: Bool

    /// A request.
    public init(text: String, sentToTerminal: Bool = false) {
        self.text = text
        self.sentToTerminal = sentToTerminal
    }
}

/// A program to run on the terminal while the UI is suspended (a `needsterminal` mailcap viewer).
/// Jobs are equal when their ids are.
public struct TerminalJob: Hashable, Sendable {
    /// Tells jobs apart.
    public let id: Int
    /// What runs, for messages (`mailcap entry at ~/.mailcap:3`).
    public let title: String
    /// Runs the program and waits for it.
    public let run: @Sendable () throws -> ExternalProcess.Result

    /// A job.
    public init(id: Int, title: String, run: @escaping @Sendable () throws -> ExternalProcess.Result) {
        self.id = id
        self.title = title
        self.run = run
    }

    public static func == (a: TerminalJob, b: TerminalJob) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A message's layout to finish off the UI thread. Jobs are equal when their message and
/// generation are.
public struct LayoutJob: Hashable, Sendable {
    /// The message.
    public var reference: MessageReference
    /// The viewer's ``ReaderScreen/layoutGeneration`` when it started.
    public var generation: Int
    /// The document as far as it is laid out.
    public var document: ReaderDocument

    /// A job.
    public init(reference: MessageReference, generation: Int, document: ReaderDocument) {
        self.reference = reference
        self.generation = generation
        self.document = document
    }

    public static func == (a: LayoutJob, b: LayoutJob) -> Bool { a.reference == b.reference && a.generation == b.generation }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(reference)
        hasher.combine(generation)
    }
}

/// The answers to ``ViewerEffect``s, posted back to the UI loop as ``AppMessage/viewer(_:)``.
public enum ViewerAnswer: Sendable {
    /// A message was loaded and parsed (or could not be).
    case loaded(MessageReference, Result<Message, UIError>)
    /// A layout finished in the background.
    case laidOut(LayoutJob)
    /// A save ended.
    case saved(SaveRequest, Result<AttachmentFiles.Saved, AttachmentFiles.Failure>)
    /// A save-all ended.
    case savedAll(SaveAllRequest, SaveAllOutcome)
    /// A big save wrote `done` of `total` bytes.
    case progress(name: String, done: Int, total: Int)
    /// Text to show on a page of its own: a program's output, a text part without a mailcap entry.
    case showText(title: String, text: String)
    /// A program needs the terminal: run it (as ``ViewerEffect/runInTerminal(_:)``).
    case needsTerminal(TerminalJob)
    /// Something ended; say so on the bottom line.
    case status(MessageLevel, String)
}
