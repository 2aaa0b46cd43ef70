import BaoCaoDomain
import BaoCaoStorage

/// A unit's reorganisations in words, for its pages: where it came from and where it went.
enum LineageText {
    /// The public page of a unit: by its code, with the day for a unit whose code names another unit now.
    static func href(_ unit: StoredUnit, _ tree: UnitTree) -> String {
        tree.byCode[unit.code]?.id == unit.id
            ? "/cong-khai/\(unit.code)" : "/cong-khai/\(unit.code)?ngay=\(unit.validTo ?? unit.validFrom)"
    }

    /// "một phần Phường Gia Viên (35,5% dân số)", "toàn bộ Phường Máy Chai", "một phần Phường Đông Khê (chưa có tỷ lệ)".
    static func part(_ succession: Succession, _ unit: StoredUnit, _ tree: UnitTree) -> HTML {
        let share: HTML =
            succession.part == .part && succession.share == nil
            ? " <span class=\"badge s-nhap\">chưa có tỷ lệ</span>" : "\(succession.shareWords)"
        return "\(succession.part.vietnameseName) <a href=\"\(href(unit, tree))\">\(unit.fullName)</a>\(share)"
    }

    /// "Nghị quyết 1669/NQ-UBTVQH15 ngày 16/06/2025, Điều 1 khoản 10".
    static func source(_ r: Reorganisation, article: String?) -> String {
        "Nghị quyết \(r.resolution)" + (r.resolutionDate.map { " ngày \($0.slashed)" } ?? "")
            + (article.map { ", \($0)" } ?? "")
    }

    /// The unit's lines, in a paragraph each: formed from its predecessors, and gone into its successors.
    static func paragraphs(
        from: [LineageLine], into: [LineageLine], reorganisations: [Int: Reorganisation], tree: UnitTree
    ) -> HTML {
        var parts: [HTML] = []
        for (id, lines) in Dictionary(grouping: from, by: \.reorganisationID).sorted(by: { $0.key < $1.key }) {
            guard let r = reorganisations[id] else { continue }
            let items = lines.compactMap { l in tree.byID[l.predecessorID].map { part(l.succession, $0, tree) } }
            parts.append(
                """
                <p>Hình thành ngày \(r.effective.slashed) (\(source(r, article: lines.first?.article))) từ: \
                \(HTML.join(items, separator: "; ")).</p>
                """)
        }
        for (id, lines) in Dictionary(grouping: into, by: \.reorganisationID).sorted(by: { $0.key < $1.key }) {
            guard let r = reorganisations[id] else { continue }
            let items = lines.compactMap { l -> HTML? in
                guard let successor = tree.byID[l.successorID] else { return nil }
                let share: String =
                    l.succession.part == .whole
                    ? "toàn bộ" : "một phần" + (l.succession.share.map { " \(VietnameseNumber.exact($0))%" } ?? "")
                return "<a href=\"\(href(successor, tree))\">\(successor.fullName)</a> (\(share))"
            }
            parts.append(
                """
                <p>Từ ngày \(r.effective.slashed) đã sắp xếp vào: \(HTML.join(items, separator: "; ")) \
                (\(source(r, article: lines.first?.article))).</p>
                """)
        }
        return HTML.join(parts)
    }
}
