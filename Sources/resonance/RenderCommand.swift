import ArgumentParser
import Dashboard
import Foundation
import TermCanvas
import Terminal

/// `resonance render`: prints one frame of the dashboard as text and exits; no terminal needed.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one frame of the dashboard as text, for scripts.")

    @Option(name: .long, help: "Frame size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(name: .long, help: "Colour escapes: never, always or auto (when stdout is a terminal and NO_COLOR is unset); --colors implies always.")
    var color: ColorChoice = .auto

    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var themeOptions: ThemeOptions

    func run() throws {
        guard let frameSize = Size(parsing: size) else {
            throw ValidationError("--size: expected WIDTHxHEIGHT such as 120x40, got '\(size)'")
        }
        let unicode = TerminalLocale.setUp()
        let (data, source) = try viewOptions.loadData(store: storeOptions.openStore)
        let environment = ProcessInfo.processInfo.environment
        let depth = themeOptions.colors?.depth
            ?? color.depth(environment: environment, isTTY: isatty(1) == 1, detected: themeOptions.depth(environment: environment))
        let chosen = try themeOptions.chosenTheme(environment: environment, colorless: depth == .none)
        printWarnings(chosen.warnings)
        var state = try viewOptions.makeState(data: data, source: source, unicode: unicode, theme: chosen.theme,
                                              size: frameSize)
        // One frame and out: the panels' slow numbers are computed now rather than asked for.
        state.deriveNow()
        withExtendedLifetime(state) {
            FileHandle.standardOutput.write(Data(themedScreen(state, size: frameSize).ansiText(depth: depth).utf8))
        }
        // The frame is out: leave without freeing the series and the analysis. At a million days that is
        // some 10 ms of unmapping (with a second thread alive each unmap interrupts the other core) for
        // memory the exit returns anyway.
        Foundation.exit(0)
    }
}

/// When `render` writes colour escapes.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case never, always, auto

    /// The colour depth to write for this choice, given the depth detected for the terminal.
    ///
    /// `always` on a terminal that reports no colours still writes the 16 basic ones.
    func depth(environment: [String: String], isTTY: Bool, detected: ColorDepth) -> ColorDepth {
        switch self {
        case .never: return .none
        case .always: return max(detected, .sixteen)
        case .auto: return isTTY ? detected : .none
        }
    }
}
