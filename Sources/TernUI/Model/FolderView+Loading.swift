/// Bookkeeping of in-flight loads, so that a burst of changes (a sync adding messages chunk by
/// chunk) reloads the list once per answer rather than once per change.
public struct LoadTracker: Hashable, Sendable {
    /// A count or threads request of the current generation is on its way.
    public var awaitingList = false
    /// Another reload was asked for while one was on its way.
    public var reloadQueued = false
    /// The folder's first sync has been asked for (after its cached rows were shown).
    public var synced = false
    /// The folder is being watched.
    public var watching = false
    /// The list shows a first sync's rows while the sync goes on (see ``AppState/reloadAfterSync()``).
    public var filling = false
    /// A reload was asked for while the selection was on this line, the list's start (see
    /// ``AppState/reloadToStartUnlessMoved()``): when the rows arrive, the list goes to its start
    /// again if the selection is still here, and stays on the message the user moved to otherwise.
    public var followStart: Int?

    /// Creates a tracker with nothing in flight.
    public init() {}
}
