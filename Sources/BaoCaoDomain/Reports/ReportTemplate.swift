/// A report as data: its Decree 30 header and signature, and a tree of headings, paragraphs and bullets whose text
/// mixes narrative with bound figures (`PhraseTemplate` placeholders) and footnote markers `[^label]`.
/// The same template rendered for another unit or period writes that unit's and period's words and figures.
public struct ReportTemplate: Hashable, Sendable, Codable {
    /// Decree 30 header, title and signature. Each field is a template too (`{period}`, `{year}`...); ` | ` separates
    /// the lines of a multi-line field.
    public var header: [HeaderField: String]
    public var blocks: [Block]
    /// Footnote texts by label; numbered in the order the text first refers to them.
    public var footnotes: [String: String]

    public init(header: [HeaderField: String] = [:], blocks: [Block] = [], footnotes: [String: String] = [:]) {
        self.header = header; self.blocks = blocks; self.footnotes = footnotes
    }

    public enum HeaderField: String, CaseIterable, Hashable, Sendable, Codable {
        /// Body above the issuer, when there is one ("UBND THÀNH PHỐ HẢI PHÒNG").
        case issuerParent = "issuer_parent"
        /// The issuing body, in capitals, lines separated by `|`: "ỦY BAN NHÂN DÂN | QUẬN NGÔ QUYỀN".
        case issuer
        /// "Số:     /BC-UBND".
        case number
        /// "Ngô Quyền, ngày    tháng 6 năm 2017".
        case placeDate = "place_date"
        /// Lines above the title: "Phục vụ tiếp xúc cử tri | chuẩn bị kỳ họp thứ V | HĐND quận khóa XVIII".
        case purpose
        /// "BÁO CÁO".
        case title
        /// The subject (trích yếu), lines separated by `|`.
        case subject
        /// "TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH" (or "KT. CHỦ TỊCH | PHÓ CHỦ TỊCH").
        case signature
        /// The signer's name.
        case signer
        /// Recipients, one per `|`: "Thường trực Quận ủy; | Lưu: VT.".
        case recipients
    }

    public enum Block: Hashable, Sendable, Codable {
        /// Level 1: a part ("PHẦN 1: | KẾT QUẢ ..."); 2: "I. ..."; 3: "1. ...". ` | ` breaks lines.
        case heading(level: Int, text: String)
        case paragraph(String)
        /// A "-" bullet.
        case bullet(String)
        /// The annex table of main indicators, on a page of its own after the signature.
        case annex
        /// Lines the report computes, one bullet each, written as a directive line of their own.
        case list(GeneratedList)
    }

    /// The lists a report computes: the indicators behind their target's pace (`TargetSummary.shortfalls`), the
    /// tasks accounted for by field and the overdue ones (`TaskSummary`). The raw value is the template's line.
    public enum GeneratedList: String, CaseIterable, Hashable, Sendable, Codable {
        case shortfalls = "@chi-tieu-cham"
        case tasksByField = "@nhiem-vu-linh-vuc"
        case overdueTasks = "@nhiem-vu-qua-han"

        /// What the editor's picker calls it.
        public var vietnameseName: String {
            switch self {
            case .shortfalls: return "danh sách chỉ tiêu chậm tiến độ"
            case .tasksByField: return "kết quả thực hiện nhiệm vụ theo từng lĩnh vực"
            case .overdueTasks: return "danh sách nhiệm vụ quá hạn và đơn vị chủ trì"
            }
        }
    }

    /// Indicator codes the template reads, for checks when it is saved.
    public var references: Set<String> {
        var codes = Set<String>()
        for text in texts { codes.formUnion(PhraseTemplate(text).references) }
        return codes
    }

    /// Every template string in it.
    public var texts: [String] {
        Array(header.values) + Array(footnotes.values)
            + blocks.map {
                switch $0 {
                case .heading(_, let text), .paragraph(let text), .bullet(let text): return text
                case .annex, .list: return ""
                }
            }
    }
}
