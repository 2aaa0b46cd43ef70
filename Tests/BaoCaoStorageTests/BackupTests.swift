import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import Foundation
import XCTest

@testable import BaoCaoStorage

/// A backup made while saves arrive restores into an empty database with every table as it was at one moment:
/// the same rows in every table, the same export, accounts, history and audit log.
final class BackupTests: XCTestCase {
    func testABackupDuringWritesRestoresEverything() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-backup-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let live = try Store(.sqliteFile(folder.appendingPathComponent("live.sqlite").path))
        addTeardownBlock { await live.shutdown() }
        try await live.migrate()
        try await DemoData.loadIfEmpty(live)
        let tree = try await UnitTree.load(live.sql)
        let catalogue = try await IndicatorRepository.catalogue(live.sql)
        let ward = try XCTUnwrap(tree.byCode["304-P01"])
        try await AccountRepository.create(
            username: "kiemtra", displayName: "Kiểm tra", passwordHash: "$2b$04$x",
            grants: [RoleGrant(role: .reporter, unitID: ward.id)], live.sql)
        try await AuditLog.record(event: "csrf", account: nil, detail: "thử", live.sql)
        let indicator = try XCTUnwrap(catalogue.indicators.first { $0.reportedBy == .commune })
        let key = ValueWriter.Key(
            indicatorID: try XCTUnwrap(catalogue.idByCode[indicator.code]), unitID: ward.id, period: .month(2017, 3))

        @Sendable func save(_ i: Int) async throws {
            try await live.transaction { db in
                _ = try await ValueWriter.save(
                    key, Observation(value: Amount(i), status: .estimate), note: nil, by: "web", communeLevel: true, db)
            }
        }
        for i in 1...3 { try await save(i) }
        // Saves go on while the backup is made.
        let writes = Task {
            for i in 4...40 {
                try await save(i)
            }
        }
        let file = folder.appendingPathComponent("sao-luu.sqlite").path
        let made = try await Backup.make(live, to: file)
        XCTAssertEqual(made.kind, .sqlite)
        try await writes.value
        do {
            _ = try await Backup.make(live, to: file)
            XCTFail("a backup overwrote a file")
        } catch is Backup.Problem {}

        let copy = try Store(.sqliteFile(file))
        let backedUp = try await Backup.tableCounts(copy)
        XCTAssertEqual(backedUp.map(\.rows), made.counts.map(\.rows), "the counts printed are the backup's")
        let backedUpExport = try await DatasetExporter.export(copy.sql, view: .working)
        let history = try await copy.sql.raw("SELECT COUNT(*) AS n FROM value_history").first()?
            .decode(column: "n", as: Int.self)
        await copy.shutdown()

        let target = StoreConfiguration.sqliteFile(folder.appendingPathComponent("khoi-phuc.sqlite").path)
        try await Backup.restore(file, into: target, replace: false)
        let restored = try Store(target)
        addTeardownBlock { await restored.shutdown() }
        let restoredCounts = try await Backup.tableCounts(restored)
        XCTAssertEqual(restoredCounts.map(\.table), backedUp.map(\.table))
        XCTAssertEqual(restoredCounts.map(\.rows), backedUp.map(\.rows))
        for table in ["accounts", "role_grants", "value_history", "audit_log", "data_values", "report_templates"] {
            XCTAssertGreaterThan(restoredCounts.first { $0.table == table }?.rows ?? 0, 0, table)
        }
        XCTAssertGreaterThan(history ?? 0, 0)
        let restoredExport = try await DatasetExporter.export(restored.sql, view: .working)
        XCTAssertEqual(
            DatasetFormatter.csv(.values, restoredExport), DatasetFormatter.csv(.values, backedUpExport))
        let account = try await AccountRepository.find(username: "kiemtra", restored.sql)
        XCTAssertEqual(account?.grants, [RoleGrant(role: .reporter, unitID: ward.id)])

        // A database with data is not overwritten unless told.
        do {
            try await Backup.restore(
                file, into: .sqliteFile(folder.appendingPathComponent("live.sqlite").path), replace: false)
            XCTFail("restored over a database with data")
        } catch let problem as Backup.Problem {
            XCTAssertTrue(problem.description.contains("đã có dữ liệu"))
        }
        XCTAssertThrowsError(try Backup.kind(of: folder.appendingPathComponent("live.sqlite-wal").path))

        // Another program's database is not "empty": it is neither overwritten nor deleted.
        let foreign = folder.appendingPathComponent("khac.sqlite").path
        let other = try Store(.sqliteFile(foreign))
        try await other.sql.raw("CREATE TABLE so_sach (id INTEGER)").run()
        await other.shutdown()
        do {
            try await Backup.restore(file, into: .sqliteFile(foreign), replace: false)
            XCTFail("restored over another program's database")
        } catch is Backup.Problem {}
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign))
    }
}
