import ArgumentParser
import BaoCaoWeb
import Foundation

/// The one executable: configures and runs; the work lives in the library targets.
@main
struct BaoCao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baocao",
        abstract: "BaoCao: báo cáo tình hình kinh tế - xã hội cho Ủy ban nhân dân các cấp.",
        subcommands: [
            Serve.self, Migrate.self, Import.self, Export.self, Report.self, Validate.self, Template.self,
            AccountCommand.self, SettingCommand.self, BackupCommand.self, RestoreCommand.self, Bench.self,
            PetitionsCommand.self, LegalRulesCommand.self, FormCommand.self,
        ],
        defaultSubcommand: Serve.self)

    /// Runs the command; a problem meant for the user is printed in Vietnamese as "Lỗi: ...", with exit code 1.
    static func main() async {
        LogFormat.bootstrap()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as UserFacingError {
            FileHandle.standardError.write(Data("Lỗi: \(error.description)\n".utf8))
            Foundation.exit(1)
        } catch let failed as Validate.ValidationFailed {
            print(failed.description)
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
