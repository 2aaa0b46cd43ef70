/// Where a task comes from: the "nhiệm vụ trọng tâm" part of a report, the year's work programme, a meeting's
/// conclusion, a document of a higher level, a voters' petition, or elsewhere. Its reference (the report, the
/// document's number/ký hiệu and date, the meeting) is kept as written beside it.
public enum TaskSource: String, CaseIterable, Hashable, Sendable {
    case report = "bao_cao"
    case workProgramme = "chuong_trinh"
    case meeting = "ket_luan"
    case document = "van_ban"
    case petition = "kien_nghi"
    case other = "khac"

    public var vietnameseName: String {
        switch self {
        case .report: return "Nhiệm vụ trọng tâm của báo cáo"
        case .workProgramme: return "Chương trình công tác"
        case .meeting: return "Kết luận cuộc họp"
        case .document: return "Văn bản chỉ đạo"
        case .petition: return "Kiến nghị cử tri"
        case .other: return "Khác"
        }
    }
}

/// How urgent the assigner says a task is.
public enum TaskPriority: String, CaseIterable, Hashable, Sendable {
    case urgent = "khan"
    case high = "cao"
    case normal = "thuong"

    public var vietnameseName: String {
        switch self {
        case .urgent: return "Khẩn"
        case .high: return "Cao"
        case .normal: return "Bình thường"
        }
    }
}

/// A task's place before it is assigned: proposed (from a report, for the compiler to review), assigned, or
/// dropped at review. Only assigned tasks have a status and count in reports.
public enum TaskState: String, CaseIterable, Hashable, Sendable {
    case proposed = "de_xuat"
    case assigned = "da_giao"
    case dropped = "bo"

    public var vietnameseName: String {
        switch self {
        case .proposed: return "Đề xuất, chờ rà soát"
        case .assigned: return "Đã giao"
        case .dropped: return "Không giao"
        }
    }
}

extension Period {
    public var firstDay: CivilDate { CivilDate(year, firstMonth, 1) }
    public var lastDay: CivilDate { CivilDate(year, lastMonth, CivilDate.daysIn(month: lastMonth, year: year)) }

    /// The last day of the period a report's "nhiệm vụ trọng tâm" are for: the rest of the year after 6 or 9
    /// months (31/12), the next year after the year's report, the next month or quarter after one.
    public var nextPeriodEnd: CivilDate {
        switch kind {
        case .firstMonths, .year: return CivilDate(lastMonth < 12 ? year : year + 1, 12, 31)
        case .month(let m): return m == 12 ? CivilDate(year + 1, 1, 31) : Period.month(year, m + 1).lastDay
        case .quarter(let q):
            return q == 4 ? CivilDate(year + 1, 3, 31) : Period(year: year, kind: .quarter(q + 1)).lastDay
        }
    }
}
