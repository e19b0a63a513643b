import TernConfig

/// `sync-folder`: carries out the deletions marked in the open folder and syncs it.
public struct SyncFolderCommand: UICommand {
    /// Creates the command.
    public init() {}
    /// `sync-folder`.
    public var name: CommandName { .syncFolder }
    /// Where it works.
    public var contexts: Set<KeyContext> { [.global] }

    /// Runs it.
    public func run(_ invocation: CommandInvocation, state: inout AppState) -> [Effect] {
        guard let key = state.folder?.key else { return [] }
        let deletions = state.flushPendingDeletions()
        if deletions.isEmpty { state.show(.info, "Syncing \(key.path)") }
        return deletions + [.sync(key)]
    }
}
