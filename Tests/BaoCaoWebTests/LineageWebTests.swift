import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// The reorganisation of Hải Phòng's wards on 1 July 2025 on the pages: the administrators' list with the shares
/// still missing, and each ward's public page saying where it came from or where it went, the reused code 11329
/// leading to phường Máy Chai before the day and to phường Ngô Quyền after it.
final class LineageWebTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../BaoCaoStorageTests/Fixtures").standardized

    func importHaiPhong(_ store: Store) async throws {
        var dataset = Dataset()
        for name in ["hai-phong-2025-units.csv", "hai-phong-2025-lineage.csv"] {
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
            dataset.append(try DatasetReader.read(csv: text, file: name))
        }
        _ = try await DatasetImporter.run(dataset, by: "test", store: store)
    }

    func testAdministratorsSeeEachResolutionAndTheSharesToEnter() async throws {
        try await WebHarness.with(self) { web in
            try await importHaiPhong(web.store)
            let admin = try await web.login("quantri")
            let page = try await web.get("/quan-tri/sap-xep", as: admin)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(
                page.body.contains("Nghị quyết 1669/NQ-UBTVQH15 ngày 16/06/2025 — có hiệu lực từ ngày 01/07/2025"),
                page.body)
            XCTAssertTrue(page.body.contains("12 phần chưa có tỷ lệ"), page.body)
            XCTAssertTrue(page.body.contains("href=\"/cong-khai/11329?ngay=2025-06-30\">Phường Máy Chai</a>"))
            XCTAssertTrue(page.body.contains("href=\"/cong-khai/11329\">Phường Ngô Quyền</a>"))
            let reporter = try await web.login("maychai.baocao")
            let refused = try await web.get("/quan-tri/sap-xep", as: reporter)
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testAWardsPublicPageSaysWhereItCameFromAndWhereItWent() async throws {
        try await WebHarness.with(self) { web in
            try await importHaiPhong(web.store)
            let now = try await web.get("/cong-khai/11329")
            XCTAssertTrue(now.body.contains("<h1>Phường Ngô Quyền: báo cáo đã công bố</h1>"), now.body)
            XCTAssertTrue(
                now.body.contains(
                    "Hình thành ngày 01/07/2025 (Nghị quyết 1669/NQ-UBTVQH15 ngày 16/06/2025, Điều 1 khoản 10) từ: "
                        + "toàn bộ <a href=\"/cong-khai/11329?ngay=2025-06-30\">Phường Máy Chai</a>; "),
                now.body)
            XCTAssertTrue(
                now.body.contains(
                    "một phần <a href=\"/cong-khai/11341\">Phường Gia Viên</a> <span class=\"badge s-nhap\">chưa có tỷ lệ</span>"
                ), now.body)
            let before = try await web.get("/cong-khai/11329?ngay=2025-06-30")
            XCTAssertTrue(before.body.contains("<h1>Phường Máy Chai: báo cáo đã công bố</h1>"), before.body)
            XCTAssertTrue(
                before.body.contains(
                    "Từ ngày 01/07/2025 đã sắp xếp vào: <a href=\"/cong-khai/11329\">Phường Ngô Quyền</a> (toàn bộ)"),
                before.body)
            // The old Gia Viên went in three parts.
            let split = try await web.get("/cong-khai/11341")
            for ward in ["Phường Hồng Bàng", "Phường Ngô Quyền", "Phường Gia Viên"] {
                XCTAssertTrue(split.body.contains(">\(ward)</a> (một phần)"), "\(ward)\n\(split.body)")
            }
        }
    }

    /// The figures API of phường Ngô Quyền for 2026-H1 compares with 2025-H1 rebuilt from its predecessors, and
    /// says so.
    func testTheAPISaysALastYearIsRebuiltAndFromWhat() async throws {
        try await WebHarness.with(self) { web in
            try await importHaiPhong(web.store)
            let data = """
                code,name,unit_of_measure,field
                THU_NS_HP,Thu ngân sách trên địa bàn phường (Hải Phòng),triệu đồng,kinh_te
                """
            let values = """
                indicator,unit,period,value,status
                THU_NS_HP,11329,2025-H1,"1.000",chinh_thuc
                THU_NS_HP,11335,2025-H1,500,chinh_thuc
                THU_NS_HP,11338,2025-H1,300,chinh_thuc
                THU_NS_HP,11341,2025-H1,800,chinh_thuc
                THU_NS_HP,11350,2025-H1,400,chinh_thuc
                THU_NS_HP,11329,2026-H1,"3.000",chinh_thuc
                """
            let shares = """
                effective,resolution,successor,predecessor,part,share,share_basis
                2025-07-01,1669/NQ-UBTVQH15,11329,11341,mot_phan,25,dan_so
                2025-07-01,1669/NQ-UBTVQH15,11329,11350,mot_phan,50,dan_so
                """
            var dataset = try DatasetReader.read(csv: data, file: "indicators.csv")
            dataset.append(try DatasetReader.read(csv: values, file: "values.csv"))
            dataset.append(try DatasetReader.read(csv: shares, file: "lineage.csv"))
            _ = try await DatasetImporter.run(dataset, by: "test", store: web.store)
            // The city's one-indicator page lists the wards as they were in each period.
            try await web.account("haiphong.lanhdao", .leader, on: "31")
            let leader = try await web.login("haiphong.lanhdao")
            for (period, shown, absent) in [
                ("2025-H1", "Phường Máy Chai", "Phường Ngô Quyền"), ("2026-H1", "Phường Ngô Quyền", "Phường Máy Chai"),
            ] {
                let page = try await web.get(
                    "/tong-quan/chi-tieu?unit=31&period=\(period)&indicator=THU_NS_HP", as: leader)
                XCTAssertEqual(page.status, .ok, page.body)
                XCTAssertTrue(page.body.contains(">\(shown)<"), "\(period): \(shown)")
                XCTAssertFalse(page.body.contains(">\(absent)<"), "\(period): \(absent)")
            }
            try await web.account("ngoquyen.tonghop", .compiler, on: "11329")
            let compiler = try await web.login("ngoquyen.tonghop")
            let api = try await web.get("/api/v1/figures?unit=11329&period=2026-H1", as: compiler)
            XCTAssertEqual(api.status, .ok, api.body)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
            let figure = try XCTUnwrap(
                (json["figures"] as? [[String: Any]])?.first { $0["indicator"] as? String == "THU_NS_HP" })
            XCTAssertEqual(figure["last_year"] as? String, "2200")
            XCTAssertEqual(figure["year_on_year_basis"] as? String, "rebuilt")
            XCTAssertEqual(
                figure["last_year_rebuilt_from"] as? String,
                "của các phường Máy Chai, Vạn Mỹ, Cầu Tre và một phần phường Gia Viên (25% dân số), Đông Khê (50% dân số)"
            )
            XCTAssertTrue(
                (figure["sentence"] as? String ?? "").hasSuffix(
                    "tăng 36,36% so với cùng kỳ năm 2025 của các phường Máy Chai, Vạn Mỹ, Cầu Tre và một phần phường "
                        + "Gia Viên (25% dân số), Đông Khê (50% dân số)"), "\(figure)")
        }
    }

    /// The reform demo's people: phường Ngô Quyền's compiler opens on 2026-H1 (the demo's default 2017-H1 is before
    /// the ward existed), its dashboard compares with the rebuilt 2025-H1 and its report workspace is there.
    func testTheNewWardsPeopleOpenOnItsFirstPeriod() async throws {
        try await WebHarness.with(self, reform: true) { web in
            let compiler = try await web.login("ngoquyen.tonghop")
            let home = try await web.get("/", as: compiler)
            XCTAssertEqual(home.headers.first(name: .location), "/theo-doi?unit=11329&period=2026-H1")
            let dashboard = try await web.get("/tong-quan?unit=11329&view=chinh-thuc", as: compiler)
            XCTAssertEqual(dashboard.status, .ok)
            XCTAssertTrue(dashboard.body.contains("6 tháng đầu năm 2026"), dashboard.body)
            XCTAssertTrue(dashboard.body.contains("5.120,0"), dashboard.body)
            let workspace = try await web.get("/soan-bao-cao?template=phuong-ngo-quyen-6-thang", as: compiler)
            XCTAssertEqual(workspace.status, .ok, workspace.body)
            XCTAssertTrue(workspace.body.contains("6 tháng đầu năm 2026"), workspace.body)
            let reporter = try await web.login("ngoquyen.baocao")
            let form = try await web.get("/nhap-lieu?unit=11329", as: reporter)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.contains("5.120"), form.body)
        }
    }

    /// The one-indicator page's trend across the reform: the ward's 2025-H1 point rebuilt, hollow and explained; the
    /// city's line broken where its wards changed, and the change named.
    func testTheTrendMarksARebuiltPointAndAChangeOfComposition() async throws {
        try await WebHarness.with(self, reform: true) { web in
            let compiler = try await web.login("ngoquyen.tonghop")
            let ward = try await web.get(
                "/tong-quan/chi-tieu?unit=11329&period=2026-H1&indicator=THU_NS_PHUONG&view=chinh-thuc", as: compiler)
            XCTAssertTrue(ward.body.contains("<title>6 tháng đầu năm 2025: 5.107,5*</title>"), ward.body)
            XCTAssertTrue(ward.body.contains("fill=\"#fff\""), "the rebuilt point is hollow")
            XCTAssertTrue(
                ward.body.contains(
                    "(*) Số liệu 6 tháng đầu năm 2025 được tổng hợp lại từ số liệu của các phường Máy Chai"), ward.body)
            XCTAssertFalse(ward.body.contains("Thành phần đơn vị thay đổi"))
            let leader = try await web.login("haiphong.lanhdao")
            let city = try await web.get(
                "/tong-quan/chi-tieu?unit=31&period=2026-H1&indicator=THU_NS_PHUONG&view=chinh-thuc", as: leader)
            XCTAssertTrue(city.body.contains("<title>Thành phần đơn vị thay đổi</title>"), city.body)
            XCTAssertTrue(
                city.body.contains(
                    "Từ 6 tháng đầu năm 2026, thành phố Hải Phòng gồm 4 đơn vị trực thuộc: thêm phường Hồng Bàng"),
                city.body)
            XCTAssertFalse(city.body.contains("(*)"), "a city that existed is summed, not rebuilt")
        }
    }

    /// The two-level demo, on 27 November 2026: the city's compiler opens on 2026-H1 and follows its departments and
    /// its wards of that period (not those abolished in 2025); a department enters the city's figure; phường Ngô
    /// Quyền's offices write the sections of the ward's report they were given, and no other.
    func testTheTwoLevelDemoRunsFromTheCityToTheWardsOffices() async throws {
        try await WebHarness.with(self, reform: true, today: CivilDate(2026, 11, 27)) { web in
            let city = try await web.login("haiphong.tonghop")
            let home = try await web.get("/", as: city)
            XCTAssertEqual(home.headers.first(name: .location), "/theo-doi?unit=31&period=2026-H1")
            let tracker = try await web.get("/theo-doi?unit=31&period=2026-H1", as: city)
            XCTAssertEqual(tracker.status, .ok, tracker.body)
            for shown in ["Sở Tài chính", "Sở Nội vụ", "Phường Ngô Quyền", "Phường Gia Viên"] {
                XCTAssertTrue(tracker.body.contains(shown), shown)
            }
            for gone in ["Phường Máy Chai", "Phòng Tài chính - Kế hoạch"] {
                XCTAssertFalse(tracker.body.contains(gone), "\(gone) was abolished on 1 July 2025")
            }
            let department = try await web.login("sotaichinh.baocao")
            let form = try await web.get("/nhap-lieu?unit=31-STC", as: department)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.contains("Thu ngân sách nhà nước trên địa bàn thành phố"), form.body)
            XCTAssertTrue(form.body.contains("61.300"), form.body)

            let section = "/soan-bao-cao/muc?template=phuong-ngo-quyen-6-thang&unit=11329&period=2026-H1&section="
            let culture = try await web.login("ngoquyen.vhxh")
            let own = try await web.get(section + "muc-4", as: culture)
            XCTAssertEqual(own.status, .ok, own.body)
            XCTAssertTrue(own.body.contains("Gia đình văn hóa"), own.body)
            let other = try await web.get(section + "muc-3", as: culture)
            XCTAssertEqual(other.status, .forbidden)
            let compiler = try await web.login("ngoquyen.tonghop")
            let workspace = try await web.get("/soan-bao-cao?template=phuong-ngo-quyen-6-thang", as: compiler)
            XCTAssertTrue(workspace.body.contains("Phòng Văn hóa - Xã hội"), workspace.body)
        }
    }
}
