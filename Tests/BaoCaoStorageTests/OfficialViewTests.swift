import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// Two views of every figure: a save changes the working view at once, marked as not approved; the official view
/// changes only when the unit's figures are approved, and keeps the last approved ones through a return or reopening.
final class OfficialViewTests: XCTestCase {
    struct Setup {
        let store: Store
        let tree: UnitTree
        let catalogue: Catalogue
        var db: any SQLDatabase { store.sql }
        func unit(_ code: String) -> StoredUnit { tree.byCode[code]! }
        func key(_ indicator: String, _ unit: String, _ period: String = "2017-H1") throws -> ValueWriter.Key {
            ValueWriter.Key(
                indicatorID: catalogue.idByCode[indicator]!, unitID: self.unit(unit).id,
                period: try Period(code: period))
        }
    }

    func demo() async throws -> Setup {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        return Setup(
            store: store, tree: try await UnitTree.load(store.sql),
            catalogue: try await IndicatorRepository.catalogue(store.sql))
    }

    func district(_ s: Setup, _ code: String, _ view: FigureView) async throws -> Figure {
        try await StoreFixtures.figure(s.store, "304", "2017-H1", code, view: view)
    }

    func save(_ s: Setup, _ code: String, _ ward: String, _ value: Int, status: ValueStatus = .estimate) async throws {
        let key = try s.key(code, ward)
        try await s.store.transaction { db in
            _ = try await ValueWriter.save(
                key, Observation(value: Amount(value), status: status), note: nil, by: "test", communeLevel: true, db)
        }
    }

    func step(_ s: Setup, _ step: SubmissionStep, _ ward: String, reason: String? = nil) async throws {
        let unit = s.unit(ward)
        try await s.store.transaction { [tree = s.tree] db in
            try await FigureReview.take(
                step, formUnit: unit, period: .firstMonths(2017, 6), reason: reason,
                by: step == .approve ? "approver" : "test", tree: tree, db)
        }
    }

    func testADraftChangesTheWorkingViewOnlyUntilApproved() async throws {
        let s = try await demo()
        // MUT: a ward's typo, saved as a draft.
        try await save(s, "HO_NGHEO_PHUONG", "304-P01", 999_999)
        var working = try await district(s, "HO_NGHEO_PHUONG", .working)
        var official = try await district(s, "HO_NGHEO_PHUONG", .official)
        XCTAssertEqual(working.current?.value, Amount(999_999))
        XCTAssertEqual(working.current?.coverage?.pending, 1)
        XCTAssertEqual(FigureWords(working).note, "mới có số liệu của 1/13 phường, 1 phường chưa duyệt")
        XCTAssertNil(official.current, "nothing approved for 2017-H1: the official view has no figure")

        // Submitted and approved: the official view follows, nothing pending any more.
        try await step(s, .saveDraft, "304-P01")
        try await step(s, .submit, "304-P01")
        try await step(s, .approve, "304-P01")
        official = try await district(s, "HO_NGHEO_PHUONG", .official)
        XCTAssertEqual(official.current?.value, Amount(999_999))
        working = try await district(s, "HO_NGHEO_PHUONG", .working)
        XCTAssertEqual(working.current?.coverage?.pending, 0)
        XCTAssertFalse(working.current?.isDraft ?? true)

        // Reopened and corrected: the working view has the fix at once, the official one the approved typo until
        // the fix is approved.
        try await step(s, .reopen, "304-P01")
        try await save(s, "HO_NGHEO_PHUONG", "304-P01", 45)
        official = try await district(s, "HO_NGHEO_PHUONG", .official)
        working = try await district(s, "HO_NGHEO_PHUONG", .working)
        XCTAssertEqual(official.current?.value, Amount(999_999))
        XCTAssertEqual(working.current?.value, Amount(45))
        XCTAssertEqual(working.current?.coverage?.pending, 1)
        try await step(s, .submit, "304-P01")
        try await step(s, .approve, "304-P01")
        official = try await district(s, "HO_NGHEO_PHUONG", .official)
        XCTAssertEqual(official.current?.value, Amount(45))
    }

    func testADeletionReachesTheOfficialViewWhenApproved() async throws {
        let s = try await demo()
        try await save(s, "HKD_MOI_PHUONG", "304-P01", 12)
        for st in [SubmissionStep.saveDraft, .submit, .approve] { try await step(s, st, "304-P01") }
        try await step(s, .reopen, "304-P01")
        try await s.store.transaction { [key = try s.key("HKD_MOI_PHUONG", "304-P01")] db in
            _ = try await ValueWriter.delete(key, by: "test", communeLevel: true, db)
        }
        var official = try await district(s, "HKD_MOI_PHUONG", .official)
        XCTAssertEqual(official.current?.value, Amount(12), "deleted only in the working view so far")
        let working = try await district(s, "HKD_MOI_PHUONG", .working)
        XCTAssertNil(working.current)
        try await step(s, .submit, "304-P01")
        try await step(s, .approve, "304-P01")
        official = try await district(s, "HKD_MOI_PHUONG", .official)
        XCTAssertNil(official.current)
    }

    func testAnOfficesOwnValueIsMarkedUntilApproved() async throws {
        let s = try await demo()
        try await s.store.transaction { [key = try s.key("GTSX_CN", "304")] db in
            _ = try await ValueWriter.save(
                key, Observation(value: Amount(700_000), status: .estimate), note: nil, by: "kt", communeLevel: false,
                db)
        }
        let working = try await district(s, "GTSX_CN", .working)
        XCTAssertTrue(working.current?.isDraft ?? false)
        let official = try await district(s, "GTSX_CN", .official)
        XCTAssertEqual(official.current?.value, Amount(693_843))
        XCTAssertFalse(official.current?.isDraft ?? true)
    }

    func testAnApprovedFigureIsStoredOnceAndKeptApartOnlyWhileAChangeWaits() async throws {
        let s = try await demo()
        func kept() async throws -> Int {
            try await s.db.raw("SELECT COUNT(*) AS n FROM official_values").first()!.decode(column: "n", as: Int.self)
        }
        var count = try await kept()
        XCTAssertEqual(count, 0, "every imported figure is its own working row, approved")
        let key = try s.key("GTSX_CN", "304")
        func set(_ value: Int) async throws {
            try await s.store.transaction { db in
                _ = try await ValueWriter.save(
                    key, Observation(value: Amount(value), status: .estimate), note: nil, by: "kt", communeLevel: false,
                    db)
            }
        }
        try await set(700_000)
        count = try await kept()
        XCTAssertEqual(count, 1, "the approved 693.843 kept apart while 700.000 waits")
        var official = try await district(s, "GTSX_CN", .official)
        XCTAssertEqual(official.current?.value, Amount(693_843))
        // Saved back to the official figure: official again, nothing kept apart.
        try await set(693_843)
        count = try await kept()
        XCTAssertEqual(count, 0)
        let working = try await district(s, "GTSX_CN", .working)
        XCTAssertFalse(working.current?.isDraft ?? true)
        // Deleted: the approved figure stays official until the deletion is approved.
        try await s.store.transaction { db in _ = try await ValueWriter.delete(key, by: "kt", communeLevel: false, db) }
        official = try await district(s, "GTSX_CN", .official)
        XCTAssertEqual(official.current?.value, Amount(693_843))
        for st in [SubmissionStep.saveDraft, .submit, .approve] {
            try await s.store.transaction { [tree = s.tree] db in
                try await FigureReview.take(
                    st, formUnit: s.unit("304-TCKH"), period: .firstMonths(2017, 6), reason: nil,
                    by: st == .approve ? "approver" : "t", tree: tree, db)
            }
        }
        official = try await district(s, "GTSX_CN", .official)
        XCTAssertNil(official.current, "the approved deletion")
        count = try await kept()
        XCTAssertEqual(count, 0)
    }

    func testRebuiltSumsGiveBothViewsAsBefore() async throws {
        let s = try await demo()
        try await save(s, "HKD_MOI_PHUONG", "304-P01", 12)
        try await save(s, "HKD_MOI_PHUONG", "304-P02", 7)
        for st in [SubmissionStep.saveDraft, .submit, .approve, .reopen] { try await step(s, st, "304-P01") }
        try await save(s, "HKD_MOI_PHUONG", "304-P01", 15)
        func both() async throws -> [String] {
            let w = try await district(s, "HKD_MOI_PHUONG", .working).current
            let o = try await district(s, "HKD_MOI_PHUONG", .official).current
            return [w, o].map {
                "\($0?.value.description ?? "-") \($0?.coverage?.reported ?? 0) \($0?.coverage?.pending ?? 0)"
            }
        }
        let live = try await both()
        XCTAssertEqual(live, ["22 2 2", "12 1 0"], "working 15 + 7 (both waiting); official the approved 12")
        // MUT: a hierarchy change rebuilds every sum from the values.
        try await RollupTable.rebuild(s.db)
        let rebuilt = try await both()
        XCTAssertEqual(rebuilt, live)
    }

    func testImportedFiguresAreOfficialAndTheMigrationKeepsDraftsOut() async throws {
        let s = try await demo()
        let imported = try await district(s, "GTSX_CN", .official)
        XCTAssertEqual(imported.current?.value, Amount(693_843), "the demo is imported: official")
        // A ward in the cycle with a draft, in a database from before the two views (every value taken as
        // approved): the migration leaves the draft out of the official view.
        try await save(s, "HKD_MOI_PHUONG", "304-P01", 12)
        try await step(s, .saveDraft, "304-P01")
        try await s.db.raw("UPDATE data_values SET approved = \(true)").run()
        try await CreateOfficialValues.populate(s.db)
        let official = try await district(s, "HKD_MOI_PHUONG", .official)
        XCTAssertNil(official.current, "a draft of a unit in the cycle is not made official")
        let again = try await district(s, "GTSX_CN", .official)
        XCTAssertEqual(again.current?.value, Amount(693_843))
        let working = try await district(s, "HKD_MOI_PHUONG", .working)
        XCTAssertEqual(working.current?.coverage?.pending, 1, "the rebuilt working sums count the draft")
    }
}
