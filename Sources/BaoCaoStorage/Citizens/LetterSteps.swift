import BaoCaoDomain

/// A letter's steps as changes of the letter in memory, each refused with every reason when the letter as it stands
/// does not allow it; each returns the line its history keeps. The repository writes the result (one step at a
/// time from a page, or a whole handling at once from a file or the demo).
extension StoredLetter {
    /// A line of the letter's history: the day it happened (nil: the day it was recorded) and what happened.
    public struct HistoryLine: Sendable {
        public var day: CivilDate?
        public var detail: String
    }

    mutating func classify(_ c: LetterRepository.Classification) throws -> HistoryLine {
        var problems: [String] = []
        if !c.eligible && c.ineligibleReason.trimmingWhitespace().isEmpty {
            problems.append("Đơn không đủ điều kiện xử lý: ghi lý do")
        }
        if let p = TextLimit.reason.problem(c.ineligibleReason) { problems.append(p) }
        if kind != c.kind && path != nil { problems.append("Đơn đã xử lý: không đổi loại đơn") }
        if c.kind != .complaint && round != 1 { problems.append("Lần hai chỉ có với khiếu nại") }
        if acceptedOn != nil && c.complexity < complexity {
            problems.append("Đơn đã thụ lý: không hạ mức độ phức tạp")
        }
        if let handler = c.handler, handler.count > 64 { problems.append("Người xử lý: mã tài khoản dài quá 64 ký tự") }
        guard problems.isEmpty else { throw StepRefused(reasons: problems) }
        kind = c.kind
        eligible = c.eligible
        ineligibleReason = c.eligible ? nil : c.ineligibleReason.trimmingWhitespace()
        inCompetence = c.inCompetence
        complexity = c.complexity
        handlerUnitID = c.handlerUnitID
        handler = c.handler.flatMap(LetterRepository.nonEmpty)
        var detail =
            "Phân loại: \(c.kind.vietnameseName.lowercased()), "
            + (c.eligible ? "đủ điều kiện xử lý" : "không đủ điều kiện (\(ineligibleReason ?? ""))")
            + ", " + (c.inCompetence ? "thuộc thẩm quyền" : "không thuộc thẩm quyền")
        if c.complexity != .ordinary { detail += ", vụ việc \(c.complexity.vietnameseName.lowercased())" }
        if let handler { detail += "; người xử lý: \(handler)" }
        return HistoryLine(day: nil, detail: detail)
    }

    mutating func decide(
        _ path: LetterPath, on day: CivilDate, document: String, forwardedTo: String, today: CivilDate
    ) throws -> HistoryLine {
        var problems: [String] = []
        if let chosen = self.path { problems.append("Đơn đã được xử lý (\(chosen.vietnameseName.lowercased()))") }
        if day < receivedOn { problems.append("Ngày xử lý: trước ngày nhận đơn") }
        if day > today { problems.append("Ngày xử lý: sau hôm nay") }
        if eligible == nil { problems.append("Đơn chưa phân loại") }
        switch path {
        case .accepted:
            if !kind.hasLegalClock { problems.append("Thụ lý chỉ với khiếu nại, tố cáo; kiến nghị thì trả lời") }
            if eligible == false { problems.append("Đơn không đủ điều kiện: không thụ lý") }
            if inCompetence == false { problems.append("Đơn không thuộc thẩm quyền: chuyển hoặc hướng dẫn") }
        case .forwarded:
            if forwardedTo.trimmingWhitespace().isEmpty { problems.append("Chuyển đến cơ quan nào: chưa ghi") }
        case .answered:
            if kind != .petition { problems.append("Trả lời chỉ với kiến nghị, phản ánh") }
        case .guided, .archived: break
        }
        if document.trimmingWhitespace().isEmpty { problems.append("Văn bản (số, ngày): chưa ghi") }
        for (text, limit) in [(document, TextLimit.name), (forwardedTo, TextLimit.name)] {
            if let p = limit.problem(text) { problems.append(p) }
        }
        guard problems.isEmpty else { throw StepRefused(reasons: problems) }
        self.path = path
        pathOn = day
        pathDocument = document.trimmingWhitespace()
        self.forwardedTo = path == .forwarded ? forwardedTo.trimmingWhitespace() : nil
        acceptedOn = path == .accepted ? day : nil
        var detail = "\(path.vietnameseName) (\(pathDocument ?? ""))"
        if let to = self.forwardedTo { detail += " đến \(to)" }
        return HistoryLine(day: day, detail: detail)
    }

    mutating func extend(
        on day: CivilDate, days: Int, document: String, rules: ClockRules, today: CivilDate
    ) throws -> HistoryLine {
        var problems: [String] = []
        if resolvedOn != nil { problems.append("Đơn đã giải quyết xong") }
        if let p = clock.extensionProblem(days: days, rules) { problems.append(p) }
        if let accepted = acceptedOn, day < accepted { problems.append("Ngày gia hạn: trước ngày thụ lý") }
        if day > today { problems.append("Ngày gia hạn: sau hôm nay") }
        if document.trimmingWhitespace().isEmpty { problems.append("Quyết định gia hạn (số, ngày): chưa ghi") }
        if let p = TextLimit.name.problem(document) { problems.append(p) }
        guard problems.isEmpty else { throw StepRefused(reasons: problems) }
        extensions.append(LetterExtension(decidedOn: day, days: days, document: document.trimmingWhitespace()))
        return HistoryLine(day: day, detail: "Gia hạn giải quyết \(days) ngày (\(document.trimmingWhitespace()))")
    }

    mutating func resolve(_ r: LetterRepository.Resolution, today: CivilDate) throws -> HistoryLine {
        var problems: [String] = []
        if path != .accepted { problems.append("Chỉ giải quyết đơn đã thụ lý") }
        if resolvedOn != nil { problems.append("Đơn đã giải quyết xong") }
        if let accepted = acceptedOn, r.day < accepted { problems.append("Ngày giải quyết: trước ngày thụ lý") }
        if r.day > today { problems.append("Ngày giải quyết: sau hôm nay") }
        if r.outcome == nil { problems.append("Kết quả (đúng, đúng một phần, sai): chưa chọn") }
        if r.document.trimmingWhitespace().isEmpty { problems.append("Quyết định/kết luận (số, ngày): chưa ghi") }
        for value in [r.returnedAmount, r.returnedLand] {
            if let v = value, !(0...1_000_000_000_000_000).contains(v) {
                problems.append("Số tiền, diện tích trả lại: từ 0 đến 10^18")
            }
        }
        for (text, limit) in [(r.document, TextLimit.name), (r.note, TextLimit.note)] {
            if let p = limit.problem(text) { problems.append(p) }
        }
        guard problems.isEmpty else { throw StepRefused(reasons: problems) }
        resolvedOn = r.day
        decisionDocument = r.document.trimmingWhitespace()
        outcome = r.outcome
        outcomeNote = LetterRepository.nonEmpty(r.note)
        returnedAmount = r.returnedAmount
        returnedLand = r.returnedLand
        return HistoryLine(
            day: r.day,
            detail: "Giải quyết xong (\(decisionDocument ?? "")): \(r.outcome?.vietnameseName.lowercased() ?? "")")
    }
}
