#ifndef RESONANCE_CNCURSESW_SHIM_H
#define RESONANCE_CNCURSESW_SHIM_H
// SwiftPM drops the -D flags pkg-config gives, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#endif
