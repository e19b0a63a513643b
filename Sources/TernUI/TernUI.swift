// The application's screens and state. Knows no sockets and no curses.
import TerminalKit

/// Namespace for the TernUI module.
public enum TernUIModule {}
