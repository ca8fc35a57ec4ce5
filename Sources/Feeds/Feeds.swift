// Feeds: the SQLite store and CSV import.
//
// - `Locations` finds every folder: the store's, config's, themes', the log's and the cache's (`--home`,
//   `RESONANCE_HOME`, XDG, the XDG defaults).
// - `Store` keeps bars per series in one SQLite file, in WAL mode, through GRDB.
// - `PriceCSVParser` turns the bytes of a price file into bars, with `FILE:LINE:` errors.
// - `Importer` parses a file and writes it to the store in one transaction.
// - `SeriesCSV` renders a series back to CSV.
// - `FlowsCSVParser` and `LossShareCSVParser` read ETF net flows and the loss-making share, stored as
//   observations (`flows.<fund>`, `loss_share.r2k`) beside the bars; `Importer` writes them too.
