/// Start to a complete frame: the real `resonance render` binary, spawned again and again over one store.
struct StartupBench {
    /// The release `resonance` executable.
    let binary: String
    /// Frame size as `resonance render --size` takes it.
    let size = "160x48"

    /// Median wall time and the largest peak memory over `runs` spawns, or nil when the binary fails.
    func measure(home: String, runs: Int) -> (seconds: Double, peakBytes: Int?)? {
        let arguments = ["render", "--size", size, "--home", home, "--color", "never"]
        // One unmeasured run so the file system cache holds the binary and the store, as it does for a user.
        guard let warm = ChildProcess.run(binary, arguments), warm.status == 0 else { return nil }
        var times: [Double] = []
        for _ in 0..<runs {
            guard let run = ChildProcess.run(binary, arguments), run.status == 0 else { return nil }
            times.append(run.seconds)
        }
        // Peak memory in separate runs, through GNU time (see `ChildProcess.peakBytes`); the largest of three.
        let peaks = (0..<3).compactMap { _ in ChildProcess.peakBytes(binary, arguments) }
        return (Stats.median(times), peaks.max())
    }
}
