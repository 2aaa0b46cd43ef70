import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// What the register's pages share: who may work on a locality's register and read a letter, who is the head of the
/// body, the rules tables in use, the province's calendar for legal days, and a letter's clock drawn as colour and
/// words like a task's.
struct CitizenContext {
    var tasks: TaskContext
    var rules: LegalRules
    var calendars: [Int: ReportCalendar]
    var units: [StoredUnit]

    var viewer: Viewer { tasks.viewer }
    var tree: UnitTree { tasks.tree }
    var today: CivilDate { tasks.today }
    var username: String { viewer.account.username }

    static func load(_ req: Request, _ web: Web) async throws -> CitizenContext {
        CitizenContext(
            tasks: try await TaskContext.load(req, web), rules: try await LegalRules.load(web.db),
            calendars: try await CalendarRepository.all(web.db), units: try await UnitRepository.all(web.db))
    }

    func allows(_ unitID: Int?) -> Bool { tasks.allows(.handleLetters, on: unitID) }

    /// Whether the viewer works on `locality`'s register: on the locality, or in one of its offices.
    func mayWork(on locality: Int) -> Bool {
        allows(locality) || tree.children(of: locality).contains { $0.kind.isOffice && allows($0.id) }
    }

    func mayRead(_ letter: StoredLetter) -> Bool {
        allows(letter.localityID) || allows(letter.handlerUnitID) || letter.isHandled(by: username)
    }

    /// The head of the body: a leader's role on the locality itself (its chairman).
    func isHead(of locality: Int) -> Bool {
        viewer.grants.contains { $0.role == .leader && $0.unitID == locality }
    }

    var reader: (StoredLetter) -> LetterIdentity.Reader {
        { LetterIdentity.Reader(username: username, isHead: isHead(of: $0.localityID)) }
    }

    /// The localities whose register the viewer works on, highest first.
    var localities: [StoredUnit] {
        var seen: Set<Int> = []
        return viewer.grants.compactMap { grant -> StoredUnit? in
            guard let unit = tree.byID[grant.unitID] else { return nil }
            let locality = unit.kind.isOffice ? unit.parentID.flatMap { tree.byID[$0] } : unit
            guard let locality, mayWork(on: locality.id), seen.insert(locality.id).inserted else { return nil }
            return locality
        }
        .sorted { tree.ancestry(of: $0.id).count < tree.ancestry(of: $1.id).count }
    }

    func counter(for locality: Int) -> LegalDayCounter {
        guard let unit = tree.byID[locality] else { return LegalDayCounter() }
        for id in tree.ancestry(of: unit.id) { if let c = calendars[id] { return LegalDayCounter(calendar: c) } }
        return LegalDayCounter()
    }

    func timing(_ letter: StoredLetter) -> LetterTiming {
        letter.timing(today: today, rules: rules.clocks, counter: counter(for: letter.localityID))
    }

    /// The stage, and for a complaint or denunciation its clock as colour and words.
    func badge(_ letter: StoredLetter) -> HTML {
        let timing = timing(letter)
        let stage: HTML = "<span class=\"badge tt-cho\">\(letter.stage.vietnameseName)</span>"
        guard let status = timing.status else { return stage }
        return """
            \(stage) <span class="badge tt-\(status.colour)">\(status.vietnameseName)</span>\
            \(timing.words.map { w -> HTML in " <span class=\"small tt-chu-\(status.colour)\">\(w)</span>" } ?? "")
            """
    }

    /// The people who may be given a letter of `locality` to handle: those holding the right (administrators
    /// aside) on the locality or one of its offices.
    func handlers(_ accounts: [Account], locality: Int) -> [Account] {
        let places = [locality] + tree.children(of: locality).filter(\.kind.isOffice).map(\.id)
        return accounts.filter { a in
            let grants = a.grants.filter { $0.role != .administrator }
            return places.contains { AccessPolicy.allows(grants, .handleLetters, on: tree.ancestry(of: $0)) }
        }
    }

    func handlerOptions(_ accounts: [Account], locality: Int, selected: String?) -> HTML {
        let options = handlers(accounts, locality: locality).map { a -> HTML in
            "<option value=\"\(a.username)\"\(HTML.flag("selected", a.username == selected))>\(a.displayName) (\(a.username))</option>"
        }
        return "<option value=\"\">(chưa giao)</option>\(options)"
    }
}

/// How many public lookups one address may make: 20 in ten minutes, then refused until the oldest leaves the window.
/// A wrong code counts like a right one, and says nothing about why.
actor LookupLimiter {
    static let window: Double = 600
    static let allowed = 20
    private var seen: [String: [Double]] = [:]
    let now: @Sendable () -> Double

    init(now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) { self.now = now }

    /// Seconds to wait before the next lookup from `address`, or 0 (and the lookup counted).
    func take(_ address: String) -> Int {
        let t = now()
        if seen.count > 10_000 { seen = seen.filter { $0.value.contains { t - $0 < Self.window } } }
        var times = (seen[address] ?? []).filter { t - $0 < Self.window }
        guard times.count < Self.allowed else {
            seen[address] = times
            return max(1, Int((Self.window - (t - times[0])).rounded(.up)))
        }
        times.append(t)
        seen[address] = times
        return 0
    }
}
