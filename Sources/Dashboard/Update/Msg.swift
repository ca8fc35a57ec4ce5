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
    /// The daily fundamentals run began (it was due, and this process holds the fetch lease).
    case fundamentalsStarted
    /// The daily fundamentals run finished.
    case fundamentalsFetched(FundamentalsReport)
    /// A derivation asked for with `Cmd.derive` was computed.
    case derived(DerivedResult)
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
    /// Compute slow numbers off the loop (`job.run()`); the answer comes back as `.derived`.
    case derive(DerivationJob)
}
