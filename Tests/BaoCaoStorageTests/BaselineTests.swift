import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import Foundation
import XCTest

@testable import BaoCaoStorage

/// Phường Ngô Quyền, formed on 1 July 2025, compared with 2025-H1: the figure of its predecessors, whole ones fully
/// and parts by their share, a rate recomputed from its rebuilt numerator and denominator, an index left out, and a
/// missing share named instead of a comparison. The predecessors' own figures stay as they were.
final class BaselineTests: XCTestCase {
    static let catalogue = """
        code,name,unit_of_measure,field,unit_aggregation,time_aggregation,formula,change_decimals,value_decimals
        THU_NS,Thu ngân sách trên địa bàn phường,triệu đồng,kt,sum,flow,,2,0
        DON_TN,Số đơn tiếp nhận,đơn,kt,sum,flow,,2,0
        DON_GQ,Số đơn đã giải quyết,đơn,kt,sum,flow,,2,0
        TY_LE_GQ,Tỷ lệ đơn đã giải quyết,%,kt,none,none,DON_GQ / DON_TN * 100,2,2
        CHI_SO_GIA,Chỉ số giá tiêu dùng,%,kt,none,none,,2,2
        """

    /// 2025-H1 of the predecessors of phường Ngô Quyền, and its own 2026-H1.
    static let values = """
        indicator,unit,period,value,status
        THU_NS,11329,2025-H1,"1.000",chinh_thuc
        THU_NS,11335,2025-H1,500,chinh_thuc
        THU_NS,11338,2025-H1,300,chinh_thuc
        THU_NS,11341,2025-H1,800,chinh_thuc
        THU_NS,11350,2025-H1,400,chinh_thuc
        DON_TN,11329,2025-H1,40,chinh_thuc
        DON_TN,11335,2025-H1,20,chinh_thuc
        DON_TN,11338,2025-H1,20,chinh_thuc
        DON_TN,11341,2025-H1,40,chinh_thuc
        DON_TN,11350,2025-H1,40,chinh_thuc
        DON_GQ,11329,2025-H1,20,chinh_thuc
        DON_GQ,11335,2025-H1,10,chinh_thuc
        DON_GQ,11338,2025-H1,10,chinh_thuc
        DON_GQ,11341,2025-H1,40,chinh_thuc
        DON_GQ,11350,2025-H1,0,chinh_thuc
        CHI_SO_GIA,11329,2025-H1,"103,5",chinh_thuc
        THU_NS,11329,2026-H1,"3.000",uoc
        DON_TN,11329,2026-H1,100,chinh_thuc
        DON_GQ,11329,2026-H1,80,chinh_thuc
        CHI_SO_GIA,11329,2026-H1,"104,1",chinh_thuc
        """

    /// The shares of the two parts that went into phường Ngô Quyền (illustrative).
    static let shares = """
        effective,resolution,successor,predecessor,part,share,share_basis,share_source
        2025-07-01,1669/NQ-UBTVQH15,11329,11341,mot_phan,25,dan_so,minh họa
        2025-07-01,1669/NQ-UBTVQH15,11329,11350,mot_phan,50,dan_so,minh họa
        """

    func store(shares: Bool) async throws -> Store {
        let store = try await StoreHarness.fresh(for: self)
        var dataset = try DatasetReader.read(
            csv: try LineageTests.fixture("hai-phong-2025-units.csv"), file: "units.csv")
        dataset.append(
            try DatasetReader.read(csv: try LineageTests.fixture("hai-phong-2025-lineage.csv"), file: "lineage.csv"))
        dataset.append(try DatasetReader.read(csv: "code,name\nkt,Kinh tế\n", file: "fields.csv"))
        dataset.append(try DatasetReader.read(csv: Self.catalogue, file: "indicators.csv"))
        dataset.append(try DatasetReader.read(csv: Self.values, file: "values.csv"))
        if shares { dataset.append(try DatasetReader.read(csv: Self.shares, file: "shares.csv")) }
        _ = try await DatasetImporter.run(dataset, by: "test", store: store)
        return store
    }

    func figures(_ store: Store, _ unit: StoredUnit, _ period: Period) async throws -> [String: Figure] {
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let figures = try await FigureQuery.figures(
            unitID: unit.id, period: period, catalogue: catalogue, view: .official, store.sql)
        return Dictionary(uniqueKeysWithValues: figures.map { ($0.indicator.code, $0) })
    }

    func ngoQuyen(_ store: Store) async throws -> StoredUnit {
        let units = try await UnitRepository.all(store.sql)
        return try XCTUnwrap(units.first { $0.code == "11329" && $0.validFrom == "2025-07-01" })
    }

    func testLastYearIsRebuiltFromWholePredecessorsAndSharesOfParts() async throws {
        let store = try await store(shares: true)
        let unit = try await ngoQuyen(store)
        let figures = try await self.figures(store, unit, .firstMonths(2026, 6))
        // 1.000 + 500 + 300 whole, 25% of 800 and 50% of 400: 2.200.
        let revenue = try XCTUnwrap(figures["THU_NS"])
        XCTAssertEqual(revenue.lastYear?.value, Amount(2_200))
        XCTAssertEqual(revenue.yearOnYear?.magnitude, Amount(scaled: 36_3600))
        XCTAssertEqual(
            ResultSentence.sentence(revenue).text,
            "Thu ngân sách trên địa bàn phường ước đạt 3.000 triệu đồng, tăng 36,36% so với cùng kỳ năm 2025 của các "
                + "phường Máy Chai, Vạn Mỹ, Cầu Tre và một phần phường Gia Viên (25% dân số), Đông Khê (50% dân số)")
        // The rate from the rebuilt numerator and denominator: (20+10+10+10+0) / (40+20+20+10+20) = 50/110.
        let rate = try XCTUnwrap(figures["TY_LE_GQ"])
        XCTAssertEqual(figures["DON_GQ"]?.lastYear?.value, Amount(50))
        XCTAssertEqual(figures["DON_TN"]?.lastYear?.value, Amount(110))
        XCTAssertEqual(rate.lastYear?.value, Amount(scaled: 45_4545))
        XCTAssertNotNil(rate.lastYearRebuilt)
        // An index is not rebuilt: no figure, and why.
        let index = try XCTUnwrap(figures["CHI_SO_GIA"])
        XCTAssertNil(index.lastYear)
        XCTAssertEqual(
            index.gap(.yearOnYear),
            "chỉ tiêu không cộng được giữa các đơn vị (chỉ số, tỷ lệ, bình quân): không dựng lại số liệu cùng kỳ từ các đơn vị cũ"
        )
        // History is not rewritten: phường Máy Chai's own 2025-H1 is still 1.000, with no rebuilt figure.
        let units = try await UnitRepository.all(store.sql)
        let mayChai = try XCTUnwrap(units.first { $0.code == "11329" && $0.validTo == "2025-06-30" })
        let old = try await self.figures(store, mayChai, .firstMonths(2025, 6))
        XCTAssertEqual(old["THU_NS"]?.current?.value, Amount(1_000))
        XCTAssertNil(old["THU_NS"]?.lastYearRebuilt)
    }

    func testAMissingShareIsNamedInsteadOfAComparison() async throws {
        let store = try await store(shares: false)
        let unit = try await ngoQuyen(store)
        let figures = try await self.figures(store, unit, .firstMonths(2026, 6))
        let revenue = try XCTUnwrap(figures["THU_NS"])
        XCTAssertNil(revenue.lastYear)
        XCTAssertNil(revenue.yearOnYear)
        XCTAssertEqual(
            revenue.gap(.yearOnYear),
            "chưa có tỷ lệ của phần phường Gia Viên, phường Đông Khê đã vào đơn vị này: cần nhập tỷ lệ (dân số hoặc "
                + "diện tích) để dựng số liệu cùng kỳ")
        XCTAssertEqual(
            ResultSentence.sentence(revenue).text,
            "Thu ngân sách trên địa bàn phường ước đạt 3.000 triệu đồng, chưa so sánh được với cùng kỳ năm 2025 (chưa "
                + "có tỷ lệ của phần phường Gia Viên, phường Đông Khê đã vào đơn vị này: cần nhập tỷ lệ (dân số hoặc "
                + "diện tích) để dựng số liệu cùng kỳ)")
    }

    /// In a report the sentence says "so với cùng kỳ năm 2025" and a footnote names the predecessors and shares,
    /// once for every sentence on the same basis; with a share missing, the comparison is left out of the text and
    /// the compiler is told which share to enter.
    func testAReportNamesThePredecessorsInAFootnote() async throws {
        let template = try ReportTemplateFormat.parse(
            """
            # KẾT QUẢ
            Thu ngân sách: {THU_NS.sentence}.
            - Đơn: {DON_GQ.sentence}; {DON_TN.yoy}.
            """)
        for shares in [true, false] {
            let store = try await store(shares: shares)
            let figures = try await self.figures(store, try await ngoQuyen(store), .firstMonths(2026, 6))
            let document = ReportRenderer.render(
                template, period: .firstMonths(2026, 6), figures: Array(figures.values))
            let note =
                "So với cùng kỳ năm 2025 của các phường Máy Chai, Vạn Mỹ, Cầu Tre và một phần phường Gia Viên (25% "
                + "dân số), Đông Khê (50% dân số); số liệu cùng kỳ được tổng hợp lại từ số liệu của các đơn vị trước "
                + "khi sắp xếp."
            guard shares else {
                XCTAssertEqual(document.footnotes, [])
                XCTAssertTrue(
                    document.bodyText.contains(
                        "Thu ngân sách: Thu ngân sách trên địa bàn phường ước đạt 3.000 triệu đồng.")
                        && document.bodyText.contains("Đơn: Số đơn đã giải quyết đạt 80 đơn."),
                    document.bodyText)
                XCTAssertTrue(
                    document.missing.contains {
                        $0.hasPrefix(
                            "THU_NS: chưa so sánh được với cùng kỳ năm 2025 (chưa có tỷ lệ của phần phường Gia Viên, phường Đông Khê"
                        )
                    }, "\(document.missing)")
                continue
            }
            XCTAssertEqual(document.footnotes, [note])
            XCTAssertEqual(document.missing, [])
            XCTAssertEqual(
                document.blocks[1],
                .paragraph([
                    .text(
                        "Thu ngân sách: Thu ngân sách trên địa bàn phường ước đạt 3.000 triệu đồng, tăng 36,36% so với cùng kỳ năm 2025"
                    ),
                    .footnote(1), .text("."),
                ]))
            XCTAssertEqual(
                document.blocks[2],
                .bullet([
                    .text("Đơn: Số đơn đã giải quyết đạt 80 đơn, tăng 60% so với cùng kỳ năm 2025"),
                    .footnoteAgain(1),
                    .text("; giảm 9,09% so với cùng kỳ năm 2025"), .footnoteAgain(1), .text("."),
                ]))
            XCTAssertTrue(document.plainText.contains("Chú thích:\n1. " + note), document.plainText)
        }
    }

    /// The demo after the reform: `baocao report --unit 11329 --period 2026-H1` lists phường Ngô Quyền's figures
    /// compared with 2025-H1 rebuilt from its predecessors, with the illustrative shares.
    func testTheReformDemoComparesTheNewWardWithItsPredecessors() async throws {
        let store = try await StoreHarness.fresh(for: self)
        try await DemoData.loadIfEmpty(store, reform: true)
        let unit = try await ngoQuyen(store)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let figures = try await FigureQuery.figures(
            unitID: unit.id, period: .firstMonths(2026, 6), catalogue: catalogue, view: .official, store.sql)
        let listing = FigureListing(
            unitName: unit.fullName, period: .firstMonths(2026, 6), fields: catalogue.fields,
            figures: ReportingForms.listed(
                figures, for: unit, period: .firstMonths(2026, 6), tree: try await UnitTree.load(store.sql), catalogue)
        ).text
        XCTAssertFalse(listing.contains("thiếu số liệu"), "a ward's listing holds what a ward reports: \(listing)")
        XCTAssertEqual(listing.components(separatedBy: "\n- ").count - 1, 5, listing)
        XCTAssertTrue(
            listing.contains(
                "- Thu ngân sách nhà nước trên địa bàn phường ước đạt 5.120,0 triệu đồng, bằng 53,33% dự toán, tăng "
                    + "0,24% so với cùng kỳ năm "
                    + "2025 của các phường Máy Chai, Vạn Mỹ, Cầu Tre và một phần phường Gia Viên (30% dân số), Đông Khê "
                    + "(45% dân số)."), listing)
        // 1.800 + 1.200 + 1.050 whole, 30% of 1.500 and 45% of 1.350: 5.107,5.
        XCTAssertEqual(
            figures.first { $0.indicator.code == "THU_NS_PHUONG" }?.lastYear?.value, Amount(scaled: 51_075_000))
    }

    /// The demo's six-month report of phường Ngô Quyền for 2026-H1: every comparison against 2025-H1 rebuilt from
    /// its predecessors, cited by one footnote; with a share removed, no comparison is printed and the compiler is
    /// told which share to enter (the report is then not ready to publish).
    func testTheWardsSixMonthReportCitesItsPredecessorsInOneFootnote() async throws {
        let store = try await StoreHarness.fresh(for: self)
        try await DemoData.loadIfEmpty(store, reform: true)
        let unit = try await ngoQuyen(store)
        let period = Period.firstMonths(2026, 6)
        var document = try await ReportQuery.document(
            template: DemoData.reformTemplateCode, unitID: unit.id, period: period, view: .official, store.sql)
        XCTAssertEqual(document.missing, [])
        let note = try XCTUnwrap(document.footnotes.firstIndex { $0.hasPrefix("So với cùng kỳ năm 2025") })
        XCTAssertEqual(
            document.footnotes[note],
            "So với cùng kỳ năm 2025 của các phường Máy Chai, Vạn Mỹ, Cầu Tre và một phần phường Gia Viên (30% dân "
                + "số), Đông Khê (45% dân số); số liệu cùng kỳ được tổng hợp lại từ số liệu của các đơn vị trước khi "
                + "sắp xếp.")
        let citations = document.blocks.flatMap { block -> [ReportDocument.Run] in
            if case .bullet(let runs) = block { return runs } else { return [] }
        }.filter { $0 == .footnote(note + 1) || $0 == .footnoteAgain(note + 1) }
        XCTAssertEqual(citations.count, 5, "each of the five ward figures is compared with the rebuilt 2025-H1")
        XCTAssertTrue(
            document.bodyText.contains(
                "- Thu ngân sách nhà nước trên địa bàn phường ước đạt 5.120,0 triệu đồng, bằng 53,33% dự toán, tăng "
                    + "0,24% so với cùng kỳ năm 2025."), document.bodyText)
        XCTAssertFalse(document.bodyText.contains("Máy Chai"), "the body names no predecessor: the footnote does")
        XCTAssertEqual(
            document.annex.rows.first { $0.code == "THU_NS_PHUONG" }?.note,
            "cùng kỳ tổng hợp lại từ các đơn vị trước khi sắp xếp", "the annex's same-period cell says it too")

        try await store.sql.raw(
            """
            UPDATE unit_lineage SET share = NULL, share_basis = NULL
            WHERE predecessor_id = (SELECT id FROM units WHERE name = 'Phường Gia Viên' AND valid_to = '2025-06-30')
            """
        ).run()
        document = try await ReportQuery.document(
            template: DemoData.reformTemplateCode, unitID: unit.id, period: period, view: .official, store.sql)
        XCTAssertFalse(document.bodyText.contains("so với cùng kỳ"), document.bodyText)
        XCTAssertFalse(document.footnotes.contains { $0.hasPrefix("So với cùng kỳ") })
        XCTAssertEqual(document.missing.count, 5, "\(document.missing)")
        XCTAssertTrue(
            document.missing.contains(
                "THU_NS_PHUONG: chưa so sánh được với cùng kỳ năm 2025 (chưa có tỷ lệ của phần phường Gia Viên đã vào "
                    + "đơn vị này: cần nhập tỷ lệ (dân số hoặc diện tích) để dựng số liệu cùng kỳ)"),
            "\(document.missing)")
    }

    /// A period the ward was formed within: 2025-9M is its predecessors' first six months (rebuilt) and its own
    /// July to September. A flow adds them; a stock is the ward's own September; without the ward's own months, no
    /// comparison, and which months are missing.
    func testAPeriodTheUnitWasFormedWithinJoinsThePredecessorsMonthsToItsOwn() async throws {
        let store = try await StoreHarness.fresh(for: self)
        try await DemoData.loadIfEmpty(store, reform: true)
        let values = """
            indicator,unit,period,value,status
            THU_NS_PHUONG,11329,2025-M07,900,chinh_thuc
            THU_NS_PHUONG,11329,2025-M08,800,chinh_thuc
            THU_NS_PHUONG,11329,2025-M09,700,chinh_thuc
            THU_NS_PHUONG,11329,2026-9M,"7.800",chinh_thuc
            HKD_MOI_PHUONG,11329,2026-9M,150,chinh_thuc
            HO_NGHEO_PHUONG,11329,2025-M09,40,chinh_thuc
            HO_NGHEO_PHUONG,11329,2026-9M,30,chinh_thuc
            """
        _ = try await DatasetImporter.run(
            try DatasetReader.read(csv: values, file: "values.csv"), by: "test", store: store)
        let figures = try await self.figures(store, try await ngoQuyen(store), .firstMonths(2026, 9))
        // 5.107,5 rebuilt for January to June, and the ward's own 2.400 for July to September.
        let revenue = try XCTUnwrap(figures["THU_NS_PHUONG"])
        XCTAssertEqual(revenue.lastYear?.value, Amount(scaled: 75_075_000))
        XCTAssertEqual(revenue.lastYearRebuilt?.joined?.lastMonth, 6)
        XCTAssertTrue(
            ResultSentence.sentence(revenue).text.hasSuffix(
                "tăng 3,90% so với cùng kỳ năm 2025 của các phường Máy Chai, Vạn Mỹ, Cầu Tre và một phần phường Gia "
                    + "Viên (30% dân số), Đông Khê (45% dân số) đến hết tháng 6 và của phường Ngô Quyền từ tháng 7"),
            ResultSentence.sentence(revenue).text)
        let registrations = try XCTUnwrap(figures["HKD_MOI_PHUONG"])
        XCTAssertNil(registrations.lastYear)
        XCTAssertEqual(
            registrations.gap(.yearOnYear),
            "chưa có số liệu của phường Ngô Quyền từ tháng 7 đến tháng 9 năm 2025 để ghép với số liệu của các đơn vị cũ "
                + "đến hết tháng 6")
        let poor = try XCTUnwrap(figures["HO_NGHEO_PHUONG"])
        XCTAssertEqual(poor.lastYear?.value, Amount(40), "a stock is the ward's own value at the end of September")
        XCTAssertNil(poor.lastYearRebuilt)
        // Which part of a period is rebuilt: a quarter after the formation is the ward's own, nothing before it.
        XCTAssertEqual(BaselineQuery.span(of: Period(year: 2025, kind: .quarter(3)), before: "2025-07-01"), nil)
        XCTAssertEqual(BaselineQuery.span(of: .year(2025), before: "2025-07-01"), .firstMonths(2025, 6))
        XCTAssertEqual(BaselineQuery.span(of: .firstMonths(2025, 6), before: "2025-07-01"), .firstMonths(2025, 6))
        XCTAssertEqual(BaselineQuery.span(of: .year(2025), before: "2025-07-15"), nil, "not on the first of a month")
    }

    /// The ward's template is right for the next periods too: its words follow the period, none is left from 2026-H1.
    func testTheWardsTemplateSaysTheNextPeriodsWithoutStaleWords() async throws {
        let store = try await StoreHarness.fresh(for: self)
        try await DemoData.loadIfEmpty(store, reform: true)
        let unit = try await ngoQuyen(store)
        for (period, subject, rest) in [
            (Period.firstMonths(2026, 9), "9 tháng năm 2026", "3 tháng cuối năm 2026"),
            (.year(2026), "năm 2026", "năm 2027"),
            (.firstMonths(2027, 6), "6 tháng đầu năm 2027", "6 tháng cuối năm 2027"),
        ] {
            let document = try await ReportQuery.document(
                template: DemoData.reformTemplateCode, unitID: unit.id, period: period, view: .official, store.sql)
            XCTAssertEqual(
                document.headerLines(.subject),
                ["Tình hình kinh tế - xã hội \(subject),", "nhiệm vụ, giải pháp \(rest)"], period.code)
            let text = document.bodyText
            XCTAssertTrue(text.contains("Trong \(subject), thực hiện"), text)
            XCTAssertFalse(text.contains("6 tháng đầu năm 2026"), text)
        }
    }

    /// A unit that continued and took another in (thành phố Hải Phòng took tỉnh Hải Dương on 1 July 2025, Nghị quyết
    /// 202/2025/QH15): last year is its own figure and the other's together, never its own alone; a period before
    /// the change compares as it always did; the other's own figure stays as it was.
    func testAUnitThatTookAnotherInComparesWithBothTogether() async throws {
        let store = try await StoreHarness.fresh(for: self)
        try await DemoData.loadIfEmpty(store, reform: true)
        let tree = try await UnitTree.load(store.sql)
        let city = try XCTUnwrap(tree.byCode["31"])
        let now = try await self.figures(store, city, .firstMonths(2026, 6))
        // 52.400 of Hải Phòng and 8.600 of Hải Dương.
        let revenue = try XCTUnwrap(now["THU_NSNN_TP"])
        XCTAssertEqual(revenue.lastYear?.value, Amount(61_000))
        XCTAssertTrue(
            ResultSentence.sentence(revenue).text.hasSuffix(
                "tăng 0,49% so với cùng kỳ năm 2025 của thành phố Hải Phòng và tỉnh Hải Dương"),
            ResultSentence.sentence(revenue).text)
        // The wards' revenue, a sum 2 of its 4 wards reported: compared on those two, each with its predecessors'
        // 2025-H1 rebuilt, wherever they were then (never the city's old wards, nor Hải Dương, as a whole).
        let wards = try XCTUnwrap(now["THU_NS_PHUONG"])
        var rebuilt = Amount.zero
        for code in ["11329", "11359"] {
            let ward = try await self.figures(store, try XCTUnwrap(tree.byCode[code]), .firstMonths(2026, 6))
            rebuilt = try XCTUnwrap(rebuilt.adding(try XCTUnwrap(ward["THU_NS_PHUONG"]?.lastYear?.value)))
        }
        XCTAssertEqual(
            wards.yearOnYearBasis,
            .matched(MatchedSums(current: Amount(9_600), earlier: rebuilt, units: 2, rebuilt: 2)))
        XCTAssertTrue(
            ResultSentence.sentence(wards).text.hasSuffix(
                "so với cùng kỳ (so sánh trên cùng 2 phường, số liệu cùng kỳ của 2 phường dựng lại từ các đơn vị "
                    + "trước khi sắp xếp)"), ResultSentence.sentence(wards).text)
        // 2025-H1 against 2024-H1: before the change, the city's own figures.
        let before = try await self.figures(store, city, .firstMonths(2025, 6))
        XCTAssertNil(before["THU_NSNN_TP"]?.lastYearRebuilt)
        let haiDuong = try XCTUnwrap(tree.units.first { $0.code == "30" })
        let own = try await self.figures(store, haiDuong, .firstMonths(2025, 6))
        XCTAssertEqual(own["THU_NSNN_TP"]?.current?.value, Amount(8_600))
    }

    func testWordsNameTheKindOnceAndEachShare() {
        let source = { (name: String, part: SuccessionPart, share: Int?) in
            Baseline.Source(
                name: name, kind: .ward,
                succession: Succession(part: part, share: share.map(Amount.init), basis: share == nil ? nil : .area))
        }
        XCTAssertEqual(Baseline.Basis(sources: [source("Phường Máy Chai", .whole, nil)]).words, "của phường Máy Chai")
        XCTAssertEqual(
            Baseline.Basis(sources: [source("Lạch Tray", .part, 40)]).words,
            "của một phần phường Lạch Tray (40% diện tích)")
        XCTAssertEqual(Amount(800).percent(Amount(25)), Amount(200))
        XCTAssertEqual(
            Amount(scaled: 1).percent(Amount(50)), Amount(scaled: 1),
            "half of the smallest amount rounds away from zero")
    }
}
