import BaoCaoDomain
import BaoCaoStorage
import BaoCaoTestSupport
import XCTest

/// An uploaded entry form read against the form: changes old → new, problems by cell, colleagues' changes.
final class EntryWorkbookTests: XCTestCase {
    func form(_ store: Store, _ unit: String = "304-P01") async throws -> EntryForm {
        let tree = try await UnitTree.load(store.sql)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        return try await EntryForm.load(
            unit: try XCTUnwrap(tree.byCode[unit]), period: .firstMonths(2017, 6), tree: tree, catalogue: catalogue,
            store.sql)
    }

    /// The form's rows as an upload would carry them untouched, with `filled` typed into the value cells.
    func upload(_ sheet: FormSheet, _ filled: [String: String], unit: String? = nil) -> FormUpload {
        let rows = sheet.lines.enumerated().map { index, line in
            FormUpload.Row(
                sheetRow: FormSheet.firstRow + index, code: line.code, value: filled[line.code] ?? "", status: "",
                qualifier: "", note: "", version: line.version,
                shownValue: line.stored.map { VietnameseNumber.shortest($0.value) } ?? "",
                shownStatus: (line.stored?.status ?? .estimate).rawValue, shownQualifier: "", shownNote: "")
        }
        return FormUpload(unitCode: unit ?? sheet.unitCode, periodCode: sheet.periodCode, rows: rows, problems: [])
    }

    func testChangesOldToNewAndProblemsByCell() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let form = try await form(store)
        let sheet = form.sheet()
        XCTAssertEqual(sheet.lines.first?.code, "THU_NS_PHUONG")
        XCTAssertEqual(sheet.lines.first?.target, Amount(4200))

        // Two figures typed, the rest untouched: two changes, the form's fields for them only.
        var plan = form.plan(upload(sheet, ["THU_NS_PHUONG": "2.150,75", "HKD_MOI_PHUONG": "31"]))
        XCTAssertEqual(plan.problems, [])
        XCTAssertEqual(plan.changes.map(\.indicator.code), ["THU_NS_PHUONG", "HKD_MOI_PHUONG"])
        XCTAssertEqual(plan.changes.map(\.new.value), ["2.150,75", "31"])
        XCTAssertEqual(plan.changes.map(\.old.value), ["", ""])
        XCTAssertEqual(plan.fields["s_THU_NS_PHUONG"], "uoc", "an empty status is an estimate")
        XCTAssertNil(plan.fields["v_HO_NGHEO_PHUONG"])
        XCTAssertEqual(form.parse(plan.fields).lines.count, 2)

        // A bad number is a problem at its value cell; another unit's form, an unknown code, a repeated row too.
        plan = form.plan(upload(sheet, ["HKD_MOI_PHUONG": "ba mươi"]))
        XCTAssertEqual(plan.problems.map(\.cell), ["F6"])
        XCTAssertTrue(plan.problems[0].description.hasPrefix("Ô F6: "))
        plan = form.plan(upload(sheet, [:], unit: "304-P02"))
        XCTAssertTrue(plan.problems.first?.message.contains("mã 304-P02") == true)
        var tampered = upload(sheet, ["THU_NS_PHUONG": "1"])
        tampered.rows[1].code = "KHONG_CO"
        tampered.rows[2].code = "THU_NS_PHUONG"
        tampered.rows[3].version = nil
        tampered.rows[3].value = "5"
        plan = form.plan(tampered)
        XCTAssertEqual(plan.problems.map(\.cell), ["A6", "A7", "J8"])
    }

    func testWhatIsStoredAlreadyIsNoChangeAndAColleaguesChangeIsShown() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let before = try await form(store)
        let sheet = before.sheet()
        // A colleague saves two figures after the workbook was downloaded.
        let lines = before.parse([
            "v_THU_NS_PHUONG": "2.000", "s_THU_NS_PHUONG": "uoc", "v_HKD_MOI_PHUONG": "31", "s_HKD_MOI_PHUONG": "uoc",
        ]).lines
        XCTAssertEqual(lines.count, 2)
        _ = try await FigureEntry.save(
            lines, formUnit: before.formUnit, valueUnit: before.valueUnit, period: before.period, submit: false,
            by: "colleague", store: store)
        let after = try await form(store)

        // The workbook says 31 as the colleague did (nothing to do) and 2.100 where they wrote 2.000.
        let plan = after.plan(upload(sheet, ["THU_NS_PHUONG": "2.100", "HKD_MOI_PHUONG": "31"]))
        XCTAssertEqual(plan.problems, [])
        XCTAssertEqual(plan.changes.map(\.indicator.code), ["THU_NS_PHUONG"])
        XCTAssertEqual(plan.changes.first?.changedSince?.value, "2.000")
        XCTAssertNil(plan.fields["v_HKD_MOI_PHUONG"])
        // Saving it is refused as a conflict, as the page's save is: nothing overwritten.
        do {
            _ = try await FigureEntry.save(
                after.parse(plan.fields).lines, formUnit: after.formUnit, valueUnit: after.valueUnit,
                period: after.period, submit: false, by: "me", store: store)
            XCTFail("a stale version must be refused")
        } catch is FigureEntry.Conflicts {}
    }
}
