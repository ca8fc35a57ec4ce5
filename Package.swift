// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Resonance",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "resonance", targets: ["resonance"]),
        .executable(name: "resonance-bench", targets: ["resonance-bench"]),
        .executable(name: "resonance-http", targets: ["resonance-http"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Pure: market maths on value types.
        .target(name: "Markets"),
        // Pure: cells, buffers, diffing, glyphs, plot canvas.
        .target(name: "TermCanvas"),
        // Pure: state, messages, update and view.
        .target(name: "Dashboard", dependencies: ["Markets", "TermCanvas"]),
        // I/O: the SQLite store and CSV import.
        .target(name: "Feeds", dependencies: ["Markets", .product(name: "GRDB", package: "GRDB.swift")]),
        // The only module that sees curses.
        .systemLibrary(name: "CNCursesW", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "Terminal", dependencies: ["TermCanvas", "CNCursesW"]),
        // The loop that owns the state: runs commands off it and feeds their messages back.
        .target(name: "Runtime", dependencies: ["Markets", "TermCanvas", "Dashboard", "Feeds"]),
        .executableTarget(
            name: "resonance",
            dependencies: [
                "Markets", "TermCanvas", "Dashboard", "Feeds", "Terminal", "Runtime", "resonance-http",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The start-up order below and the script that writes it; not sources.
            exclude: ["Linker"],
            // Release builds on Linux link with lld and packed relative relocations (glibc 2.36+): the
            // loader then applies a few kilobytes of relocations instead of two megabytes, about 3 ms
            // of every start with the runtime linked in. lld also puts the functions a start runs first
            // in .text (Linker/startup.order in this target, rewritten by Linker/update-startup-order.sh):
            // the kernel maps 64 kB around each page fault, so code scattered over 18 MB kept 10 MB
            // resident where it now keeps about 5 MB. Names the file lacks or no longer matches just stay where they
            // were. The toolchain's static-runtime arguments export every symbol of the program's own
            // objects (--export-dynamic): 10,000 names nothing looks up, read by the loader and by the
            // runtime's dladdr at start, another 0.8 MB resident; --no-export-dynamic keeps them local
            // (README, Performance).
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                           "-Xlinker", "--no-export-dynamic",
                                           "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/resonance/Linker/startup.order",
                                           "-Xlinker", "--no-warn-symbol-ordering"],
                                          .when(platforms: [.linux], configuration: .release))]
        ),
        // The HTTP helper: the only program that loads the HTTP stack (see HTTPHelperWire).
        .executableTarget(name: "resonance-http", dependencies: ["Feeds"], path: "Sources/resonance-http"),
        // Counts the bytes the dashboard writes per action, on a pseudo-terminal.
        .executableTarget(name: "resonance-ptycount", path: "Sources/resonance-ptycount"),
        // Times start-up, frames, panels, import and load over stores of 3k to 1M points (see README, Performance).
        .executableTarget(name: "resonance-bench", dependencies: ["Markets", "TermCanvas", "Dashboard", "Feeds"],
                          path: "Sources/resonance-bench"),
        // Shared helpers for the test targets: snapshots, fixtures, reference data.
        .target(name: "TestSupport", dependencies: ["Markets", "TermCanvas"], path: "Tests/TestSupport"),
        .testTarget(name: "MarketsTests", dependencies: ["Markets", "TestSupport"]),
        .testTarget(name: "TermCanvasTests", dependencies: ["TermCanvas", "TestSupport"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Markets", "TermCanvas", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "Markets", "TestSupport", "resonance-http"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Dashboard", "Feeds", "Markets", "TermCanvas", "TestSupport"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TermCanvas", "TestSupport"]),
        // Runs the real binary: import, render, export, and the dashboard in tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["resonance", "Feeds", "Markets", "TestSupport"]),
    ]
)
