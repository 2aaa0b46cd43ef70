import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The demo's people: one account per role for quận Ngô Quyền, a reporter and an approver for each office and for
/// two wards (Máy Chai, Máy Tơ); with the 2025 reform's demo, the two-level accounts of `reformEntries` (the city, two
/// of its departments, phường Ngô Quyền and its offices, phường Gia Viên). All share one password, printed at
/// start-up. The offices' figures of the first half of 2017 are approved and the reference report is published, as
/// they were in real life.
public enum DemoAccounts {
    public static let password = "baocao@2017"

    public struct Entry: Sendable {
        public var username: String
        public var displayName: String
        public var role: Role
        public var unitCode: String
    }

    static let wards = [("304-P01", "maychai", "phường Máy Chai"), ("304-P02", "mayto", "phường Máy Tơ")]
    public static let districtCode = "304"
    public static var wardCodes: Set<String> { Set(wards.map(\.0)) }

    /// The two-level demo after the 2025 reform (when it is loaded): thành phố Hải Phòng with two of its departments,
    /// phường Ngô Quyền with its three offices, and phường Gia Viên.
    public static let reformEntries = [
        Entry(
            username: "haiphong.tonghop", displayName: "Văn phòng UBND thành phố (tổng hợp)", role: .compiler,
            unitCode: "31"),
        Entry(username: "haiphong.lanhdao", displayName: "Chủ tịch UBND thành phố", role: .leader, unitCode: "31"),
        Entry(
            username: "sotaichinh.baocao", displayName: "Chuyên viên Sở Tài chính", role: .reporter, unitCode: "31-STC"),
        Entry(username: "sotaichinh.duyet", displayName: "Giám đốc Sở Tài chính", role: .approver, unitCode: "31-STC"),
        Entry(username: "sonoivu.baocao", displayName: "Chuyên viên Sở Nội vụ", role: .reporter, unitCode: "31-SNV"),
        Entry(username: "sonoivu.duyet", displayName: "Giám đốc Sở Nội vụ", role: .approver, unitCode: "31-SNV"),
        Entry(
            username: "ngoquyen.tonghop", displayName: "Văn phòng HĐND và UBND phường Ngô Quyền (tổng hợp)",
            role: .compiler, unitCode: "11329"),
        Entry(
            username: "ngoquyen.baocao", displayName: "Cán bộ thống kê phường Ngô Quyền", role: .reporter,
            unitCode: "11329"),
        Entry(
            username: "ngoquyen.duyet", displayName: "Chủ tịch UBND phường Ngô Quyền", role: .approver,
            unitCode: "11329"),
        Entry(
            username: "ngoquyen.kt", displayName: "Phòng Kinh tế, Hạ tầng và Đô thị phường Ngô Quyền", role: .reporter,
            unitCode: "11329-KT"),
        Entry(
            username: "ngoquyen.vhxh", displayName: "Phòng Văn hóa - Xã hội phường Ngô Quyền", role: .reporter,
            unitCode: "11329-VHXH"),
        Entry(
            username: "ngoquyen.vp", displayName: "Văn phòng HĐND và UBND phường Ngô Quyền", role: .reporter,
            unitCode: "11329-VP"),
        Entry(
            username: "giavien.baocao", displayName: "Cán bộ thống kê phường Gia Viên", role: .reporter,
            unitCode: "11359"),
        Entry(
            username: "giavien.duyet", displayName: "Chủ tịch UBND phường Gia Viên", role: .approver, unitCode: "11359"),
    ]

    /// The sections of phường Ngô Quyền's six-month report its offices write (by section key of the template).
    static let reformSections = [("muc-3", "11329-KT"), ("muc-4", "11329-VHXH"), ("muc-5", "11329-VP")]

    /// Every demo account for the units `tree` holds, for the README and the start-up message.
    public static func entries(_ tree: UnitTree) -> [Entry] {
        entries(offices: offices(tree)) + (hasReform(tree) ? reformEntries : [])
    }

    /// Whether the reform demo is loaded: phường Ngô Quyền formed on 1 July 2025 is there.
    static func hasReform(_ tree: UnitTree) -> Bool { tree.byCode["11329"]?.validFrom == "2025-07-01" }

    static func entries(offices: [StoredUnit]) -> [Entry] {
        var list = [
            Entry(username: "quantri", displayName: "Quản trị hệ thống (quận)", role: .administrator, unitCode: "304"),
            Entry(
                username: "tonghop", displayName: "Văn phòng HĐND và UBND quận (tổng hợp)", role: .compiler,
                unitCode: "304"),
            Entry(username: "lanhdao", displayName: "Chủ tịch UBND quận", role: .leader, unitCode: "304"),
            Entry(
                username: "pheduyet", displayName: "Phó Chủ tịch UBND quận (duyệt)", role: .approver, unitCode: "304"),
        ]
        for office in offices {
            let slug = office.code.split(separator: "-").last.map { $0.lowercased() } ?? office.code
            list.append(
                Entry(
                    username: "\(slug).baocao", displayName: "Chuyên viên \(office.name)", role: .reporter,
                    unitCode: office.code))
            list.append(
                Entry(
                    username: "\(slug).duyet", displayName: "Trưởng \(office.name)", role: .approver,
                    unitCode: office.code))
        }
        for (code, slug, name) in wards {
            list.append(
                Entry(
                    username: "\(slug).baocao", displayName: "Cán bộ thống kê \(name)", role: .reporter, unitCode: code)
            )
            list.append(
                Entry(username: "\(slug).duyet", displayName: "Chủ tịch UBND \(name)", role: .approver, unitCode: code))
        }
        return list
    }

    /// The demo accounts while they still open with the demo password (for the start-up message); none otherwise.
    public static func stillOpen(store: Store) async throws -> [Entry] {
        guard let admin = try await AccountRepository.find(username: "quantri", store.sql),
            (try? Bcrypt.verify(password, created: admin.passwordHash)) == true
        else { return [] }
        return entries(try await UnitTree.load(store.sql))
    }

    static func offices(_ tree: UnitTree) -> [StoredUnit] {
        guard let district = tree.byCode["304"] else { return [] }
        return tree.children(of: district.id).filter(\.kind.isOffice)
    }

    /// Creates the demo accounts and the demo's workflow state when no account exists: called right after the demo
    /// data is loaded (and by tests). Returns the accounts created (empty when there was nothing to do).
    @discardableResult
    public static func loadIfMissing(store: Store, bcryptCost: Int = 12) async throws -> [Entry] {
        let db = store.sql
        guard try await AccountRepository.count(db) == 0 else { return [] }
        let tree = try await UnitTree.load(db)
        guard tree.byCode["304"] != nil else { return [] }
        let hash = try Bcrypt.hash(password, cost: bcryptCost)
        let list = entries(tree)
        let catalogue = try await IndicatorRepository.catalogue(db)
        let period = Period.firstMonths(2017, 6)
        try await store.transaction { db in
            for entry in list {
                guard let unit = tree.byCode[entry.unitCode] else { continue }
                try await AccountRepository.create(
                    username: entry.username, displayName: entry.displayName, passwordHash: hash,
                    grants: [RoleGrant(role: entry.role, unitID: unit.id)], db)
            }
            // The offices reported, and their heads approved, the figures of the reference report.
            for office in offices(tree) where !ReportingForms.indicators(for: office, catalogue).isEmpty {
                let slug = office.code.split(separator: "-").last.map { $0.lowercased() } ?? office.code
                for (step, who) in [(SubmissionStep.saveDraft, "baocao"), (.submit, "baocao"), (.approve, "duyet")] {
                    try await FigureReview.take(
                        step, formUnit: office, period: period, reason: nil, by: "\(slug).\(who)", tree: tree,
                        catalogue: catalogue, db)
                }
            }
            // They did so two days before the deadline, as the reference report's offices would have.
            if let district = tree.byCode["304"] {
                let calendar = try await CalendarRepository.calendar(for: district, units: tree.units, db)
                let deadline = calendar.window(for: period).deadline
                try await DemoData.dateSteps(of: period, on: deadline.adding(days: -2), db)
            }
            // Everyone has an address for reminders (a reserved domain: nothing reaches a real person).
            for entry in list {
                if let account = try await AccountRepository.find(username: entry.username, db) {
                    try await AccountRepository.setEmail(
                        accountID: account.id, to: "\(entry.username)@baocao.example", db)
                }
            }
            // Phường Ngô Quyền's compiler gave three sections of its 2026-H1 report to the ward's offices, due 10 June.
            if hasReform(tree), let ward = tree.byCode["11329"],
                try await ReportTemplateRepository.find(DemoData.reformTemplateCode, db) != nil
            {
                let key = WorkspaceRepository.ReportKey(
                    template: DemoData.reformTemplateCode, unitID: ward.id, period: .firstMonths(2026, 6))
                for (section, office) in reformSections {
                    try await WorkspaceRepository.assign(
                        key, section: section, to: tree.byCode[office]?.id, deadline: CivilDate(2026, 6, 10),
                        by: "ngoquyen.tonghop", db)
                }
            }
        }
        if let district = tree.byCode["304"] {
            try await Publishing.publish(
                template: DemoData.templateCode, unit: district, period: period, reason: nil, makePDF: nil,
                by: "tonghop", today: ReportTasks.today(), store: store)
            try await DemoData.playReportTasks(store)
        }
        return list
    }
}
