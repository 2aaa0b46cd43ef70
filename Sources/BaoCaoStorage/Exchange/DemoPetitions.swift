import BaoCaoDomain
import SQLKit

/// The demo's voters' petitions before the 5th session of the district council (khóa XVIII, July 2017): made up for
/// the demo and labelled so (the reference report names the session, not the petitions): voters of seven wards,
/// two saying the same, one forwarded to the city, answered by the offices with each kind of outcome, one still
/// waiting for its answer; the answers published.
extension DemoData {
    struct DemoPetition {
        var ward: String
        var day: Int
        var words: String
        var field: String
        var office: String?
        var forwardedTo: String? = nil
        var sameAsPrevious = false
        var outcome: PetitionOutcome? = nil
        var answer: String = ""
        var reason: String = ""
    }

    static let petitionsBeforeSession5: [DemoPetition] = [
        .init(
            ward: "Máy Chai", day: 20,
            words: "Đề nghị sửa chữa tuyến cống thoát nước ngõ 35 phố Máy Chai, thường xuyên ngập khi mưa lớn.",
            field: "do_thi", office: "304-QLDT", outcome: .resolved,
            answer: "Phòng Quản lý đô thị đã phối hợp đơn vị thoát nước nạo vét, thay nắp hố ga tuyến cống ngõ 35 "
                + "ngày 28/6/2017 (minh họa)."),
        .init(
            ward: "Lạch Tray", day: 21,
            words: "Đề nghị xử lý dứt điểm tình trạng lấn chiếm vỉa hè để kinh doanh trên phố Lạch Tray.",
            field: "do_thi", office: "304-QLDT", outcome: .inProgress,
            answer: "UBND quận đã ban hành kế hoạch cao điểm lập lại trật tự đường hè; ra quân từ tháng 7 đến "
                + "tháng 12/2017 trên các tuyến phố chính (minh họa)."),
        .init(
            ward: "Lạc Viên", day: 22, words: "Đề nghị xử lý việc lấn chiếm vỉa hè, lòng đường trên các tuyến phố.",
            field: "do_thi", office: nil, sameAsPrevious: true),
        .init(
            ward: "Đông Khê", day: 22,
            words: "Đề nghị đẩy nhanh tiến độ giải phóng mặt bằng dự án đường Đông Khê 2 để ổn định đời sống.",
            field: "do_thi", office: nil, forwardedTo: "UBND thành phố Hải Phòng (thuộc thẩm quyền thành phố)"),
        .init(
            ward: "Cầu Đất", day: 23,
            words: "Đề nghị tăng cường kiểm tra an toàn thực phẩm tại các hàng quán quanh trường học.",
            field: "van_hoa_xa_hoi", office: "304-YT", outcome: .resolved,
            answer: "Đoàn kiểm tra liên ngành quận đã kiểm tra 36 cơ sở quanh các trường học, xử phạt 4 cơ sở vi "
                + "phạm (minh họa)."),
        .init(
            ward: "Vạn Mỹ", day: 23,
            words: "Đề nghị xem xét nâng mức trợ cấp cho người cao tuổi cô đơn không nơi nương tựa.",
            field: "van_hoa_xa_hoi", office: "304-LDTBXH", outcome: .explained,
            answer: "Mức trợ cấp xã hội hằng tháng do Chính phủ quy định; quận đã chi trả đầy đủ, kịp thời cho các "
                + "đối tượng theo quy định (minh họa)."),
        .init(
            ward: "Gia Viên", day: 24,
            words: "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân khu tập thể cũ.",
            field: "do_thi", office: "304-TNMT", outcome: .unresolved,
            answer: "Phòng Tài nguyên và Môi trường đã rà soát hồ sơ của 18 hộ (minh họa).",
            reason: "Khu đất chưa có quy hoạch chi tiết được phê duyệt; chờ thành phố hướng dẫn (minh họa)."),
        .init(
            ward: "Máy Tơ", day: 24, words: "Đề nghị bố trí thêm điểm trông giữ xe quanh chợ Máy Tơ.",
            field: "do_thi", office: "304-QLDT"),
    ]

    static func loadPetitions(_ store: Store) async throws {
        let tree = try await UnitTree.load(store.sql)
        guard let district = tree.byCode["304"] else { return }
        try await store.transaction { db in
            let session = try await PetitionRepository.createSession(
                localityID: district.id,
                CouncilSession(
                    number: 5, term: "XVIII", opensOn: CivilDate(2017, 7, 13), answerDeadline: CivilDate(2017, 7, 5)),
                illustrative: true, by: taskCompiler, db)
            var previous: Int?
            for p in petitionsBeforeSession5 {
                let id = try await PetitionRepository.add(
                    sessionID: session, heardAt: "Cử tri phường \(p.ward)", heardOn: CivilDate(2017, 6, p.day),
                    deputies: "Đại biểu HĐND quận đơn vị bầu cử phường \(p.ward) (minh họa)", words: p.words,
                    fieldCode: p.field, by: taskCompiler, db)
                let unit = p.office.flatMap { tree.byCode[$0] }
                if p.sameAsPrevious || unit != nil || p.forwardedTo != nil {
                    try await PetitionRepository.route(
                        id, unitID: unit?.id, forwardedTo: p.forwardedTo, sameAs: p.sameAsPrevious ? previous : nil,
                        expecting: 1, by: taskCompiler, unitName: unit.map(ReportTasks.leadName), db)
                }
                if let outcome = p.outcome, let office = p.office {
                    let reporter = office.split(separator: "-").last.map { "\($0.lowercased()).baocao" } ?? "demo"
                    try await PetitionRepository.answer(
                        id, outcome: outcome, answer: p.answer, reason: p.reason, expecting: 2, by: reporter, db)
                }
                if !p.sameAsPrevious { previous = id }
            }
            try await db.raw(
                "UPDATE petition_events SET created_at = \(bind: "2017-07-01T02:00:00.000Z")"
            ).run()
            try await PetitionRepository.publish(sessionID: session, db)
            try await db.raw(
                "UPDATE council_sessions SET published_at = \(bind: "2017-07-06T02:00:00.000Z") WHERE id = \(bind: session)"
            ).run()
        }
    }
}
