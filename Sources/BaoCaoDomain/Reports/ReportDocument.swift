/// A rendered report: plain text and footnote references, ready to be written as DOCX, HTML or text.
public struct ReportDocument: Hashable, Sendable {
    public enum Run: Hashable, Sendable {
        case text(String)
        /// Emphasised text, written `*like this*` in a template: the report's italic lead-ins.
        case italic(String)
        /// A reference to footnote `n` (1-based): the first, which carries the note.
        case footnote(Int)
        /// A later reference to footnote `n` (the same comparison basis cited again): the same number, no new note.
        case footnoteAgain(Int)
    }

    public enum Block: Hashable, Sendable {
        case heading(level: Int, lines: [String])
        case paragraph([Run])
        case bullet([Run])
        /// A table in the body (the petitions report's): its heading row, its rows, each column's share of the width.
        case table(Table)
    }

    public struct Table: Hashable, Sendable {
        public var headings: [String]
        public var rows: [[String]]
        /// Relative widths, one per column.
        public var widths: [Int]

        public init(headings: [String], rows: [[String]], widths: [Int]) {
            self.headings = headings; self.rows = rows; self.widths = widths
        }
    }

    /// Header fields, each already split into lines.
    public var header: [ReportTemplate.HeaderField: [String]]
    public var blocks: [Block]
    /// Footnote texts; footnote n is `footnotes[n - 1]`.
    public var footnotes: [String]
    /// The annex table of main indicators (always computed: the XLSX export uses it).
    public var annex: AnnexTable
    /// Whether the template places the annex in the document (`@annex`).
    public var annexInDocument: Bool
    /// What could not be filled, in order ("GTSX_CN.value", "[^7]"): for the compiler, never written as 0.
    public var missing: [String]
    /// Whether it ends with the signature block and "Nơi nhận:" (an annex sent with a report has neither).
    public var isSigned: Bool {
        !(header[.signature] ?? []).isEmpty || !(header[.recipients] ?? []).isEmpty
    }
    /// Which figures it shows; every output states it (nil only for documents built without stored figures).
    public var view: FigureView?

    public init(
        header: [ReportTemplate.HeaderField: [String]], blocks: [Block], footnotes: [String], missing: [String],
        annex: AnnexTable = AnnexTable(period: .year(2000), figures: []), annexInDocument: Bool = false,
        view: FigureView? = nil
    ) {
        self.header = header; self.blocks = blocks; self.footnotes = footnotes; self.missing = missing
        self.annex = annex; self.annexInDocument = annexInDocument; self.view = view
    }

    public func headerLines(_ field: ReportTemplate.HeaderField) -> [String] { header[field] ?? [] }

    /// The line under the annex's title that ties it to the report (Decree 30): "(Kèm theo Báo cáo số     /BC-UBND
    /// ngày    tháng    năm 2017 của UBND quận Ngô Quyền)", from the report's number, date and issuer; nil without a
    /// number.
    public var annexReference: String? {
        guard let number = headerLines(.number).first, number.hasPrefix("Số:") else { return nil }
        var line = "(Kèm theo Báo cáo số" + number.dropFirst("Số:".count)
        if let date = headerLines(.placeDate).first, let day = date.firstRange(of: "ngày") {
            line += " " + date[day.lowerBound...]
        }
        let issuer = headerLines(.issuer)
        if issuer.first?.uppercased() == "ỦY BAN NHÂN DÂN", issuer.count > 1 {
            line += " của UBND " + Self.unitInSentence(issuer.dropFirst().joined(separator: " "))
        }
        return line + ")"
    }

    /// "QUẬN NGÔ QUYỀN" → "quận Ngô Quyền", "THÀNH PHỐ HẢI PHÒNG" → "thành phố Hải Phòng": the kind in lower case,
    /// each word of the name with a capital.
    static func unitInSentence(_ capitals: String) -> String {
        let words = capitals.lowercased().split(separator: " ").map(String.init)
        let kinds = [
            ["thành", "phố"], ["thị", "xã"], ["thị", "trấn"], ["đặc", "khu"], ["quận"], ["huyện"], ["phường"],
            ["xã"], ["tỉnh"],
        ]
        let kind = kinds.first { words.starts(with: $0) } ?? []
        return (kind + words.dropFirst(kind.count).map(\.capitalizingFirstLetter)).joined(separator: " ")
    }

    /// The body as plain text: header lines from purpose to subject, the blocks, the signature's first line;
    /// footnote markers left out. What the word comparison with a reference reads.
    public var bodyText: String {
        var lines: [String] = []
        for field in [ReportTemplate.HeaderField.purpose, .placeDate, .title, .subject] { lines += headerLines(field) }
        for block in blocks {
            switch block {
            case .heading(_, let text): lines += text
            case .paragraph(let runs): lines.append(Self.plain(runs))
            case .bullet(let runs): lines.append("- " + Self.plain(runs))
            case .table(let table):
                lines += ([table.headings] + table.rows).map { $0.joined(separator: " | ") }
            }
        }
        lines += headerLines(.signature).prefix(1)
        return lines.joined(separator: "\n")
    }

    public var footnoteText: String { footnotes.joined(separator: "\n") }

    public static func plain(_ runs: [Run]) -> String {
        runs.map {
            switch $0 {
            case .text(let t), .italic(let t): return t
            case .footnote, .footnoteAgain: return ""
            }
        }.joined()
    }
}

extension ReportDocument {
    /// The whole document as plain text: header, body, signature, recipients, footnotes, and what is missing.
    public var plainText: String {
        var lines: [String] = []
        lines += headerLines(.issuerParent) + headerLines(.issuer) + headerLines(.number)
        lines += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
        lines.append(bodyText)
        lines += headerLines(.signature).dropFirst() + headerLines(.signer)
        let recipients = headerLines(.recipients)
        if !recipients.isEmpty { lines += ["", "Nơi nhận:"] + recipients.map { "- " + $0 } }
        if !footnotes.isEmpty {
            lines += ["", "Chú thích:"] + footnotes.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        if !missing.isEmpty { lines += ["", "Thiếu số liệu (\(missing.count)): " + missing.joined(separator: ", ")] }
        if let view { lines += ["", view.statement + "."] }
        return lines.joined(separator: "\n")
    }
}
