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

    @Option(name: .long, help: "Colour escapes: never, always or auto (when stdout is a terminal and NO_COLOR is unset).")
    var color: ColorChoice = .auto

    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard let frameSize = Size(parsing: size) else {
            throw ValidationError("--size: expected WIDTHxHEIGHT such as 120x40, got '\(size)'")
        }
        let unicode = TerminalLocale.setUp()
        let (data, source) = try viewOptions.loadData(store: storeOptions.openStore)
        let depth = color.depth(environment: ProcessInfo.processInfo.environment, isTTY: isatty(1) == 1)
        let state = try viewOptions.makeState(data: data, source: source, unicode: unicode,
                                              theme: depth == .none ? .mono : .standard, size: frameSize)
        FileHandle.standardOutput.write(Data(view(state, size: frameSize).ansiText(depth: depth).utf8))
    }
}

/// When `render` writes colour escapes.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case never, always, auto

    /// The colour depth to write for this choice.
    func depth(environment: [String: String], isTTY: Bool) -> ColorDepth {
        switch self {
        case .never: return .none
        case .always: return ColorSupport.depth(environment: environment, fallback: .sixteen)
        case .auto:
            guard isTTY, environment["NO_COLOR"].map({ $0.isEmpty }) ?? true else { return .none }
            return ColorSupport.depth(environment: environment, fallback: .none)
        }
    }
}

/// Colour depth from `COLORTERM` and `TERM`, for output that does not go through curses.
enum ColorSupport {
    static func depth(environment: [String: String], fallback: ColorDepth) -> ColorDepth {
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        let term = environment["TERM"] ?? ""
        if term.contains("256color") { return .palette256 }
        if term == "dumb" { return fallback }
        if term.isEmpty { return fallback }
        return .sixteen
    }
}
