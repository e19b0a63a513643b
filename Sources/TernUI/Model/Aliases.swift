import MailEngine
import TernConfig

// Names that two imported modules both define, spelled out once.

/// MailEngine's message summary (MailCore has a MIME `MessageSummary` of its own).
typealias Summary = MailEngine.MessageSummary
/// The order a backend returns summaries in.
typealias BackendOrder = MailEngine.SortOrder
