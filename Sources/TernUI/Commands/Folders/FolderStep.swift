/// What `next-folder` and `previous-folder` share: open the next selectable folder line.
enum FolderStep {
    static func run(_ state: inout AppState, step: Int) -> [Effect] {
        let entries = state.sidebar.entries
        guard !entries.isEmpty else { return [] }
        let current = state.folder.flatMap { state.sidebar.index(of: $0.key) } ?? state.sidebar.list.selected ?? 0
        var i = current
        for _ in 0..<entries.count {
            i += step
            guard i >= 0, i < entries.count else { break }
            if let key = entries[i].folderKey, entries[i].isSelectable {
                return state.openFolder(key)
            }
        }
        state.show(.info, step > 0 ? "This is the last folder" : "This is the first folder")
        return []
    }
}
