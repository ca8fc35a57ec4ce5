import ArgumentParser
import Feeds
import Foundation
import TermCanvas

/// The `resonance` command: the dashboard by default, plus import, render and export.
@main
struct Resonance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resonance",
        abstract: "Watch the Russell 2000 and Bitcoin side by side in the terminal.",
        discussion: """
            Run with no subcommand to open the dashboard. Press ? inside it for the keys.
            Data lives in a SQLite store under $RESONANCE_HOME, else $XDG_DATA_HOME/resonance.
            """,
        subcommands: [DashboardCommand.self, ImportCommand.self, FetchCommand.self, RenderCommand.self, ExportCommand.self,
                      CheckCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Parses the arguments and runs the command, writing any error through `SafeText.lines`.
    ///
    /// The same as `ParsableCommand.main()`, except for the floor under every message: an error quotes
    /// arguments, file names, paths and file contents, and none of their control characters may reach the
    /// terminal raw, whether or not the message escaped them where it was made.
    static func main() {
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = StoreError.damageMetWhileReading(error).map { "Error: " + $0 } ?? fullMessage(for: error)
            let text = SafeText.lines(message)
            if !text.isEmpty {
                FileHandle(fileDescriptor: code == .success ? 1 : 2).write(Data((text + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
