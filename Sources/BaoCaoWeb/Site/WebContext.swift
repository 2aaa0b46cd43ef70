import BaoCaoDomain
import BaoCaoStorage
import SQLKit
import Vapor

/// What the pages share: the store and the settings of this server.
public struct WebSettings: Sendable {
    /// The period pages open on when none is chosen.
    public var defaultPeriod: Period
    /// Today's date, for deadlines (tests fix it).
    public var today: @Sendable () -> CivilDate
    /// bcrypt cost for new passwords: 12 in service; tests lower it to keep them quick.
    public var bcryptCost: Int
    /// Whether publishing makes the PDF at once (through LibreOffice); otherwise it is made on its first request.
    public var pdfAtPublish: Bool
    /// Addresses of reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed; none by default.
    public var trustedProxies: Set<String>
    /// Where reminder e-mail goes; nil: reminders stay in the application.
    public var smtp: SMTPSettings?
    /// When automatic reminders go out.
    public var reminders = ReminderSchedule()
    /// How often the reminder schedule runs; nil: never (tests, and `baocao remind` run by cron instead).
    public var reminderInterval: Duration?
    /// The site's address as people reach it ("https://baocao.ngoquyen.gov.vn"), for links in e-mail.
    public var publicURL = "http://127.0.0.1:8080"

    public init(
        defaultPeriod: Period = .firstMonths(2017, 6), bcryptCost: Int = 12, pdfAtPublish: Bool = true,
        trustedProxies: Set<String> = [], today: @escaping @Sendable () -> CivilDate = { CivilDate.today() }
    ) {
        self.defaultPeriod = defaultPeriod; self.today = today; self.bcryptCost = bcryptCost
        self.pdfAtPublish = pdfAtPublish; self.trustedProxies = trustedProxies
    }

    /// The period a unit's pages open on when none is chosen: the default while the unit and its sub-units of today
    /// were in force then (`UnitTree.openingPeriod`).
    public func period(for unit: StoredUnit?, _ tree: UnitTree) -> Period {
        unit.map { tree.openingPeriod(of: $0, default: defaultPeriod, today: today()) } ?? defaultPeriod
    }
}

/// The application's `Web`, for work outside a request (the reminder schedule, tests).
struct WebKey: StorageKey { typealias Value = Web }

struct Web: Sendable {
    let store: Store
    let settings: WebSettings
    let throttle: LoginThrottle
    /// Public lookups of letters by their code, per address.
    let lookups = LookupLimiter()
    /// Exchange files uploaded on the import page, between the dry run and the confirmation.
    let uploads = UploadStash()
    let pools: WorkPools
    let keys: ServerKeys
    let pdfs: PDFMaking
    let reference: ReferenceData

    var db: any SQLDatabase { store.sql }

    /// The unit tree, kept in memory until any process changes the units.
    func tree() async throws -> UnitTree { try await reference.current().tree }

    /// The catalogue, kept in memory until any process changes the fields or indicators.
    func catalogue() async throws -> Catalogue { try await reference.current().catalogue }
}

extension CivilDate {
    /// Today in Việt Nam.
    public static func today() -> CivilDate { Timestamp.vietnam(Date()).date }
}
