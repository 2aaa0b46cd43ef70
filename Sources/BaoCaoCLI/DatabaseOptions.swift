import ArgumentParser
import BaoCaoStorage
import Foundation

/// Where the data lives: `DATABASE_URL` (PostgreSQL) when set, else an SQLite file.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: "Tệp SQLite (khi không đặt DATABASE_URL).")
    var sqliteFile = "baocao.sqlite"

    var configuration: StoreConfiguration {
        StoreConfiguration.fromEnvironment(ProcessInfo.processInfo.environment, defaultFile: sqliteFile)
    }

    /// Opens and migrates the database, runs `work`, and always closes it.
    func withStore<T>(_ work: (Store) async throws -> T) async throws -> T {
        let store = try Store(configuration)
        do {
            try await store.migrate()
            // A command (an import, a backup) waits for the server's writes rather than failing beside it.
            try await store.waitForWriters(seconds: Store.commandWait)
            let result = try await work(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}

/// A failure told to the user in Vietnamese, without a stack of Swift type names.
struct UserFacingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
