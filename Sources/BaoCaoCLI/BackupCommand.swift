import ArgumentParser
import BaoCaoStorage
import Foundation

/// `baocao backup -o FILE`: a consistent copy of everything, made while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sao lưu toàn bộ cơ sở dữ liệu (chạy được khi máy chủ đang chạy).",
        discussion: """
            SQLite: bản sao nhất quán bằng VACUUM INTO. PostgreSQL: pg_dump --format=custom (cần postgresql-client).
            In số dòng của mọi bảng trong bản sao lưu. Xem docs/OPERATIONS.md.
            """)
    @OptionGroup var database: DatabaseOptions
    @Option(name: .shortAndLong, help: "Tệp sao lưu (chưa có).") var output: String

    func run() async throws {
        try await database.withStore { store in
            let made: (kind: Backup.Kind, counts: [Backup.TableCount])
            do { made = try await Backup.make(store, to: output) } catch let problem as Backup.Problem {
                throw UserFacingError(problem.description)
            }
            print("Đã sao lưu \(store.configuration.displayName) vào \(output) (\(made.kind.rawValue)).")
            for (table, rows) in made.counts { print("  \(table)\t\(rows)") }
        }
    }
}

/// `baocao restore FILE`: brings a backup back into an empty database.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống (dừng máy chủ trước).",
        discussion: """
            Từ chối cơ sở dữ liệu đã có dữ liệu, trừ khi có --replace. Bản SQLite khôi phục vào tệp SQLite,
            bản pg_dump vào PostgreSQL (DATABASE_URL). In số dòng của mọi bảng sau khi khôi phục.
            """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Tệp sao lưu.") var file: String
    @Flag(help: "Thay toàn bộ dữ liệu đang có.") var replace = false

    func run() async throws {
        do {
            try await Backup.restore(file, into: database.configuration, replace: replace)
        } catch let problem as Backup.Problem { throw UserFacingError(problem.description) }
        try await database.withStore { store in
            print("Đã khôi phục \(file) vào \(store.configuration.displayName).")
            for (table, rows) in try await Backup.tableCounts(store) { print("  \(table)\t\(rows)") }
        }
    }
}
