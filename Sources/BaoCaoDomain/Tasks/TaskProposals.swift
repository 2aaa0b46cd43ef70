/// The tasks a published report sets for the next period: one per bullet of its "nhiệm vụ trọng tâm" part (the
/// part whose heading says so: "PHẦN 2: NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP …"), each with the field its heading names,
/// a short title (its first sentence) and the bullet's whole text as content, as published (figures filled, notes
/// left out). The compiler reviews them before they are assigned.
public enum TaskProposals {
    public struct Proposal: Hashable, Sendable {
        /// The heading the bullet sits under ("1. Nhiệm vụ kinh tế - ngân sách"), or the part's own.
        public var heading: String
        public var fieldCode: String?
        public var title: String
        public var content: String
    }

    /// The words that mark the part of tasks, in a level-1 heading.
    static let partMarkers = ["NHIỆM VỤ TRỌNG TÂM", "NHIỆM VỤ, GIẢI PHÁP", "NHIỆM VỤ VÀ GIẢI PHÁP"]

    public static func from(_ document: ReportDocument, fields: [Field]) -> [Proposal] {
        var inPart = false
        var heading = ""
        var result: [Proposal] = []
        for block in document.blocks {
            switch block {
            case .heading(let level, let lines):
                let text = lines.joined(separator: " ")
                if level == 1 {
                    inPart = partMarkers.contains { text.uppercased().contains($0) }
                    heading = text
                } else if inPart {
                    heading = text
                }
            case .bullet(let runs) where inPart:
                let content = plain(runs)
                guard !content.isEmpty else { continue }
                result.append(
                    Proposal(
                        heading: heading, fieldCode: field(for: heading, in: fields)?.code,
                        title: title(of: content), content: content))
            case .bullet, .paragraph, .table: continue
            }
        }
        return result
    }

    /// The text of runs without footnote references.
    static func plain(_ runs: [ReportDocument.Run]) -> String {
        runs.compactMap { run -> String? in
            switch run {
            case .text(let t), .italic(let t): return t
            case .footnote, .footnoteAgain: return nil
            }
        }.joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The first sentence, at most `limit` characters (cut at a word, with "…"), without a closing "." or ";".
    public static func title(of content: String, limit: Int = 160) -> String {
        var first = content
        for stop in [". ", "; "] {
            if let range = first.firstRange(of: stop),
                first.distance(from: first.startIndex, to: range.lowerBound) >= 20
            {
                first = String(first[..<range.lowerBound])
            }
        }
        while let last = first.last, [".", ";", ",", ":"].contains(last) { first.removeLast() }
        guard first.count > limit else { return first }
        var cut = String(first.prefix(limit))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, [",", ";", ":", "-", "–"].contains(last) { cut.removeLast() }
        return cut + "…"
    }

    /// The field a heading names: "3. Nhiệm vụ văn hóa – xã hội" is the field "Nhiệm vụ văn hóa - xã hội"; compared
    /// without numbering, case or the kind of dash, the name equal or one the start of the other, else the field
    /// sharing most of the heading's words (more than half).
    public static func field(for heading: String, in fields: [Field]) -> Field? {
        let wanted = normalised(heading)
        guard !wanted.isEmpty else { return nil }
        if let exact = fields.first(where: {
            let name = normalised($0.name)
            return name == wanted || name.hasPrefix(wanted) || wanted.hasPrefix(name)
        }) {
            return exact
        }
        let words = Set(wanted.split(separator: " "))
        let scored = fields.map { field -> (Field, Double) in
            let theirs = Set(normalised(field.name).split(separator: " "))
            return (field, Double(words.intersection(theirs).count) / Double(max(words.count, theirs.count, 1)))
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0.5 else { return nil }
        return best.0
    }

    static func normalised(_ text: String) -> String {
        var t = text.lowercased()
        for dash in ["–", "—", "‒"] { t = t.replacingOccurrences(of: dash, with: "-") }
        // Numbering: "1.", "IV.", "a)".
        if let m = t.firstMatch(of: /^\s*(?:[0-9]+|[ivxlc]+|[a-zđ])[.)]\s*/) { t = String(t[m.range.upperBound...]) }
        t = t.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ";", with: " ")
        return t.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
