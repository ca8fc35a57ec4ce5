/// The curses backend; see CursesTerminal.
import TermCanvas
