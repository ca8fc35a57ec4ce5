#ifndef RESONANCE_CNCURSESW_SHIM_H
#define RESONANCE_CNCURSESW_SHIM_H
// SwiftPM drops the -D flags pkg-config gives, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdint.h>
#include <wchar.h>

// Swift 6 rejects C globals and does not import function-like or bit macros, so each one the
// Terminal module needs has a small getter here. Names start with `rs_` to keep them apart from curses.

// MARK: - Globals

static inline WINDOW *rs_stdscr(void) { return stdscr; }
static inline int rs_lines(void) { return LINES; }
static inline int rs_cols(void) { return COLS; }
static inline int rs_colors(void) { return COLORS; }
static inline int rs_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *_Nonnull rs_stdin(void) { return stdin; }
static inline FILE *_Nonnull rs_stdout(void) { return stdout; }

// MARK: - Window geometry

static inline int rs_max_y(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int rs_max_x(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

// MARK: - Attributes and colour pairs

static inline attr_t rs_a_normal(void) { return A_NORMAL; }
static inline attr_t rs_a_bold(void) { return A_BOLD; }
static inline attr_t rs_a_dim(void) { return A_DIM; }
static inline attr_t rs_a_reverse(void) { return A_REVERSE; }
static inline attr_t rs_a_underline(void) { return A_UNDERLINE; }
static inline int rs_color_pair(int n) { return (int)COLOR_PAIR(n); }

// MARK: - Keys

static inline int rs_ok(void) { return OK; }
static inline int rs_err(void) { return ERR; }
static inline int rs_key_code_yes(void) { return KEY_CODE_YES; }
static inline int rs_key_up(void) { return KEY_UP; }
static inline int rs_key_down(void) { return KEY_DOWN; }
static inline int rs_key_left(void) { return KEY_LEFT; }
static inline int rs_key_right(void) { return KEY_RIGHT; }
static inline int rs_key_home(void) { return KEY_HOME; }
static inline int rs_key_end(void) { return KEY_END; }
static inline int rs_key_find(void) { return KEY_FIND; }
static inline int rs_key_select(void) { return KEY_SELECT; }
static inline int rs_key_ppage(void) { return KEY_PPAGE; }
static inline int rs_key_npage(void) { return KEY_NPAGE; }
static inline int rs_key_enter(void) { return KEY_ENTER; }
static inline int rs_key_btab(void) { return KEY_BTAB; }
static inline int rs_key_backspace(void) { return KEY_BACKSPACE; }
static inline int rs_key_dc(void) { return KEY_DC; }
static inline int rs_key_f(int n) { return KEY_F(n); }
static inline int rs_key_resize(void) { return KEY_RESIZE; }
static inline int rs_key_mouse(void) { return KEY_MOUSE; }

// MARK: - Mouse

static inline mmask_t rs_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t rs_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t rs_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t rs_button2_released(void) { return BUTTON2_RELEASED; }
static inline mmask_t rs_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t rs_button3_released(void) { return BUTTON3_RELEASED; }
static inline mmask_t rs_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t rs_button5_pressed(void) { return BUTTON5_PRESSED; }

// MARK: - Terminfo

/// A terminfo string capability, or NULL when the terminal lacks it (curses reports absence as 0 or -1).
static inline const char *rs_string_capability(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

/// How many colours terminfo says a terminal type has: -1 when it has none, -2 when the type is unknown.
///
/// Reads the entry without starting curses and puts back whatever terminal was current, for `render`.
static inline int rs_terminfo_colors(const char *name) {
    int status = 0;
    TERMINAL *previous = cur_term;
    if (setupterm((char *)name, 2, &status) != OK) { set_curterm(previous); return -2; }
    int colors = tigetnum("colors");
    TERMINAL *mine = set_curterm(previous);
    if (mine != previous) del_curterm(mine);
    return colors < 0 ? -1 : colors;
}

// MARK: - Signals

/// Stores a signal number through a volatile pointer, as a signal handler may.
static inline void rs_store_signal(volatile sig_atomic_t *slot, int value) { *slot = value; }
/// Reads a signal number stored by a handler.
static inline int rs_load_signal(volatile sig_atomic_t *slot) { return *slot; }
/// Installs a handler without SA_RESTART, so blocking reads return EINTR and the input loop wakes.
static inline int rs_install_handler(int signo, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = handler;
    return sigaction(signo, &action, previous);
}
/// Puts back the default action for a signal.
static inline int rs_default_handler(int signo) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = SIG_DFL;
    return sigaction(signo, &action, NULL);
}

#endif
