import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// The reference report's sentences, written from the demo data by the same path `baocao report` takes.
final class ReferenceSentencesTests: XCTestCase {
    static let golden = [
        "Giá trị sản xuất công nghiệp trên địa bàn ước đạt 693.843 triệu đồng, bằng 50,10% kế hoạch năm, tăng 9,7% so với cùng kỳ",
        "Doanh thu các ngành thương mại, dịch vụ trên địa bàn ước đạt 12.194.030 triệu đồng, bằng 50,49% kế hoạch năm, tăng 15,32% so với cùng kỳ",
        "Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng, bằng 54,24% dự toán và tăng 23,62% so với cùng kỳ",
        "Thu cân đối ngân sách ước đạt 455 tỷ 191 triệu đồng, bằng 50,48% dự toán và tăng 14,84% so với cùng kỳ",
        "Thu thuế ngoài quốc doanh ước đạt 266 tỷ 933 triệu đồng, bằng 50,18% dự toán và tăng 17,41% so với cùng kỳ",
        "Thu ngân sách quận, phường ước đạt 260 tỷ 595 triệu đồng, bằng 59,82% dự toán và tăng 29,49% so với cùng kỳ",
        "Tổng chi ngân sách quận, phường ước đạt 254 tỷ 356 triệu đồng, bằng 60,05% dự toán và tăng 31,88% so với cùng kỳ",
        "04 vụ tai nạn giao thông, làm 03 người chết, 02 người bị thương (tăng 01 người chết so với cùng kỳ năm 2016)",
        "Giải quyết việc làm cho 3.443 lượt người, bằng 57% kế hoạch năm",
        "ước 6 tháng đầu năm 2017 cấp 300 giấy phép xây dựng, tăng 14,5% so với cùng kỳ",
        "cấp mới, sửa đổi, bổ sung 09 giấy phép bán lẻ rượu, sản phẩm thuốc lá",
        "hỗ trợ 50 nhà chính sách xây mới và sửa chữa với kinh phí trên 1.000 triệu đồng, bằng 200% kế hoạch năm",
        "phê duyệt 16 phương án bồi thường hỗ trợ và tái định cư đối với 209 hộ gia đình, cá nhân và tổ chức với kinh phí gần 90.000 triệu đồng",
        "Đã có 08/09 địa điểm hoàn thành việc di chuyển tài sản, tháo dỡ công trình",
    ]

    static func listing(
        _ store: Store, unit: String = "304", period: String = "2017-H1", view: FigureView = .official
    ) async throws -> FigureListing {
        let db = store.sql
        let catalogue = try await IndicatorRepository.catalogue(db)
        let allUnits = try await UnitRepository.all(db)
        let unit = try XCTUnwrap(UnitRepository.lookup(unit, among: allUnits))
        let period = try Period(code: period)
        let figures = try await FigureQuery.figures(
            unitID: unit.id, period: period, catalogue: catalogue, view: view, db)
        return FigureListing(unitName: unit.fullName, period: period, fields: catalogue.fields, figures: figures)
    }

    func testDemoDataWritesTheReferenceSentences() async throws {
        // setup
        let store = try await StoreHarness.fresh(demo: true, for: self)
        // MUT
        let listing = try await Self.listing(store)
        // validate
        let text = listing.text
        for sentence in Self.golden {
            XCTAssertTrue(text.localizedCaseInsensitiveContains(sentence), "missing: \(sentence)\n\(text)")
        }
        // Every figure of the reference report is there; the wards' own indicators wait for the wards to report.
        let wardIndicators = ["THU_NS_PHUONG", "HKD_MOI_PHUONG", "HO_NGHEO_PHUONG", "GDVH_PHUONG", "HOA_GIAI_PHUONG"]
        XCTAssertEqual(listing.missing, wardIndicators.map { "\($0).value" })
        XCTAssertTrue(text.contains("Kết quả thực hiện chỉ tiêu: quận Ngô Quyền, 6 tháng đầu năm 2017"))
        XCTAssertEqual(
            listing.sections.map(\.field.code),
            ["kinh_te", "do_thi", "van_hoa_xa_hoi", "thanh_tra_tu_phap", "quoc_phong_an_ninh"])
        // The resolution rate is computed from the letters, not copied: 112 of 170 is 65,9%, written 66%.
        XCTAssertTrue(text.contains("đã giải quyết xong 112 đơn = 105 vụ việc, đạt tỷ lệ 66%"))
    }

    func testTheUnitCanBeNamed() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let units = try await UnitRepository.all(store.sql)
        XCTAssertEqual(UnitRepository.lookup("Ngô Quyền", among: units)?.code, "304")
        XCTAssertEqual(UnitRepository.lookup("quận Ngô Quyền", among: units)?.code, "304")
        XCTAssertEqual(UnitRepository.lookup("phường Máy Tơ", among: units)?.kind, .ward)
        XCTAssertNil(UnitRepository.lookup("Hà Nội", among: units))
    }

    func testChangingAStoredValueChangesTheSentenceAndKeepsHistory() async throws {
        // setup
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let db = store.sql
        let catalogue = try await IndicatorRepository.catalogue(db)
        let allUnits = try await UnitRepository.all(db)
        let unit = try XCTUnwrap(UnitRepository.lookup("304", among: allUnits))
        let key = ValueWriter.Key(
            indicatorID: catalogue.idByCode["GTSX_CN"]!, unitID: unit.id, period: .firstMonths(2017, 6))
        // MUT: the final figure comes in lower than last year's.
        let written = try await ValueWriter.save(
            key, Observation(value: Amount(600_000), status: .final), note: nil,
            by: "tckh", communeLevel: false, db)
        // validate: the working view has it at once, marked; the official view keeps the approved figure.
        XCTAssertTrue(written)
        let text = try await Self.listing(store, view: .working).text
        XCTAssertTrue(
            text.contains(
                "Giá trị sản xuất công nghiệp trên địa bàn đạt 600.000 triệu đồng (chưa duyệt), bằng 43,32% kế hoạch năm, giảm 5,1% so với cùng kỳ"
            ), text)
        let official = try await Self.listing(store, view: .official).text
        XCTAssertTrue(
            official.contains("Giá trị sản xuất công nghiệp trên địa bàn ước đạt 693.843 triệu đồng"), official)
        let history = try await ValueHistory.changes(key, db)
        XCTAssertEqual(history.count, 1)
        XCTAssertEqual(history.first?.oldValue, Amount(693_843))
        XCTAssertEqual(history.first?.oldStatus, "uoc")
        XCTAssertEqual(history.first?.oldBy, "demo")
        XCTAssertEqual(history.first?.newValue, Amount(600_000))
        XCTAssertEqual(history.first?.changedBy, "tckh")
        // Saving the same again writes nothing.
        let again = try await ValueWriter.save(
            key, Observation(value: Amount(600_000), status: .final), note: nil,
            by: "tckh", communeLevel: false, db)
        XCTAssertFalse(again)
        let awaited1 = try await ValueHistory.changes(key, db).count
        XCTAssertEqual(awaited1, 1)
    }

    func testAnotherPeriodFlagsMissingFiguresInsteadOfZero() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let listing = try await Self.listing(store, period: "2017-9M")
        XCTAssertTrue(listing.missing.contains("GTSX_CN.value"))
        XCTAssertFalse(listing.text.contains(" 0 triệu đồng"))
        XCTAssertTrue(listing.text.contains("9 tháng năm 2017"))
    }
}
