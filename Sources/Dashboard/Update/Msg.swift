import Foundation
import Markets
import TermCanvas

/// Something that happened: input from the terminal, or the result of an effect.
public enum Msg: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// New data is ready (loaded from the store).
    case dataLoaded(MarketData)
    /// A scheduled tick came due.
    case tick(Date)
    /// A background fetch finished.
    case fetched(FetchReport)
    /// A line on the fetch in flight: provider, requests so far, failures ("btc: coinbase, request 5 (waiting)").
    case fetchProgress(String)
    /// The daily fundamentals run began (it was due, and this process holds the fetch lease).
    case fundamentalsStarted
    /// Where the running fundamentals run is, for the status bar's badge (`SEC 37/212`).
    case fundamentalsProgress(String)
    /// The daily fundamentals run finished.
    case fundamentalsFetched(FundamentalsReport)
    /// A derivation asked for with `Cmd.derive` was computed.
    case derived(DerivedResult)
    /// Another process (a dashboard holding the fetch lease, an import) committed to the store: its data and
    /// every series' recorded status, read again. Asked for with `Cmd.watchStore`.
    case storeChanged(FetchReport)
    /// An effect has something to say in the status bar (a theme that could not be remembered, say).
    case notice(String)
}

/// An effect for the runtime to perform; its result, if any, comes back as a `Msg`.
public enum Cmd: Equatable, Sendable {
    /// Leave the dashboard and restore the terminal.
    case quit
    /// Remember this theme name for the next start.
    case rememberTheme(String)
    /// Fetch these series in the background; the result comes back as `.fetched`.
    case fetch([SeriesID])
    /// Run the daily fundamentals fetch in the background if it is due; the runner decides by the store's
    /// record of the last run and the fetch lease, and reports with `.fundamentalsStarted` and `.fundamentalsFetched`.
    case refreshFundamentals
    /// Send one `.tick` at this time (replacing the tick armed before).
    case armTick(Date)
    /// Wait until another connection commits to the store, then read it again; the answer comes back as
    /// `.storeChanged` (and `update` asks again).
    case watchStore
    /// Compute slow numbers off the loop (`job.run()`); the answer comes back as `.derived`.
    case derive(DerivationJob)
    /// Write `sec_contact` into config.toml ("" when the user skipped the question, so it is not asked again).
    case saveSECContact(String)
    /// Give the terminal back and stop the process, as Ctrl-Z does in a shell; draw again on `fg`.
    case suspend
}

extension Msg {
    /// Whether the message is the user's input (a key or a mouse action).
    var isInput: Bool {
        switch self {
        case .key, .mouse: return true
        default: return false
        }
    }
}
