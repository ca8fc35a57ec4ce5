/// Start to a complete frame: the real `resonance render` binary, spawned again and again over one store.
struct StartupBench {
    /// The release `resonance` executable.
    let binary: String
    /// Frame size as `resonance render --size` takes it.
    let size = "160x48"

    /// Median wall time and the largest peak memory over `runs` spawns, or nil when the binary fails.
    func measure(home: String, runs: Int) -> (seconds: Double, peakBytes: Int?)? {
        let arguments = ["render", "--size", size, "--home", home, "--color", "never"]
        return ChildProcess.measure(binary, arguments, runs: runs)
    }
}
