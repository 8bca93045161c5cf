import ArgumentParser

@main
struct CarbonSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbonsim",
        abstract: "Carbon peak and neutrality scenarios for provincial analysts (default region: Inner Mongolia).",
        discussion: """
        Scenario files are YAML in the "1+N+X" shape: targets (the "1"), sector_plans (the "N"),
        measures (the "X"). They say only what differs from the dataset's baseline and may `extends:` another file.
        """,
        subcommands: [RunCommand.self, CompareCommand.self, SweepCommand.self, SummarizeCommand.self, MergeCommand.self, PlotCommand.self,
                      DecomposeCommand.self, SolveCommand.self, OptimizeCommand.self, CalibrateCommand.self,
                      ValidateCommand.self, LeversCommand.self, HindcastCommand.self, ServeCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
