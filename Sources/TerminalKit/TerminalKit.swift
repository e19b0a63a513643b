// A mail-agnostic TUI toolkit. Only Backend/ imports CNcurses.

/// Namespace for the TerminalKit module.
public enum TerminalKitModule {}
