import ArgumentParser

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
        subcommands: [DashboardCommand.self, ImportCommand.self, FetchCommand.self, RenderCommand.self, ExportCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
