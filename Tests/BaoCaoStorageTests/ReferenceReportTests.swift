import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import Foundation
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// The reference report regenerated from the demo template and data, compared word by word with the original.
final class ReferenceReportTests: XCTestCase {
    /// The reference report split as it is printed: body lines, and footnote lines (those starting with a
    /// superscript number).
    static func reference() throws -> (body: String, footnotes: String) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ngo-quyen-2017-h1-report.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var body: [String] = [], footnotes: [String] = []
        for line in text.split(separator: "\n") {
            if let first = line.first, "¹²³⁴⁵⁶⁷⁸⁹".contains(first) {
                footnotes.append(String(line))
            } else {
                body.append(String(line))
            }
        }
        return (body.joined(separator: "\n"), footnotes.joined(separator: "\n"))
    }

    static func render(_ store: Store, period: String = "2017-H1") async throws -> ReportDocument {
        let units = try await UnitRepository.all(store.sql)
        let unit = try XCTUnwrap(UnitRepository.lookup("304", among: units))
        return try await ReportQuery.document(
            template: DemoData.templateCode, unitID: unit.id,
            period: try Period(code: period), view: .official, store.sql)
    }

    func testTheReferenceReportComesOutOfTheData() async throws {
        // setup
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let reference = try Self.reference()
        // MUT
        let document = try await Self.render(store)
        // validate
        let body = WordComparison(reference: reference.body, generated: document.bodyText)
        let notes = WordComparison(reference: reference.footnotes, generated: document.footnoteText)
        XCTAssertGreaterThanOrEqual(body.ratio, 0.98, body.report)
        XCTAssertGreaterThanOrEqual(notes.ratio, 0.98, notes.report)
        XCTAssertEqual(document.footnotes.count, 30)
        XCTAssertEqual(document.missing, [])
        XCTAssertTrue(
            document.bodyText.contains(
                "Kết quả thực hiện chỉ tiêu kinh tế: Giá trị sản xuất công nghiệp trên địa bàn ước đạt 693.843 triệu đồng, bằng 50,10% kế hoạch năm, tăng 9,7% so với cùng kỳ"
            ))
        XCTAssertTrue(document.footnotes[7].hasPrefix("Trên địa bàn quận xảy ra 04 vụ tai nạn giao thông"))
        XCTAssertTrue(document.footnotes[29].hasPrefix("Sơ kết 5 năm thực hiện Nghị quyết 27-NQ/QU"))
        // The template holds no figure of PHẦN 1 typed in: the numbers come from the data.
        let stored = try await ReportTemplateRepository.find(DemoData.templateCode, store.sql)
        XCTAssertFalse(try XCTUnwrap(stored).body.contains("693.843"))
        XCTAssertFalse(try XCTUnwrap(stored).body.contains("553 tỷ"))
    }

    func testAChangedValueChangesTheDocument() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let csv = "indicator,unit,period,value,status\nTHU_NSNN,304,2017-H1,\"500.000\",chinh_thuc\n"
        _ = try await DatasetImporter.run(try DatasetReader.read(csv: csv), by: "test", store: store)
        let document = try await Self.render(store)
        XCTAssertTrue(
            document.bodyText.contains(
                "- Tổng thu ngân sách nhà nước đạt 500 tỷ đồng, bằng 49,03% dự toán và tăng 11,75% so với cùng kỳ."),
            document.bodyText)
    }

    func testRollingForwardWritesThePeriodAndFlagsWhatIsMissing() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let csv = "indicator,unit,period,value,status\nGTSX_CN,304,2017-9M,\"1.000.000\",uoc\n"
        _ = try await DatasetImporter.run(try DatasetReader.read(csv: csv), by: "test", store: store)
        let document = try await Self.render(store, period: "2017-9M")
        XCTAssertEqual(
            document.headerLines(.subject),
            ["Tình hình kinh tế - xã hội 9 tháng đầu năm,", "nhiệm vụ, giải pháp 3 tháng cuối năm 2017"])
        XCTAssertTrue(
            document.bodyText.contains(
                "Giá trị sản xuất công nghiệp trên địa bàn ước đạt 1.000.000 triệu đồng, bằng 72,20% kế hoạch năm"))
        XCTAssertTrue(document.missing.contains("DT_TMDV.sentence"))
        XCTAssertTrue(document.bodyText.contains("[thiếu số liệu: DT_TMDV.sentence]"))
        XCTAssertFalse(document.bodyText.contains(" 0 triệu đồng"))
        XCTAssertTrue(document.plainText.contains("Thiếu số liệu ("))
    }
}

final class AnnexTests: XCTestCase {
    func testTheAnnexComparesEveryIndicatorThatHasSomethingToCompareWith() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let document = try await ReferenceReportTests.render(store)
        XCTAssertTrue(document.annexInDocument)
        let industry = try XCTUnwrap(document.annex.rows.first { $0.code == "GTSX_CN" })
        XCTAssertEqual(
            industry.cells,
            [
                "Giá trị sản xuất công nghiệp trên địa bàn (ước)", "triệu đồng", "1.385.000", "632.500",
                "693.843", "50,10", "109,7",
            ])
        // Finals and estimates mix: the heading speaks for the finals, each estimate says so after its name.
        XCTAssertEqual(document.annex.currentHeading, "Thực hiện 6 tháng đầu năm 2017")
        let finals = try XCTUnwrap(document.annex.rows.first { !$0.estimate })
        XCTAssertFalse(finals.cells[0].contains("ước"), finals.cells[0])
        // Every figure an estimate: the heading says so once.
        var estimates = document.annex
        estimates.rows = estimates.rows.map {
            var r = $0; r.estimate = true; return r
        }
        XCTAssertEqual(estimates.currentHeading, "Ước thực hiện 6 tháng đầu năm 2017")
        XCTAssertNil(document.annex.rows.first { $0.code == "TIEP_DAN_BUOI" }, "nothing to compare it with")
    }
}
