/// The SQLite store and CSV import.
