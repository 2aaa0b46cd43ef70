import BaoCaoDomain
import SQLKit

/// What each section of one report says, and how far it is settled. A section's text is its own (written or
/// confirmed for this report); else the previous report's, carried forward for someone to update; else the
/// template's. Until a section is confirmed (done), a draft marks it "[chưa cập nhật: …]" and the report cannot be
/// published without a reason.
public struct ReportNarrative: Sendable {
    public var own: [String: StoredSection]
    /// By section key, the text the reports before this one last gave the section (same locality and template, the
    /// latest period ending earlier that wrote it) and that period.
    public var carried: [String: Carried]

    public struct Carried: Sendable {
        public var period: Period
        public var body: String
    }

    public static func load(
        _ key: WorkspaceRepository.ReportKey, _ db: any SQLDatabase
    ) async throws
        -> ReportNarrative
    {
        ReportNarrative(
            own: try await WorkspaceRepository.sections(key, db),
            carried: try await WorkspaceRepository.previousNarratives(key, db).mapValues {
                Carried(period: $0.period, body: $0.body)
            })
    }

    /// The text of each section that has one of its own or carried forward (by section key).
    public var texts: [String: String] {
        var result = carried.mapValues(\.body)
        for (key, section) in own { if let body = section.body { result[key] = body } }
        return result
    }

    public func isConfirmed(_ key: String) -> Bool { own[key]?.done == true }

    /// Whether the section's text is the previous report's, not yet written over for this one.
    public func isCarried(_ key: String) -> Bool { own[key]?.body == nil && carried[key] != nil }

    /// The text a section's editor starts from: its own, the previous report's, or the template's.
    public func startingText(of section: ReportSection, in template: ReportTemplate) -> String {
        texts[section.key] ?? ReportSections.narrative(of: section, in: template)
    }

    /// Why each section with something to say still needs someone, for the draft's "[chưa cập nhật: …]" marks.
    public func notes(for template: ReportTemplate) -> [String: String] {
        var notes: [String: String] = [:]
        for section in ReportSections.sections(of: template) where !isConfirmed(section.key) {
            let text = texts[section.key] ?? ReportSections.narrative(of: section, in: template)
            guard !text.trimmingWhitespace().isEmpty else { continue }
            if isCarried(section.key), let from = carried[section.key]?.period {
                notes[section.key] =
                    "nội dung chép từ báo cáo \(from.vietnameseName), cần sửa hoặc xác nhận cho kỳ này"
            } else if own[section.key]?.body != nil {
                notes[section.key] = "đang viết, chưa xác nhận xong"
            } else {
                notes[section.key] = "nội dung theo mẫu, cần viết hoặc xác nhận cho kỳ này"
            }
        }
        return notes
    }

    /// Sections that need confirming before the report is published: every one that says something.
    public func unconfirmed(_ template: ReportTemplate) -> [ReportSection] {
        let needing = notes(for: template)
        return ReportSections.sections(of: template).filter { needing[$0.key] != nil }
    }
}

extension WorkspaceRepository {
    /// For each section, the text the latest earlier report of the same locality and template gave it (the latest
    /// period whose end comes before this one's, the longer first) and that period: what the previous report said,
    /// even where it kept a text it had itself carried.
    public static func previousNarratives(
        _ key: ReportKey, _ db: any SQLDatabase
    ) async throws
        -> [String: (period: Period, body: String)]
    {
        var latest: [String: (period: Period, body: String)] = [:]
        for row in try await db.raw(
            """
            SELECT period, section_key, body FROM report_sections
            WHERE template_code = \(bind: key.template) AND unit_id = \(bind: key.unitID) AND body IS NOT NULL
            """
        ).all() {
            guard let period = try? Period(code: try row.decode(column: "period", as: String.self)),
                period.endOrder < key.period.endOrder
            else { continue }
            let section = try row.decode(column: "section_key", as: String.self)
            if let known = latest[section], known.period.endOrder >= period.endOrder { continue }
            latest[section] = (period, try row.decode(column: "body", as: String.self))
        }
        return latest
    }
}
