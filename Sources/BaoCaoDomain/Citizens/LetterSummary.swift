/// The inspectorate's summary of letters for a period (the rows of the periodic report forms of Thông tư
/// 02/2021/TT-TTCP, kept short): carried over and received, eligible, within competence, resolved, being resolved,
/// forwarded, guided, archived; the outcomes of those resolved, money and land returned; by kind, with the total.
/// Computed from the register; it never holds a name.
public struct LetterSummary: Hashable, Sendable {
    /// What the summary needs of one letter.
    public struct Letter: Hashable, Sendable {
        public var kind: LetterKind
        public var receivedOn: CivilDate
        public var eligible: Bool?
        public var inCompetence: Bool?
        public var path: LetterPath?
        public var pathOn: CivilDate?
        public var resolvedOn: CivilDate?
        public var outcome: LetterOutcome?
        public var returnedAmount: Int64?
        public var returnedLand: Int64?

        public init(
            kind: LetterKind, receivedOn: CivilDate, eligible: Bool?, inCompetence: Bool?, path: LetterPath?,
            pathOn: CivilDate?, resolvedOn: CivilDate?, outcome: LetterOutcome?, returnedAmount: Int64?,
            returnedLand: Int64?
        ) {
            self.kind = kind; self.receivedOn = receivedOn; self.eligible = eligible
            self.inCompetence = inCompetence; self.path = path; self.pathOn = pathOn; self.resolvedOn = resolvedOn
            self.outcome = outcome; self.returnedAmount = returnedAmount; self.returnedLand = returnedLand
        }

        /// The day it was handled to the end at this body.
        var closedOn: CivilDate? { path == .accepted ? resolvedOn : pathOn }
    }

    public enum Row: String, CaseIterable, Hashable, Sendable {
        case carried, received, total, eligible, inCompetence, resolved, inProgress, forwarded, guided, archived
        case upheld, partly, rejected, money, land

        public var words: String {
            switch self {
            case .carried: return "Đơn kỳ trước chuyển sang"
            case .received: return "Đơn tiếp nhận trong kỳ"
            case .total: return "Tổng số đơn phải xử lý"
            case .eligible: return "Đơn đủ điều kiện xử lý"
            case .inCompetence: return "Trong đó: thuộc thẩm quyền"
            case .resolved: return "Đã giải quyết, trả lời xong"
            case .inProgress: return "Đang giải quyết, xử lý"
            case .forwarded: return "Chuyển cơ quan có thẩm quyền"
            case .guided: return "Hướng dẫn công dân"
            case .archived: return "Lưu đơn"
            case .upheld: return "Kết quả: đúng"
            case .partly: return "Kết quả: đúng một phần"
            case .rejected: return "Kết quả: sai"
            case .money: return "Tiền trả lại (đồng)"
            case .land: return "Đất trả lại (m²)"
            }
        }
    }

    public var first: CivilDate
    public var last: CivilDate
    /// Counts (and sums) by row and kind; nil where a sum went beyond what can be written.
    public var cells: [Row: [LetterKind: Int64?]]

    public init(letters: [Letter], from first: CivilDate, to last: CivilDate) {
        self.first = first; self.last = last
        var cells: [Row: [LetterKind: Int64?]] = [:]
        for row in Row.allCases { cells[row] = Dictionary(uniqueKeysWithValues: LetterKind.allCases.map { ($0, 0) }) }
        func add(_ row: Row, _ kind: LetterKind, _ value: Int64 = 1) {
            guard let current = cells[row]?[kind] ?? nil else { return }
            let (sum, overflow) = current.addingReportingOverflow(value)
            cells[row]?[kind] = overflow ? .some(nil) : sum
        }
        for l in letters where l.receivedOn <= last {
            if let closed = l.closedOn, closed < first { continue }
            let k = l.kind
            add(l.receivedOn < first ? .carried : .received, k)
            add(.total, k)
            if l.eligible == true { add(.eligible, k) }
            if l.eligible == true && l.inCompetence == true { add(.inCompetence, k) }
            let closedInPeriod = l.closedOn.map { $0 <= last } ?? false
            switch l.path {
            case .accepted?:
                if closedInPeriod {
                    add(.resolved, k)
                    switch l.outcome {
                    case .upheld?: add(.upheld, k)
                    case .partly?: add(.partly, k)
                    case .rejected?: add(.rejected, k)
                    case nil: break
                    }
                    if let m = l.returnedAmount { add(.money, k, m) }
                    if let a = l.returnedLand { add(.land, k, a) }
                } else {
                    add(.inProgress, k)
                }
            case .answered? where closedInPeriod: add(.resolved, k)
            case .forwarded? where closedInPeriod: add(.forwarded, k)
            case .guided? where closedInPeriod: add(.guided, k)
            case .archived? where closedInPeriod: add(.archived, k)
            default: add(.inProgress, k)
            }
        }
        self.cells = cells
    }

    /// A row's cell for a kind, or the total of the kinds (nil: too large to write).
    public func value(_ row: Row, _ kind: LetterKind?) -> Int64? {
        guard let kind else {
            var total: Int64 = 0
            for k in LetterKind.allCases {
                guard let v = value(row, k) else { return nil }
                let (sum, overflow) = total.addingReportingOverflow(v)
                if overflow { return nil }
                total = sum
            }
            return total
        }
        return cells[row]?[kind] ?? nil
    }

    public static let headings = ["STT", "Nội dung", "Khiếu nại", "Tố cáo", "Kiến nghị, phản ánh", "Tổng số"]

    /// The table's rows as written (numbers with dots; "quá lớn" where a sum cannot be written).
    public var rows: [[String]] {
        Row.allCases.enumerated().map { i, row in
            [String(i + 1), row.words]
                + (LetterKind.allCases.map(Optional.some) + [nil]).map { kind in
                    value(row, kind).map { VietnameseNumber.grouped(UInt64(max(0, $0))) } ?? "quá lớn"
                }
        }
    }

    /// The summary as a Decree 30 annex: "Phụ lục: Tổng hợp kết quả xử lý đơn, giải quyết khiếu nại, tố cáo".
    public func annex(
        localityKind: String, localityName: String, periodWords: String, illustrative: Bool
    )
        -> ReportDocument
    {
        var blocks: [ReportDocument.Block] = [
            .paragraph([.text("(Từ ngày \(first.slashed) đến ngày \(last.slashed))")]),
            .table(.init(headings: Self.headings, rows: rows, widths: [7, 33, 15, 15, 15, 15])),
            .paragraph([
                .text(
                    "Số liệu tổng hợp từ sổ theo dõi đơn của UBND \(localityKind) \(localityName); không có thông tin "
                        + "cá nhân của người khiếu nại, tố cáo.")
            ]),
        ]
        if illustrative {
            blocks.append(.paragraph([.text("Ghi chú: số liệu minh họa cho bản trình diễn, không phải số liệu thật.")]))
        }
        let header: [ReportTemplate.HeaderField: [String]] = [
            .issuer: ["ỦY BAN NHÂN DÂN", "\(localityKind) \(localityName)".uppercased()],
            .title: ["PHỤ LỤC"],
            .subject: ["Tổng hợp kết quả xử lý đơn, giải quyết khiếu nại, tố cáo", periodWords],
        ]
        return ReportDocument(header: header, blocks: blocks, footnotes: [], missing: [])
    }
}
