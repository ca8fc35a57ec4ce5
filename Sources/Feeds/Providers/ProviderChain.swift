import Foundation
import Markets

/// The providers of one series in order of preference, tried in turn until one answers well.
///
/// A provider in backoff is skipped; a fault puts it in backoff and the next one is tried. When every
/// provider has failed the chain waits until the first of them may be tried again and goes round
/// again, up to `rounds` times; a provider whose answer was too large or too slow is not asked again
/// within the run (`FetchFault.isWorthRetryingSoon`).
public struct ProviderChain: Sendable {
    public var series: SeriesID
    public var providers: [any PriceProvider]
    public var book: BackoffBook
    public var clock: any FetchClock
    /// How many times the chain goes round before it gives up (1: no waiting at all).
    public var rounds: Int

    public init(series: SeriesID, providers: [any PriceProvider], book: BackoffBook, clock: any FetchClock = SystemClock(),
                rounds: Int = 3) {
        self.series = series
        self.providers = providers.filter { $0.serves(series) }
        self.book = book
        self.clock = clock
        self.rounds = rounds
    }

    /// Bars from the first provider that gives a valid answer, and its name.
    ///
    /// - Throws: `ChainFailure` with every provider's fault, oldest first.
    public func fetch(from: Day, through: Day) throws -> (source: String, bars: [Bar]) {
        var faults: [ProviderFault] = []
        guard !providers.isEmpty else {
            throw ChainFailure(series: series, faults: [], retryAt: nil, note: "no provider serves \(series)")
        }
        for round in 1...max(1, rounds) {
            for provider in providers {
                // An answer too large or too slow is not asked for again in this run (the next run may).
                if round > 1, book.entry(provider.name).lastFault?.isWorthRetryingSoon == false { continue }
                let now = clock.now()
                let ready = book.notBefore(provider.name)
                if ready > now {
                    if round == 1, let fault = book.entry(provider.name).lastFault {
                        faults.append(ProviderFault(provider: provider.name, fault: fault))
                    }
                    continue
                }
                do {
                    let bars = try provider.dailyBars(series, from: from, through: through, now: now)
                    book.succeeded(provider.name)
                    return (provider.name, bars)
                } catch let fault as FetchFault {
                    book.failed(provider.name, fault: fault, at: clock.now())
                    faults.append(ProviderFault(provider: provider.name, fault: fault))
                } catch {
                    let fault = FetchFault.network("\(error)")
                    book.failed(provider.name, fault: fault, at: clock.now())
                    faults.append(ProviderFault(provider: provider.name, fault: fault))
                }
            }
            let retryAt = providers.map { book.notBefore($0.name) }.min()!
            let retryable = providers.filter { book.entry($0.name).lastFault?.isWorthRetryingSoon != false }
            if round == rounds || retryable.isEmpty { throw ChainFailure(series: series, faults: faults, retryAt: retryAt) }
            let nextTry = retryable.map { book.notBefore($0.name) }.min()!
            clock.sleep(max(0, nextTry.timeIntervalSince(clock.now())))
        }
        throw ChainFailure(series: series, faults: faults, retryAt: nil)
    }
}

/// Every provider of a series failed.
public struct ChainFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var series: SeriesID
    /// The faults, oldest first.
    public var faults: [ProviderFault]
    /// When the first provider may be tried again.
    public var retryAt: Date?
    public var note: String?

    public init(series: SeriesID, faults: [ProviderFault], retryAt: Date?, note: String? = nil) {
        self.series = series
        self.faults = faults
        self.retryAt = retryAt
        self.note = note
    }

    /// The last fault of each provider, one line.
    public var description: String {
        if let note { return note }
        var seen = Set<String>()
        let lastPerProvider = faults.reversed().filter { seen.insert($0.provider).inserted }.reversed()
        return lastPerProvider.map(\.description).joined(separator: "; ")
    }
}
