import BaoCaoDomain
import SQLKit

/// The demo's citizens' register of quận Ngô Quyền for 2017: synthetic records, every one labelled "minh họa", made
/// so that its counts for the first six months are the reference report's own (147 buổi tiếp dân = 135 vụ việc, với
/// 284 lượt người; 170 đơn = 149 vụ việc; đã giải quyết xong 112 đơn = 105 vụ việc). The report's sentence is then
/// computed from the register like any figure. The letters still open on 30 June are closed in the second half.
extension DemoData {
    static let registerWriter = "ttr.baocao"

    /// Working days of the first half of 2017 (the holidays of Tết, Giỗ Tổ and 30/4–1/5 not counted).
    static var workingDays2017H1: [CivilDate] {
        let holidays: Set<CivilDate> = [
            CivilDate(2017, 1, 2), CivilDate(2017, 1, 26), CivilDate(2017, 1, 27), CivilDate(2017, 1, 30),
            CivilDate(2017, 1, 31), CivilDate(2017, 2, 1), CivilDate(2017, 4, 6), CivilDate(2017, 5, 1),
            CivilDate(2017, 5, 2),
        ]
        return (0..<181).map { CivilDate(2017, 1, 1).adding(days: $0) }.filter {
            !$0.isWeekend && !holidays.contains($0)
        }
    }

    /// The chairman's planned regular days: the second and fourth Thursday of each month (2 days a month, Luật Tiếp
    /// công dân 2013, Điều 14); the one of 23 March was missed (a meeting of the city, minh họa).
    static var chairmanDays2017H1: (planned: [CivilDate], held: [CivilDate]) {
        var planned: [CivilDate] = []
        for month in 1...6 {
            let thursdays = (1...CivilDate.daysIn(month: month, year: 2017)).map { CivilDate(2017, month, $0) }
                .filter { $0.weekday == 4 }
            planned += [thursdays[1], thursdays[3]]
        }
        return (planned, planned.filter { $0 != CivilDate(2017, 3, 23) })
    }

    static let visitTopics: [(LetterKind, String)] = [
        (.petition, "Phản ánh việc lấn chiếm vỉa hè, ngõ đi chung"),
        (.complaint, "Khiếu nại về bồi thường, hỗ trợ giải phóng mặt bằng"),
        (.petition, "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất"),
        (.petition, "Phản ánh tiếng ồn, ô nhiễm từ cơ sở sản xuất"),
        (.complaint, "Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng"),
        (.denunciation, "Tố cáo cán bộ phường có hành vi sai phạm trong quản lý đất đai"),
    ]

    static func loadRegister(_ store: Store, today: CivilDate) async throws {
        let tree = try await UnitTree.load(store.sql)
        guard let district = tree.byCode["304"] else { return }
        let inspectorate = tree.byCode["304-TTR"]
        let rules = try LegalRules.bundled()
        try await store.transaction { db in
            try await receptions(localityID: district.id, today: today, db)
            try await letters(localityID: district.id, handlerUnitID: inspectorate?.id, today: today, db)
            // The history dated as it happened (09:00 in Việt Nam), a classification on the day of receipt.
            try await db.raw(
                """
                UPDATE letter_events SET created_at = on_day || 'T02:00:00.000Z'
                WHERE on_day <> '' AND letter_id IN (SELECT id FROM letters WHERE illustrative = \(bind: true))
                """
            ).run()
            try await db.raw(
                """
                UPDATE letter_events SET created_at = (SELECT received_on FROM letters WHERE letters.id = letter_id)
                || 'T02:00:00.000Z' WHERE on_day = '' AND letter_id IN (SELECT id FROM letters WHERE illustrative = \(bind: true))
                """
            ).run()
            // The periods the records fall in: the months and quarters of the first half, its six and nine months,
            // the year (no zero is claimed for a month the register has nothing in).
            let periods = Set((1...6).flatMap { RegisterFigures.periods(containing: CivilDate(2017, $0, 1)) })
            try await RegisterFigures.refresh(
                localityID: district.id, periods: periods, rules: rules.figures, adopt: true, db)
        }
    }

    /// 147 half-day sessions: the chairman's 11 regular days held, the reception office every working morning and
    /// some afternoons; one visit each, 135 cases (every twelfth visit returns about the case before), 284 persons
    /// (two crowds of 15 and 8).
    static func receptions(localityID: Int, today: CivilDate, _ db: any SQLDatabase) async throws {
        let chairman = chairmanDays2017H1
        try await ReceptionRepository.plan(localityID: localityID, days: chairman.planned, by: registerWriter, db)
        var slots: [(CivilDate, ReceptionHost, String)] = chairman.held.map {
            ($0, .chairman, "Chủ tịch UBND quận (minh họa)")
        }
        let days = workingDays2017H1
        var index = 0
        while slots.count < 147 {
            let afternoon = index >= days.count
            slots.append(
                (
                    days[index % days.count], .office,
                    "Ban Tiếp công dân quận, buổi " + (afternoon ? "chiều" : "sáng") + " (minh họa)"
                ))
            index += 1
        }
        slots.sort { $0.0 < $1.0 }
        var previousCase: Int?
        for (j, slot) in slots.enumerated() {
            let persons = j == 30 ? 15 : j == 90 ? 8 : (j % 5 == 0 || j == 1) ? 1 : 2
            let (kind, topic) = visitTopics[j % visitTopics.count]
            let returning = j % 12 == 11
            let visit = ReceptionInput.Visit(
                persons: persons, crowd: persons >= 5, kind: kind,
                content: "\(topic) (minh họa, lượt \(j + 1))",
                action: [ReceptionAction.guided, .letterReceived, .answered][j % 3],
                caseID: returning ? previousCase : nil)
            let (_, cases) = try await ReceptionRepository.add(
                localityID: localityID,
                ReceptionInput(
                    heldOn: slot.0, host: slot.1, hostName: slot.2, regular: true,
                    place: "Trụ sở tiếp công dân quận", visits: [visit]),
                illustrative: true, today: today, by: registerWriter, db)
            if !returning { previousCase = cases.first }
        }
    }

    /// 170 letters received over the half year, 21 repeating an earlier one (149 cases); the first 112 in order of
    /// receipt handled to the end by 30 June (7 of them repeats, so 105 cases), the other 58 closed in July, each
    /// step within its legal time limit.
    static func letters(
        localityID: Int, handlerUnitID: Int?, today: CivilDate, _ db: any SQLDatabase
    ) async throws {
        let days = workingDays2017H1
        let closedRepeats: Set<Int> = [10, 25, 40, 55, 70, 85, 100]
        let openRepeats: Set<Int> = Set(stride(from: 114, through: 140, by: 2))
        var ids: [Int] = []
        for i in 0..<170 {
            let received = days[i * days.count / 170]
            let repeatOf = closedRepeats.contains(i) ? i - 3 : openRepeats.contains(i) ? i - 1 : nil
            let kind: LetterKind =
                if let r = repeatOf { demoKind(r) } else { demoKind(i) }
            let input = LetterInput(
                receivedOn: received, channel: [.inPerson, .post, .forwarded, .online][i % 4],
                sentBy: i % 4 == 2 ? "Ban Tiếp công dân thành phố (minh họa)" : "",
                authorName: kind == .denunciation
                    ? "Người tố cáo số \(i + 1) (minh họa)" : "Công dân số \(i + 1) (minh họa)",
                authorAddress:
                    "Phường \(["Máy Chai", "Lạch Tray", "Cầu Đất", "Gia Viên", "Đông Khê"][i % 5]) (minh họa)",
                content: "\(topic(kind, i)) (minh họa, đơn \(i + 1))", kind: kind)
            let choice: LetterRepository.CaseChoice = repeatOf.map { .sameAs(ids[$0]) } ?? .new
            // Closed by 30 June for the first 112, three days after receipt; the rest from 3 July.
            let closes = i < 112 ? received.adding(days: 3) : max(received.adding(days: 3), CivilDate(2017, 7, 3))
            let (id, _) = try await LetterRepository.receive(
                localityID: localityID, input, case: choice,
                handling: handling(
                    kind: kind, index: i, isRepeat: repeatOf != nil, received: received, closes: closes,
                    handlerUnitID: handlerUnitID),
                illustrative: true, today: today, by: registerWriter, db)
            ids.append(id)
        }
    }

    /// Letters still open on 30 June and received before 8 June are petitions (answered in July, no legal clock):
    /// a complaint or denunciation received then would be resolved by June or late.
    static func demoKind(_ i: Int) -> LetterKind {
        if (112..<150).contains(i) { return .petition }
        return i % 17 == 5 ? .denunciation : i % 4 == 0 ? .complaint : .petition
    }

    static func topic(_ kind: LetterKind, _ i: Int) -> String {
        switch kind {
        case .complaint:
            return [
                "Khiếu nại quyết định thu hồi đất", "Khiếu nại về bồi thường, hỗ trợ tái định cư",
                "Khiếu nại quyết định xử phạt vi phạm hành chính",
            ][i % 3]
        case .denunciation: return "Tố cáo hành vi sai phạm trong quản lý trật tự xây dựng"
        case .petition:
            return [
                "Kiến nghị giải quyết tranh chấp ngõ đi chung", "Phản ánh ô nhiễm tiếng ồn",
                "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất", "Phản ánh lấn chiếm vỉa hè",
            ][i % 4]
        }
    }

    /// How one letter was handled: repeats archived; complaints and denunciations accepted and resolved (one
    /// complaint in eight outside the district's competence, forwarded to the city); petitions answered, guided or
    /// forwarded. Every step dated before `closes`.
    static func handling(
        kind: LetterKind, index i: Int, isRepeat: Bool, received: CivilDate, closes: CivilDate, handlerUnitID: Int?
    ) -> LetterRepository.Handling {
        let forwardComplaint = kind == .complaint && i % 8 == 4 && i < 112
        var h = LetterRepository.Handling(
            classification: .init(
                kind: kind, eligible: true, inCompetence: !forwardComplaint && !isRepeat,
                handlerUnitID: handlerUnitID, handler: registerWriter))
        let doc = "số \(100 + i)/TB-UBND (minh họa)"
        if isRepeat {
            h.path = .init(.archived, on: closes, document: "Lưu đơn trùng \(doc)")
            return h
        }
        switch kind {
        case .complaint where forwardComplaint:
            h.path = .init(
                .forwarded, on: closes, document: "Phiếu chuyển \(doc)",
                forwardedTo: "UBND thành phố Hải Phòng (minh họa)")
        case .complaint, .denunciation:
            let accepted = received.adding(days: 1)
            h.path = .init(.accepted, on: accepted, document: "Thông báo thụ lý \(doc)")
            h.resolution = .init(
                day: i < 112 ? max(closes, accepted) : max(accepted.adding(days: 20), closes),
                document: "Quyết định giải quyết \(doc)", outcome: [LetterOutcome.rejected, .partly, .upheld][i % 3])
        case .petition:
            let path: LetterPath = [.answered, .guided, .forwarded][i % 3]
            h.path = .init(
                path, on: closes, document: "Văn bản \(doc)",
                forwardedTo: path == .forwarded ? "Công an quận Ngô Quyền (minh họa)" : "")
        }
        return h
    }
}
