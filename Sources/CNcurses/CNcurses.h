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
#include <pthread.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

/* Extended colour pairs (ncurses 6): put one grapheme with an int pair number. */
static inline int CNcurses_mvadd_wchars_pair(int y, int x, const wchar_t *wcs, attr_t attrs, int pair) {
    cchar_t c;
    int p = pair;
    if (setcchar(&c, wcs, attrs, (short)(pair < 32767 ? pair : 0), &p) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}

/* Width of one character by the C library in the current locale (-1: not printable). Used only to
 * check that ncurses will place a cell where TerminalKit's own tables put it. */
int wcwidth(wchar_t c); /* POSIX (XSI); declared here in case the includer did not ask for XSI. */
static inline int CNcurses_wcwidth(int c) { return wcwidth((wchar_t)c); }

/* Is the locale's character set UTF-8? */
#include <langinfo.h>
#include <string.h>
static inline int CNcurses_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* A terminfo string capability, or NULL when absent or not a string (tigetstr returns (char *)-1). */
static inline const char *CNcurses_tigetstr(const char *name) {
    char *s = tigetstr(name);
    if (s == NULL || s == (char *)-1) return NULL;
    return s;
}

/* newterm on the standard streams: unlike initscr it returns NULL instead of exiting on failure. */
#include <stdio.h>
static inline SCREEN *CNcurses_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

/* Raise a signal to this process (for Ctrl-Z: SIGTSTP). */
static inline int CNcurses_SIGTSTP(void) { return SIGTSTP; }

/*
 * Terminal guard: restores the terminal from a signal handler, with async-signal-safe calls only
 * (write, tcsetattr, sigaction, raise, _exit).
 *
 * The state is in function-local statics, so each object file that calls these functions would get
 * its own copy: call them from exactly one Swift file (TerminalKit/Backend/TerminalGuard.swift).
 *
 * - SIGINT, SIGTERM, SIGHUP, SIGQUIT: restore, then _exit(128 + signal).
 * - SIGTSTP: restore, stop (default action), and on continue re-enter the UI modes and wake the
 *   UI loop with 'S' so it redraws ('C' when the UI was suspended already). SIGCONT alone also wakes
 *   the loop with 'C'.
 * - SIGWINCH: wake the loop with 'W'.
 * - SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE: restore, then hand the signal to the handler
 *   that was there before (the Swift runtime's backtracer or the default action).
 * - atexit: restore if the UI is still active.
 */
#define CNCURSES_GUARD_SEQ 512
typedef struct {
    int tty_fd;
    int wake_fd;
    struct termios shell_mode;
    struct termios program_mode;
    char leave_seq[CNCURSES_GUARD_SEQ];
    size_t leave_len;
    char enter_seq[CNCURSES_GUARD_SEQ];
    size_t enter_len;
} CNcurses_guard_config;

/* State lives in function-local statics: the Swift compiler emits those with the inline function
 * (it does not emit file-scope statics of an imported header). */
static inline CNcurses_guard_config *CNcurses_guard_cfg(void) { static CNcurses_guard_config c; return &c; }
static inline volatile sig_atomic_t *CNcurses_guard_active(void) { static volatile sig_atomic_t a = 0; return &a; }
static inline volatile sig_atomic_t *CNcurses_guard_installed(void) { static volatile sig_atomic_t i = 0; return &i; }
static inline struct sigaction *CNcurses_guard_old(void) { static struct sigaction old[65]; return old; }
#define CNCURSES_GUARD_EXIT_SIGNALS { SIGINT, SIGTERM, SIGHUP, SIGQUIT }
#define CNCURSES_GUARD_CRASH_SIGNALS { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE }

static inline void CNcurses_guard_write(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w <= 0) return;
        p += w; n -= (size_t)w;
    }
}

static inline void CNcurses_guard_leave(void) {
    if (!*CNcurses_guard_active()) return;
    CNcurses_guard_write(CNcurses_guard_cfg()->tty_fd, CNcurses_guard_cfg()->leave_seq, CNcurses_guard_cfg()->leave_len);
    tcsetattr(CNcurses_guard_cfg()->tty_fd, TCSADRAIN, &CNcurses_guard_cfg()->shell_mode);
}

static inline void CNcurses_guard_wake(char c) {
    if (CNcurses_guard_cfg()->wake_fd >= 0) { ssize_t r = write(CNcurses_guard_cfg()->wake_fd, &c, 1); (void)r; }
}

static inline void CNcurses_guard_handler(int sig) {
    int saved_errno = errno;
    if (sig == SIGWINCH) { CNcurses_guard_wake('W'); errno = saved_errno; return; }
    if (sig == SIGCONT) { CNcurses_guard_wake('C'); errno = saved_errno; return; }
    if (sig == SIGTSTP) {
        int was_active = *CNcurses_guard_active();
        CNcurses_guard_leave();
        *CNcurses_guard_active() = 0;
        struct sigaction dfl, mine;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigemptyset(&dfl.sa_mask);
        sigaction(SIGTSTP, &dfl, &mine);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGTSTP);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(SIGTSTP);
        /* Continued. */
        sigprocmask(SIG_BLOCK, &set, NULL);
        sigaction(SIGTSTP, &mine, NULL);
        if (was_active) {
            tcsetattr(CNcurses_guard_cfg()->tty_fd, TCSADRAIN, &CNcurses_guard_cfg()->program_mode);
            CNcurses_guard_write(CNcurses_guard_cfg()->tty_fd, CNcurses_guard_cfg()->enter_seq, CNcurses_guard_cfg()->enter_len);
            *CNcurses_guard_active() = 1;
        }
        /* 'S': the guard itself left and re-entered the UI modes (behind ncurses' back). */
        CNcurses_guard_wake(was_active ? 'S' : 'C');
        errno = saved_errno;
        return;
    }
    static const int exit_signals[] = CNCURSES_GUARD_EXIT_SIGNALS;
    for (size_t i = 0; i < sizeof exit_signals / sizeof(int); i++) {
        if (sig == exit_signals[i]) {
            CNcurses_guard_leave();
            _exit(128 + sig);
        }
    }
    /* A crash: restore, then let the previous handler (or the default action) have it. */
    CNcurses_guard_leave();
    *CNcurses_guard_active() = 0;
    sigaction(sig, &CNcurses_guard_old()[sig], NULL);
    raise(sig);
    errno = saved_errno;
}

static inline void CNcurses_guard_atexit(void) { CNcurses_guard_leave(); *CNcurses_guard_active() = 0; }

/* Copies the configuration (sequences are cut to CNCURSES_GUARD_SEQ bytes). */
static inline void CNcurses_guard_configure(int tty_fd, int wake_fd, const struct termios *shell_mode,
                                            const struct termios *program_mode,
                                            const char *leave, size_t leave_len,
                                            const char *enter, size_t enter_len) {
    *CNcurses_guard_active() = 0;
    CNcurses_guard_cfg()->tty_fd = tty_fd;
    CNcurses_guard_cfg()->wake_fd = wake_fd;
    CNcurses_guard_cfg()->shell_mode = *shell_mode;
    CNcurses_guard_cfg()->program_mode = *program_mode;
    if (leave_len > CNCURSES_GUARD_SEQ) leave_len = CNCURSES_GUARD_SEQ;
    if (enter_len > CNCURSES_GUARD_SEQ) enter_len = CNCURSES_GUARD_SEQ;
    memcpy(CNcurses_guard_cfg()->leave_seq, leave, leave_len);
    CNcurses_guard_cfg()->leave_len = leave_len;
    memcpy(CNcurses_guard_cfg()->enter_seq, enter, enter_len);
    CNcurses_guard_cfg()->enter_len = enter_len;
}

/* Stops the process with SIGTSTP sent to the calling thread, so the guard's handler runs (and the
 * process stops) before this returns. kill(getpid(), ...) would let any thread take the signal while
 * the caller goes on and re-enters the UI modes, and the process could stop half way through that. */
static inline int CNcurses_guard_stop_self(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    return raise(SIGTSTP);
}

/* Marks the UI active (the guard restores the terminal) or not (suspended, or shut down). */
static inline void CNcurses_guard_set_active(int active) { *CNcurses_guard_active() = active ? 1 : 0; }

static inline int CNcurses_guard_install_one(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = CNcurses_guard_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = (sig == SIGWINCH || sig == SIGCONT) ? SA_RESTART : 0;
    return sigaction(sig, &sa, &CNcurses_guard_old()[sig]);
}

/* Installs the handlers (once; later calls only update the configuration). */
static inline int CNcurses_guard_install(void) {
    if (*CNcurses_guard_installed()) return 0;
    static int atexit_registered = 0;
    if (!atexit_registered) { atexit(CNcurses_guard_atexit); atexit_registered = 1; }
    static const int exit_signals[] = CNCURSES_GUARD_EXIT_SIGNALS;
    static const int crash_signals[] = CNCURSES_GUARD_CRASH_SIGNALS;
    for (size_t i = 0; i < sizeof exit_signals / sizeof(int); i++)
        if (CNcurses_guard_install_one(exit_signals[i]) != 0) return -1;
    for (size_t i = 0; i < sizeof crash_signals / sizeof(int); i++)
        if (CNcurses_guard_install_one(crash_signals[i]) != 0) return -1;
    if (CNcurses_guard_install_one(SIGTSTP) != 0) return -1;
    if (CNcurses_guard_install_one(SIGCONT) != 0) return -1;
    if (CNcurses_guard_install_one(SIGWINCH) != 0) return -1;
    /* A parent may have left these blocked (threads of test runners do): the UI thread takes them. */
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof exit_signals / sizeof(int); i++) sigaddset(&set, exit_signals[i]);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    sigaddset(&set, SIGWINCH);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    *CNcurses_guard_installed() = 1;
    return 0;
}

/* Puts back the handlers that were there before CNcurses_guard_install. */
static inline void CNcurses_guard_uninstall(void) {
    if (!*CNcurses_guard_installed()) return;
    *CNcurses_guard_active() = 0;
    static const int exit_signals[] = CNCURSES_GUARD_EXIT_SIGNALS;
    static const int crash_signals[] = CNCURSES_GUARD_CRASH_SIGNALS;
    for (size_t i = 0; i < sizeof exit_signals / sizeof(int); i++)
        sigaction(exit_signals[i], &CNcurses_guard_old()[exit_signals[i]], NULL);
    for (size_t i = 0; i < sizeof crash_signals / sizeof(int); i++)
        sigaction(crash_signals[i], &CNcurses_guard_old()[crash_signals[i]], NULL);
    sigaction(SIGTSTP, &CNcurses_guard_old()[SIGTSTP], NULL);
    sigaction(SIGCONT, &CNcurses_guard_old()[SIGCONT], NULL);
    sigaction(SIGWINCH, &CNcurses_guard_old()[SIGWINCH], NULL);
    *CNcurses_guard_installed() = 0;
}

#endif
