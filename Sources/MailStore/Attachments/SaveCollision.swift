/// What to do when the folder already holds a file with the name an attachment is saved under.
public enum SaveCollision: Sendable, Hashable {
    /// Save as `name (1).ext`, `name (2).ext` ... (the first free name).
    case rename
    /// Throw ``AttachmentSaveError/Kind/exists(name:)`` so the caller can ask the user.
    case fail
    /// Replace the existing file (only after the user said yes). A symbolic link of that name is
    /// removed itself, never followed; a folder of that name is never replaced.
    case overwrite
}
