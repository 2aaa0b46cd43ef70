import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import Foundation
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// One template for the 6-month, 9-month and year reports: the template says no year or period of its own, every
/// report has its own narrative, a new one starts from the previous report's with each section marked "chưa cập
/// nhật" until someone writes or confirms it, and what the period does not know comes from the locality's settings.
final class RollForwardTests: XCTestCase {
    static let updateMark = MissingMark.updatePrefix

    /// The lines of a draft that are the report's own words: the "[chưa cập nhật: …]" marks (which name the report a
    /// text was copied from) left out.
    static func ownLines(_ document: ReportDocument) -> [String] {
        document.plainText.split(separator: "\n").map(String.init).filter { !$0.hasPrefix(updateMark) }
    }

    func testTheNineMonthAndYearReportsSayTheirOwnPeriodAndAskForEverySection() async throws {
        // setup
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let found = try await ReportTemplateRepository.find(DemoData.templateCode, store.sql)
        let template = try XCTUnwrap(found)
        let sectionsWithText = ReportSections.sections(of: template.template).filter {
            !ReportSections.narrative(of: $0, in: template.template).isEmpty
        }
        for (code, subject) in [
            ("2017-9M", ["Tình hình kinh tế - xã hội 9 tháng đầu năm,", "nhiệm vụ, giải pháp 3 tháng cuối năm 2017"]),
            ("2017", ["Tình hình kinh tế - xã hội năm 2017,", "nhiệm vụ, giải pháp năm 2018"]),
        ] {
            // MUT
            let document = try await ReferenceReportTests.render(store, period: code)
            // validate: the title, no word of the first half-year outside the marks, every section asked for.
            XCTAssertEqual(document.headerLines(.subject), subject)
            for line in Self.ownLines(document) {
                XCTAssertFalse(line.contains("6 tháng"), "\(code): \(line)")
                XCTAssertFalse(line.contains("tháng 5/2017"), "\(code): \(line)")
            }
            let marks = document.blocks.filter {
                if case .paragraph(let runs) = $0 { return ReportDocument.plain(runs).hasPrefix(Self.updateMark) }
                return false
            }
            XCTAssertEqual(marks.count, sectionsWithText.count, code)
            XCTAssertTrue(
                document.bodyText.contains(
                    "[chưa cập nhật: nội dung chép từ báo cáo 6 tháng đầu năm 2017, cần sửa hoặc xác nhận cho kỳ này]"))
            // The previous report's period words follow the new period.
            XCTAssertTrue(document.bodyText.contains("Tính đến hết tháng \(code == "2017" ? 11 : 8)/2017"))
        }
        // The reference report itself: confirmed, no mark.
        let h1 = try await ReferenceReportTests.render(store)
        XCTAssertFalse(h1.plainText.contains(Self.updateMark))
    }

    func testNoYearOrPeriodOfTheTemplateSurvivesIntoAnotherPeriod() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let found = try await ReportTemplateRepository.find(DemoData.templateCode, store.sql)
        let stored = try XCTUnwrap(found)
        // The template's own words, placeholders and comments left out, name no year and no period.
        var words = stored.body.split(separator: "\n").filter { !$0.hasPrefix("//") }.joined(separator: "\n")
        while let open = words.firstIndex(of: "{"), let close = words[open...].firstIndex(of: "}") {
            words.removeSubrange(open...close)
        }
        XCTAssertNil(words.firstMatch(of: /(19|20)\d\d/), String(words.firstMatch(of: /.{40}(19|20)\d\d/)?.0 ?? ""))
        for period in ["6 tháng", "9 tháng", "tháng cuối", "đầu năm", "cuối năm"] {
            XCTAssertFalse(words.contains(period), period)
        }
        // Rendered alone for a far period, the only years are that period's, the one before and the one after.
        for code in ["2031-H1", "2031-9M", "2031"] {
            let document = ReportRenderer.render(stored.template, period: try Period(code: code), figures: [])
            let years = Set(document.plainText.matches(of: /(19|20)\d\d/).map { String($0.0) })
            XCTAssertTrue(years.isSubset(of: ["2030", "2031", "2032"]), "\(code): \(years.sorted())")
        }
    }

    func testANewReportStartsFromTheLatestTextOfEachSectionUntilConfirmed() async throws {
        // setup: the 9-month report writes section 3 and confirms it.
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let district = try await store.sql.raw("SELECT id FROM units WHERE code = '304'").first()!
            .decode(column: "id", as: Int.self)
        let nine = WorkspaceRepository.ReportKey(
            template: DemoData.templateCode, unitID: district, period: .firstMonths(2017, 9))
        let year = WorkspaceRepository.ReportKey(template: DemoData.templateCode, unitID: district, period: .year(2017))
        var draft = try await ReportNarrative.load(nine, store.sql)
        XCTAssertTrue(draft.isCarried("muc-3"))
        XCTAssertEqual(draft.carried["muc-3"]?.period, .firstMonths(2017, 6))
        try await WorkspaceRepository.write(
            nine, section: "muc-3", body: "Kinh tế {period} phát triển ổn định. {THU_NSNN.sentence}.", done: true,
            by: "test", store.sql)

        // MUT
        draft = try await ReportNarrative.load(nine, store.sql)
        let document = try await ReferenceReportTests.render(store, period: "2017-9M")
        let tree = try await UnitTree.load(store.sql)
        let readiness = try await ReportReadiness.check(
            template: DemoData.templateCode, locality: tree.byCode["304"]!, period: .firstMonths(2017, 9), tree: tree,
            store.sql)
        let yearDraft = try await ReportNarrative.load(year, store.sql)

        // validate: section 3 is the 9-month report's own, without a mark; the others still ask.
        XCTAssertFalse(draft.isCarried("muc-3"))
        XCTAssertTrue(document.bodyText.contains("Kinh tế 9 tháng năm 2017 phát triển ổn định."))
        let template = try await ReportTemplateRepository.find(DemoData.templateCode, store.sql)
        XCTAssertNil(draft.notes(for: try XCTUnwrap(template).template)["muc-3"])
        // Two sections bear this title (PHẦN 1's results, PHẦN 2's tasks): only the tasks are left.
        XCTAssertEqual(readiness.unwritten.filter { $0 == "1. Nhiệm vụ kinh tế - ngân sách" }.count, 1)
        XCTAssertTrue(readiness.unwritten.contains("IV. Đánh giá chung"), "\(readiness.unwritten)")
        XCTAssertFalse(readiness.isReady)
        // The year report takes each section from the latest report that wrote it.
        XCTAssertEqual(yearDraft.carried["muc-3"]?.period, .firstMonths(2017, 9))
        XCTAssertEqual(yearDraft.carried["muc-4"]?.period, .firstMonths(2017, 6))
        // A published version carries no mark.
        let published = try await ReportQuery.document(
            template: DemoData.templateCode, unitID: district, period: .firstMonths(2017, 9), view: .official,
            forPublication: true, store.sql)
        XCTAssertFalse(published.plainText.contains(Self.updateMark))
    }

    func testTheSessionTermAndThemeComeFromTheLocalitysSettings() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let h1 = try await ReferenceReportTests.render(store)
        XCTAssertEqual(
            h1.headerLines(.purpose), ["Phục vụ tiếp xúc cử tri", "chuẩn bị kỳ họp thứ V", "HĐND quận khóa XVIII"])
        XCTAssertEqual(
            h1.headerLines(.signature) + h1.headerLines(.signer), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"])
        XCTAssertTrue(
            h1.bodyText.contains(
                "II. THỰC HIỆN CHỦ ĐỀ NĂM 2017 CỦA THÀNH PHỐ \"TĂNG CƯỜNG KỸ CƯƠNG THU, CHI NGÂN SÁCH – CẢI THIỆN MÔI TRƯỜNG ĐẦU TƯ KINH DOANH\"."
            ))
        // The session was set for the first half only: the 9-month report asks for its own.
        var nine = try await ReferenceReportTests.render(store, period: "2017-9M")
        XCTAssertTrue(nine.missing.contains("thiết lập kỳ họp HĐND (ky_hop)"))
        XCTAssertTrue(nine.headerLines(.purpose)[1].contains("[thiếu số liệu: thiết lập kỳ họp HĐND (ky_hop)]"))
        let district = try await store.sql.raw("SELECT id FROM units WHERE code = '304'").first()!
            .decode(column: "id", as: Int.self)
        try await ReportSettingsRepository.set(
            .session, .period, for: .firstMonths(2017, 9), to: "VI", unitID: district, by: "test", store.sql)
        nine = try await ReferenceReportTests.render(store, period: "2017-9M")
        XCTAssertEqual(nine.headerLines(.purpose)[1], "chuẩn bị kỳ họp thứ VI")
        XCTAssertFalse(nine.missing.contains { $0.contains("ky_hop") })
        // The theme was set for 2017 by the city: 2018 asks for its own.
        let next = try await ReferenceReportTests.render(store, period: "2018-H1")
        XCTAssertTrue(next.missing.contains("thiết lập chủ đề năm (chu_de_nam)"))
    }
}
