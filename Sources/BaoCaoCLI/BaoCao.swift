import ArgumentParser

/// The one executable: configures and runs; the work lives in the library targets.
@main
struct BaoCao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baocao",
        abstract: "BaoCao: báo cáo tình hình kinh tế - xã hội cho Ủy ban nhân dân các cấp.",
        subcommands: [Serve.self, Migrate.self, Import.self, Export.self, Report.self, Bench.self],
        defaultSubcommand: Serve.self)
}
