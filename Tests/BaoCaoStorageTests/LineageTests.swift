import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import Foundation
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// Reorganisations as data: the real lines of Nghị quyết 1669/NQ-UBTVQH15 for the wards of the former quận Ngô
/// Quyền, with codes reused across the day, and every check an import makes on them.
final class LineageTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// A store holding the 20 wards before 1 July 2025 and the four after them, and optionally their lineage.
    func haiPhong(lineage: Bool = true) async throws -> Store {
        let store = try await StoreHarness.fresh(for: self)
        var dataset = try DatasetReader.read(csv: try Self.fixture("hai-phong-2025-units.csv"), file: "units.csv")
        if lineage {
            dataset.append(
                try DatasetReader.read(csv: try Self.fixture("hai-phong-2025-lineage.csv"), file: "lineage.csv"))
        }
        let summary = try await DatasetImporter.run(dataset, by: "test", store: store)
        XCTAssertEqual(summary.lineage, lineage ? 25 : 0)
        return store
    }

    /// Imports `csv` (a lineage table) and returns its problems; none means it was written.
    func problems(_ csv: String, into store: Store) async throws -> [ImportProblem] {
        do {
            _ = try await DatasetImporter.run(
                try DatasetReader.read(csv: csv, file: "lineage.csv"), by: "test", store: store)
            return []
        } catch let error as ImportProblems { return error.problems }
    }

    static let header = "effective,resolution,successor,predecessor,part,share,share_basis,predecessor_name\n"

    func testTheResolutionImportsAndACodeNamesOneUnitBeforeTheDayAndAnotherAfter() async throws {
        let store = try await haiPhong()
        let units = try await UnitRepository.all(store.sql)
        let reorganisations = try await LineageRepository.all(store.sql)
        XCTAssertEqual(reorganisations.count, 1)
        let resolution = try XCTUnwrap(reorganisations.first)
        XCTAssertEqual(resolution.resolution, "1669/NQ-UBTVQH15")
        XCTAssertEqual(resolution.effective, CivilDate(2025, 7, 1))
        XCTAssertEqual(resolution.resolutionDate, CivilDate(2025, 6, 16))
        XCTAssertEqual(resolution.lines.count, 25)
        // 11329 is phường Máy Chai until 30 June 2025 and phường Ngô Quyền from 1 July: two units, one line.
        let mayChai = try XCTUnwrap(units.first { $0.code == "11329" && $0.validTo == "2025-06-30" })
        let ngoQuyen = try XCTUnwrap(units.first { $0.code == "11329" && $0.validFrom == "2025-07-01" })
        XCTAssertEqual(mayChai.name, "Phường Máy Chai")
        XCTAssertEqual(ngoQuyen.name, "Phường Ngô Quyền")
        let lineage = try await LineageRepository.of(unitID: ngoQuyen.id, store.sql)
        let from = lineage.from
        XCTAssertTrue(lineage.into.isEmpty)
        XCTAssertEqual(lineage.reorganisations.values.map(\.resolution), ["1669/NQ-UBTVQH15"])
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        XCTAssertEqual(
            from.map { "\(byID[$0.predecessorID]!.name) \($0.succession.part.rawValue)" },
            [
                "Phường Máy Chai toan_bo", "Phường Vạn Mỹ toan_bo", "Phường Cầu Tre toan_bo",
                "Phường Gia Viên mot_phan",
                "Phường Đông Khê mot_phan",
            ])
        XCTAssertEqual(from.first?.article, "Điều 1 khoản 10")
        // The old Gia Viên went in parts into three new wards.
        let oldGiaVien = try XCTUnwrap(units.first { $0.code == "11341" })
        let went = try await LineageRepository.of(unitID: oldGiaVien.id, store.sql).into
        XCTAssertEqual(
            Set(went.compactMap { byID[$0.successorID]?.name }),
            ["Phường Hồng Bàng", "Phường Ngô Quyền", "Phường Gia Viên"])
        XCTAssertTrue(went.allSatisfy { $0.succession.part == .part && $0.succession.share == nil })
    }

    func testExportAndImportAgainGiveTheSameLineage() async throws {
        let store = try await haiPhong()
        let exported = try await DatasetExporter.export(store.sql)
        XCTAssertEqual(exported.lineage.count, 25)
        let again = try await StoreHarness.fresh(for: self)
        var dataset = try DatasetReader.read(csv: DatasetFormatter.csv(.units, exported), file: "units.csv")
        dataset.append(try DatasetReader.read(csv: DatasetFormatter.csv(.lineage, exported), file: "lineage.csv"))
        _ = try await DatasetImporter.run(dataset, by: "test", store: again)
        let reexported = try await DatasetExporter.export(again.sql)
        XCTAssertEqual(DatasetFormatter.csv(.lineage, reexported), DatasetFormatter.csv(.lineage, exported))
    }

    func testSharesOfOnePredecessorAddUpToAtMostAHundred() async throws {
        let store = try await haiPhong()
        // The old Gia Viên (11341): 40% into Hồng Bàng, 50% into Ngô Quyền, 20% into the new Gia Viên: 110%.
        let over =
            Self.header
                + """
                2025-07-01,1669/NQ-UBTVQH15,11311,11341,mot_phan,40,dan_so,Phường Gia Viên
                2025-07-01,1669/NQ-UBTVQH15,11329,11341,mot_phan,50,dan_so,Phường Gia Viên
                2025-07-01,1669/NQ-UBTVQH15,11359,11341,mot_phan,20,dan_so,Phường Gia Viên
                """
        let refused = try await problems(over, into: store)
        XCTAssertEqual(refused.count, 1, "\(refused)")
        XCTAssertEqual(refused.first?.line, 2)
        XCTAssertEqual(refused.first?.column, "share")
        XCTAssertTrue(refused.first?.message.contains("cộng lại 110%, quá 100%") ?? false, "\(refused)")
        // Nothing was written: the shares are still empty.
        let lines = try await LineageRepository.all(store.sql).flatMap(\.lines)
        XCTAssertTrue(lines.allSatisfy { $0.succession.share == nil })
        // 40 + 40 + 20 is accepted; a later file raising one share is checked with the stored ones.
        let fits = over.replacingOccurrences(of: "11329,11341,mot_phan,50", with: "11329,11341,mot_phan,40")
        let accepted = try await problems(fits, into: store)
        XCTAssertEqual(accepted, [])
        let raise = Self.header + "2025-07-01,1669/NQ-UBTVQH15,11359,11341,mot_phan,\"20,5\",dien_tich,\n"
        let raised = try await problems(raise, into: store)
        XCTAssertTrue(raised.first?.message.contains("cộng lại 100,5%") ?? false, "\(raised)")
    }

    /// A unit that continues and takes others in names only those; as its own predecessor it is refused.
    func testAUnitIsNotItsOwnPredecessor() async throws {
        let store = try await haiPhong()
        let refused = try await problems(
            Self.header + "2025-07-01,202/2025/QH15,31,31,mot_phan,10,dan_so,\n", into: store)
        XCTAssertEqual(refused.count, 1, "\(refused)")
        XCTAssertEqual(refused.first?.column, "predecessor")
        XCTAssertTrue(refused.first?.message.contains("không thể là đơn vị cũ của chính nó") ?? false, "\(refused)")
    }

    func testEveryProblemOfAFileIsNamedAtItsLineAndColumn() async throws {
        let store = try await haiPhong(lineage: false)
        let csv =
            Self.header
                + """
                2025-07-01,1669/NQ-UBTVQH15,99999,11299,toan_bo,,,
                2025-07-01,1669/NQ-UBTVQH15,11311,11302,toan_bo,,,Phường Thượng Lý
                2025-07-01,1669/NQ-UBTVQH15,11311,11305,toan_bo,,,
                2025-07-01,1669/NQ-UBTVQH15,11311,11305,toan_bo,,,
                2025-07-01,1669/NQ-UBTVQH15,11329,11329,toan_bo,,,
                2025-07-01,1669/NQ-UBTVQH15,11359,11329,mot_phan,10,dan_so,
                2025-06-01,1669/NQ-UBTVQH15,11329,11335,toan_bo,,,
                2025-07-01,1669/NQ-UBTVQH15,11383,31,toan_bo,,,
                """
        let found = try await problems(csv, into: store)
        func at(_ line: Int, _ column: String?, _ words: String) {
            XCTAssertTrue(
                found.contains { $0.line == line && $0.column == column && $0.message.contains(words) },
                "dòng \(line), \(column ?? "-"): \(words)\n\(found.map(\.description).joined(separator: "\n"))")
        }
        at(2, "successor", "không có đơn vị mã \"99999\" có hiệu lực ngày 01/07/2025")
        at(3, "predecessor_name", "\"Phường Thượng Lý\" không phải tên của đơn vị mã 11302 (Phường Sở Dầu)")
        at(5, nil, "dòng trùng với dòng 4")
        at(6, "part", "Phường Máy Chai đã nhập toàn bộ vào Phường Ngô Quyền nên không thể đi vào cả Phường Gia Viên")
        // On 1 June 2025 the code 11329 is still Máy Chai, and 11335 (Vạn Mỹ) is in force after the day.
        at(8, "part", "Phường Vạn Mỹ nhập toàn bộ vào Phường Máy Chai nhưng còn hiệu lực đến 30/06/2025")
        at(9, "part", "chưa có ngày hết hiệu lực: cần ghi valid_to 2025-06-30 cho đơn vị này trong bảng units")
        let written = try await LineageRepository.all(store.sql)
        XCTAssertEqual(written.count, 0, "nothing written")
        // Problems of form are found while reading, before the database is asked.
        let form =
            Self.header
                + """
                2025-07-01,1669/NQ-UBTVQH15,11311,11341,mot_phan,30,,
                2025-07-01,1669/NQ-UBTVQH15,11311,11299,toan_bo,60,,
                2025-07-01,1669/NQ-UBTVQH15,11311,11341,mot_phan,0,dan_so,
                ,1669/NQ-UBTVQH15,11311,11341,nhap,,,
                """
        do {
            _ = try DatasetReader.read(csv: form, file: "lineage.csv")
            XCTFail("read")
        } catch {
            let p = error.problems
            XCTAssertTrue(p.contains { $0.line == 2 && $0.column == "share_basis" }, "\(p)")
            XCTAssertTrue(p.contains { $0.line == 3 && $0.column == "share" && $0.message.contains("100%") }, "\(p)")
            XCTAssertTrue(
                p.contains { $0.line == 4 && $0.column == "share" && $0.message.contains("lớn hơn 0") }, "\(p)")
            XCTAssertTrue(p.contains { $0.line == 5 && $0.column == "effective" }, "\(p)")
            XCTAssertTrue(p.contains { $0.line == 5 && $0.column == "part" }, "\(p)")
        }
    }

    /// A value or target for the reused code 11329 goes to phường Máy Chai for 2025-H1 and to phường Ngô Quyền for
    /// 2026-H1, and exports and imports again the same way.
    func testAValueForAReusedCodeGoesToTheUnitOfItsPeriod() async throws {
        let store = try await haiPhong()
        let catalogue = """
            code,name,unit_of_measure,field
            THU_NS,Thu ngân sách trên địa bàn phường,triệu đồng,kt
            """
        let values = """
            indicator,unit,period,value,status
            THU_NS,11329,2025-H1,"1.000",chinh_thuc
            THU_NS,11329,2026-H1,"3.000",uoc
            """
        var dataset = try DatasetReader.read(csv: "code,name\nkt,Kinh tế\n", file: "fields.csv")
        dataset.append(try DatasetReader.read(csv: catalogue, file: "indicators.csv"))
        dataset.append(try DatasetReader.read(csv: values, file: "values.csv"))
        _ = try await DatasetImporter.run(dataset, by: "test", store: store)
        let rows = try await store.sql.raw(
            """
            SELECT u.name, v.period, v.amount FROM data_values v JOIN units u ON u.id = v.unit_id ORDER BY v.period
            """
        ).all().map {
            "\(try $0.decode(column: "name", as: String.self)) \(try $0.decode(column: "period", as: String.self)) "
                + VietnameseNumber.exact(Amount(scaled: try $0.decode(column: "amount", as: Int64.self)))
        }
        XCTAssertEqual(rows, ["Phường Máy Chai 2025-H1 1.000", "Phường Ngô Quyền 2026-H1 3.000"])
        let exported = try await DatasetExporter.export(store.sql)
        XCTAssertEqual(
            exported.values.map { "\($0.unit) \($0.period.code)" }.sorted(), ["11329 2025-H1", "11329 2026-H1"])
    }

    /// A unit's pages open on a period it was in force: one formed on 1 July 2025 on the first period of the kind
    /// that starts after, one abolished on 30 June 2025 on the last that started before.
    func testAUnitOpensOnAPeriodItWasInForce() {
        let formed = StoredUnit(
            id: 1, code: "11329", name: "Phường Ngô Quyền", kind: .ward, parentID: nil, validFrom: "2025-07-01",
            validTo: nil)
        let abolished = StoredUnit(
            id: 2, code: "11329", name: "Phường Máy Chai", kind: .ward, parentID: nil, validFrom: "0001-01-01",
            validTo: "2025-06-30")
        XCTAssertEqual(formed.openingPeriod(.firstMonths(2017, 6)), .firstMonths(2026, 6))
        XCTAssertEqual(formed.openingPeriod(.year(2017)), .year(2026))
        XCTAssertEqual(formed.openingPeriod(.year(2025)), .year(2025), "in force for part of 2025")
        XCTAssertEqual(abolished.openingPeriod(.firstMonths(2017, 6)), .firstMonths(2017, 6))
        XCTAssertEqual(abolished.openingPeriod(.firstMonths(2027, 9)), .firstMonths(2025, 9))
        XCTAssertEqual(abolished.openingPeriod(.firstMonths(2027, 6)), .firstMonths(2025, 6))
    }
}
