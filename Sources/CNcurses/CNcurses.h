/*
 * CNcurses: the only C in tern. It includes the wide-character curses API and wraps, as prefixed
 * static inline functions, the macros Swift cannot import and the globals that Swift 6 rejects as
 * unsafe shared state. Never copy a macro's value into Swift: add a wrapper here instead.
 * Only Sources/TerminalKit/Backend/ may import this module.
 */
#ifndef CNCURSES_H
#define CNCURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#elif __has_include(<curses.h>)
#include <curses.h>
#else
#error "CNcurses: no curses.h found; install libncursesw5-dev"
#endif

/* Globals (Swift 6 rejects them as shared mutable state). */
static inline WINDOW *CNcurses_stdscr(void) { return stdscr; }
static inline int CNcurses_COLS(void) { return COLS; }
static inline int CNcurses_LINES(void) { return LINES; }
static inline int CNcurses_COLORS(void) { return COLORS; }
static inline int CNcurses_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int CNcurses_ESCDELAY_set(int ms) { return set_escdelay(ms); }

/* Attribute macros. */
static inline attr_t CNcurses_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t CNcurses_A_BOLD(void) { return A_BOLD; }
static inline attr_t CNcurses_A_DIM(void) { return A_DIM; }
static inline attr_t CNcurses_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t CNcurses_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t CNcurses_A_BLINK(void) { return A_BLINK; }
#ifdef A_ITALIC
static inline attr_t CNcurses_A_ITALIC(void) { return A_ITALIC; }
#else
static inline attr_t CNcurses_A_ITALIC(void) { return A_NORMAL; }
#endif
static inline attr_t CNcurses_COLOR_PAIR(int n) { return COLOR_PAIR(n); }

/* Geometry. */
static inline void CNcurses_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

/* Keys. */
static inline int CNcurses_KEY_RESIZE(void) { return KEY_RESIZE; }
static inline int CNcurses_KEY_F(int n) { return KEY_F(n); }
static inline int CNcurses_KEY_UP(void) { return KEY_UP; }
static inline int CNcurses_KEY_DOWN(void) { return KEY_DOWN; }
static inline int CNcurses_KEY_LEFT(void) { return KEY_LEFT; }
static inline int CNcurses_KEY_RIGHT(void) { return KEY_RIGHT; }
static inline int CNcurses_KEY_HOME(void) { return KEY_HOME; }
static inline int CNcurses_KEY_END(void) { return KEY_END; }
static inline int CNcurses_KEY_PPAGE(void) { return KEY_PPAGE; }
static inline int CNcurses_KEY_NPAGE(void) { return KEY_NPAGE; }
static inline int CNcurses_KEY_BACKSPACE(void) { return KEY_BACKSPACE; }
static inline int CNcurses_KEY_DC(void) { return KEY_DC; }
static inline int CNcurses_KEY_IC(void) { return KEY_IC; }
static inline int CNcurses_KEY_ENTER(void) { return KEY_ENTER; }
static inline int CNcurses_KEY_BTAB(void) { return KEY_BTAB; }
static inline int CNcurses_KEY_MOUSE(void) { return KEY_MOUSE; }
static inline int CNcurses_KEY_CODE_YES(void) { return KEY_CODE_YES; }
static inline int CNcurses_ERR(void) { return ERR; }
static inline int CNcurses_OK(void) { return OK; }

/* Mouse. */
static inline mmask_t CNcurses_ALL_MOUSE_EVENTS(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t CNcurses_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t CNcurses_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t CNcurses_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t CNcurses_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t CNcurses_BUTTON5_PRESSED(void) { return 0; }
#endif

/* Wide-character output: put one grapheme (up to CCHARW_MAX code points) with attributes and pair. */
static inline int CNcurses_mvadd_wchars(int y, int x, const wchar_t *wcs, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wcs, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}

/* Terminal size straight from the tty, for SIGWINCH handling. */
static inline int CNcurses_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

#endif
