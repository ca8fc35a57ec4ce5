import Runtime
import Foundation
import Synchronization
import Testing

/// `concurrently`: both results, errors from either side, and the wait for the other thread.
@Suite("Two computations at once")
struct ConcurrentlyTests {
    struct Failed: Error, Equatable { var side: String }

    @Test(arguments: [true, false])
    func givesBothResults(onTwoThreads: Bool) {
        let callingThread = Thread.current
        let (first, second) = concurrently(if: onTwoThreads) {
            (1...1_000).reduce(0, +)
        } and: {
            (Thread.current == callingThread, "second")
        }
        #expect(first == 500_500)
        #expect(second == (true, "second"), "the second computation runs on the calling thread")
    }

    @Test func anErrorOfTheFirstReachesTheCaller() {
        #expect(throws: Failed(side: "first")) {
            _ = try concurrently { () throws(Failed) -> Int in throw Failed(side: "first") } and: { () throws(Failed) in 2 }
        }
    }

    @Test func anErrorOfTheSecondWaitsForTheFirstToFinish() {
        let finished = Mutex(false)
        #expect(throws: Failed(side: "second")) {
            _ = try concurrently { () throws(Failed) -> Int in
                Thread.sleep(forTimeInterval: 0.05)
                finished.withLock { $0 = true }
                return 1
            } and: { () throws(Failed) -> Int in throw Failed(side: "second") }
        }
        #expect(finished.withLock { $0 }, "the first computation had finished when the error came back")
    }

    @Test func onlyLargeDataIsSplit() {
        #expect(!isWorthTwoThreads(points: 6_000))
        #expect(isWorthTwoThreads(points: 2_000_000))
    }
}
