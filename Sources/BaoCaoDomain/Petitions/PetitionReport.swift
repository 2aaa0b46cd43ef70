/// "Báo cáo kết quả giải quyết kiến nghị cử tri trước kỳ họp thứ … HĐND …": the UBND's report to the council, in the
/// Decree 30 layout (the writers draw it like the socio-economic report), from the session's petitions: the
/// counts, then each field's matters in a table (what the voters said and where, who resolved it, the outcome and
/// the answer), then those forwarded to a higher level.
public enum PetitionReport {
    public struct Locality: Hashable, Sendable {
        /// "quận", "phường", "tỉnh".
        public var kindWords: String
        /// "Ngô Quyền".
        public var name: String

        public init(kindWords: String, name: String) { self.kindWords = kindWords; self.name = name }

        var words: String { "\(kindWords) \(name)" }
    }

    /// One matter: a petition and those grouped with it.
    public struct Matter: Hashable, Sendable {
        public var field: String?
        public var fieldPosition: Int
        public var words: String
        /// Where and when voters said it ("phường Máy Chai, 12/5/2017").
        public var heardAt: [String]
        /// The office that resolved it, or the body it was forwarded to.
        public var body: String?
        public var forwarded: Bool
        public var outcome: PetitionOutcome?
        public var answer: String?
        public var reason: String?
        public var petitions: Int

        public init(
            field: String?, fieldPosition: Int = 0, words: String, heardAt: [String], body: String?,
            forwarded: Bool = false, outcome: PetitionOutcome?, answer: String?, reason: String? = nil,
            petitions: Int = 1
        ) {
            self.field = field; self.fieldPosition = fieldPosition; self.words = words; self.heardAt = heardAt
            self.body = body; self.forwarded = forwarded; self.outcome = outcome; self.answer = answer
            self.reason = reason; self.petitions = petitions
        }
    }

    static let roman = ["I", "II", "III", "IV"]

    public static func document(
        locality: Locality, session: CouncilSession, matters: [Matter], signer: String? = nil
    ) -> ReportDocument {
        let council = session.name(councilOf: locality.kindWords)
        let count = PetitionCount(
            matters: matters.map { .init(petitions: $0.petitions, outcome: $0.outcome, forwarded: $0.forwarded) })
        var blocks: [ReportDocument.Block] = [
            .paragraph([
                .text(
                    "Trên cơ sở kiến nghị của cử tri tại các buổi tiếp xúc cử tri trước \(council) do Thường trực "
                        + "HĐND \(locality.kindWords) tổng hợp, UBND \(locality.kindWords) đã chỉ đạo các cơ quan chuyên "
                        + "môn, UBND các phường, xã xem xét, giải quyết và trả lời. Kết quả như sau:")
            ]),
            .heading(level: 2, lines: ["I. TỔNG HỢP KẾT QUẢ"]),
            .paragraph([.text(count.sentence(ownBody: "UBND \(locality.kindWords)"))]),
        ]
        let own = matters.filter { !$0.forwarded }
        if !own.isEmpty {
            blocks.append(.heading(level: 2, lines: ["II. KẾT QUẢ GIẢI QUYẾT CỤ THỂ"]))
            let fields = Dictionary(grouping: own, by: { $0.field ?? "" })
            let order = fields.keys.sorted { a, b in
                let pa = fields[a]!.first!.field == nil ? Int.max : fields[a]!.first!.fieldPosition
                let pb = fields[b]!.first!.field == nil ? Int.max : fields[b]!.first!.fieldPosition
                return (pa, a) < (pb, b)
            }
            for (n, key) in order.enumerated() {
                blocks.append(.heading(level: 3, lines: ["\(n + 1). \(fieldHeading(key))"]))
                let rows = fields[key]!.enumerated().map { i, m -> [String] in
                    [String(i + 1), said(m), m.body ?? "(chưa giao)", result(m)]
                }
                blocks.append(
                    .table(
                        .init(
                            headings: ["STT", "Nội dung kiến nghị", "Cơ quan giải quyết", "Kết quả giải quyết"],
                            rows: rows, widths: [8, 38, 18, 36])))
            }
        }
        let forwarded = matters.filter(\.forwarded)
        if !forwarded.isEmpty {
            blocks.append(.heading(level: 2, lines: ["\(roman[own.isEmpty ? 1 : 2]). KIẾN NGHỊ ĐÃ CHUYỂN CẤP TRÊN"]))
            blocks.append(
                .table(
                    .init(
                        headings: ["STT", "Nội dung kiến nghị", "Chuyển đến"],
                        rows: forwarded.enumerated().map { [String($0 + 1), said($1), $1.body ?? ""] },
                        widths: [8, 62, 30])))
        }
        blocks.append(
            .paragraph([
                .text(
                    "Trên đây là báo cáo kết quả giải quyết kiến nghị cử tri trước \(council) của UBND "
                        + "\(locality.kindWords) \(locality.name)./.")
            ]))
        let header: [ReportTemplate.HeaderField: [String]] = [
            .issuer: ["ỦY BAN NHÂN DÂN", locality.words.uppercased()],
            .number: ["Số:      /BC-UBND"],
            .placeDate: ["\(locality.name), ngày      tháng      năm \(session.opensOn.year)"],
            .title: ["BÁO CÁO"],
            .subject: ["Kết quả giải quyết kiến nghị cử tri", "trước \(council)"],
            .signature: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            .signer: signer.map { [$0] } ?? [],
            .recipients: [
                "Thường trực HĐND \(locality.kindWords);", "Các đại biểu HĐND \(locality.kindWords);",
                "Ủy ban MTTQ Việt Nam \(locality.kindWords);", "Lưu: VT.",
            ],
        ]
        return ReportDocument(header: header, blocks: blocks, footnotes: [], missing: [])
    }

    /// "Nhiệm vụ kinh tế - ngân sách" → "Lĩnh vực kinh tế - ngân sách".
    public static func fieldHeading(_ name: String) -> String {
        guard !name.isEmpty else { return "Lĩnh vực khác" }
        return name.hasPrefix("Nhiệm vụ ") ? "Lĩnh vực " + name.dropFirst("Nhiệm vụ ".count) : name
    }

    static func said(_ m: Matter) -> String {
        var text = m.words
        while let last = text.last, last == "." || last == ";" { text.removeLast() }
        if !m.heardAt.isEmpty {
            text += " (" + m.heardAt.joined(separator: "; ")
            text += m.petitions > 1 ? "; \(m.petitions) lượt kiến nghị)" : ")"
        }
        return text
    }

    static func result(_ m: Matter) -> String {
        guard let outcome = m.outcome else { return "Chưa trả lời" }
        var text = outcome.vietnameseName + ". " + (m.answer ?? "")
        if outcome == .unresolved, let reason = m.reason, !reason.isEmpty { text += " Lý do: \(reason)" }
        return text.trimmingWhitespace()
    }
}
