import CNcurses

/// The ncurses library version string, e.g. "ncurses 6.4.20221231" (proves the link works).
public func ncursesVersion() -> String {
    String(cString: curses_version())
}
