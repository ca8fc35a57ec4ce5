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
}

/// An effect for the runtime to perform; its result, if any, comes back as a `Msg`.
public enum Cmd: Equatable, Sendable {
    /// Leave the dashboard and restore the terminal.
    case quit
    /// Remember this theme name for the next start.
    case rememberTheme(String)
    /// Fetch these series in the background; the result comes back as `.fetched`.
    case fetch([SeriesID])
    /// Send one `.tick` at this time (replacing the tick armed before).
    case armTick(Date)
}
