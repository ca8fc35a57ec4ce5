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
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Pure: market maths on value types.
        .target(name: "Markets"),
        // Pure: TOML text to flat entries with their key paths and lines (config and theme files).
        .target(name: "SettingsText", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        // Pure: cells, buffers, diffing, glyphs, plot canvas, themes parsed from text.
        .target(name: "TermCanvas", dependencies: ["SettingsText"]),
        // Pure: state, messages, update and view.
        .target(name: "Dashboard", dependencies: ["Markets", "TermCanvas"]),
        // I/O: the SQLite store and CSV import.
        // (TermCanvas for SafeText: every message quoting outside text escapes it the same way.)
        .target(name: "Feeds", dependencies: ["Markets", "SettingsText", "TermCanvas", .product(name: "GRDB", package: "GRDB.swift")]),
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
            // Release builds on Linux link with lld and packed relative relocations (glibc 2.36+): the
            // loader then applies a few kilobytes of relocations instead of two megabytes. The toolchain's
            // static-runtime arguments export every symbol of the program's own objects (--export-dynamic):
            // 10,000 names nothing looks up, read by the loader and by the runtime's dladdr at start;
            // --no-export-dynamic keeps them local (README, Performance, has the measurement).
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                                           "-Xlinker", "--no-export-dynamic"],
                                          .when(platforms: [.linux], configuration: .release))]
        ),
        // libcurl, which only the HTTP helper calls.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // The HTTP helper: the only program that loads the HTTP stack (see HTTPHelperWire).
        .executableTarget(name: "resonance-http", dependencies: ["Feeds", "CCurl"], path: "Sources/resonance-http"),
        // Counts the bytes the dashboard writes per action, on a pseudo-terminal.
        .executableTarget(name: "resonance-ptycount", path: "Sources/resonance-ptycount"),
        // Times start-up, frames, panels, import and load over stores of 3k to 1M points (see README, Performance).
        .executableTarget(name: "resonance-bench", dependencies: ["Markets", "TermCanvas", "Dashboard", "Feeds", "LoopbackHTTP"],
                          path: "Sources/resonance-bench"),
        // A loopback HTTP server and a scripted SEC on it, for the tests and the benchmark.
        .target(name: "LoopbackHTTP", dependencies: ["Markets"], path: "Tests/LoopbackHTTP"),
        // Shared helpers for the test targets: snapshots, fixtures, reference data.
        .target(name: "TestSupport", dependencies: ["Markets", "TermCanvas", "Feeds", "LoopbackHTTP"], path: "Tests/TestSupport"),
        .testTarget(name: "MarketsTests", dependencies: ["Markets", "TestSupport"]),
        .testTarget(name: "SettingsTextTests", dependencies: ["SettingsText"]),
        .testTarget(name: "TermCanvasTests", dependencies: ["TermCanvas", "TestSupport",
                                                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Markets", "TermCanvas", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "Markets", "TestSupport", "resonance-http"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Dashboard", "Feeds", "Markets", "TermCanvas", "TestSupport",
                                                       "resonance-http"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TermCanvas", "TestSupport"]),
        // Runs the real binary: import, render, export, and the dashboard in tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["resonance", "Feeds", "Markets", "TestSupport"]),
    ]
)
