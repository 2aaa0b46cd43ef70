import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The citizen's side: with the code given on receipt, the stage of a letter, the date a result is expected and the
/// body handling it; nothing else (no content, no name, not even the kind). A page (`/tra-cuu-don?ma=`) and the same
/// as an Open311 GeoReport v2 service request (`/open311/v2/requests/{code}.json`). Both rate limited per address;
/// a wrong code says only that there is no such code.
enum LetterLookup {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("tra-cuu-don") { try await page($0, web) }
        routes.get("open311", "v2", "requests", ":code") { try await request($0, web) }
    }

    /// What a citizen is told of a letter.
    struct Status: Content {
        var serviceRequestId: String
        /// "open" or "closed" (Open311).
        var status: String
        /// The stage, in Vietnamese.
        var statusNotes: String
        var agencyResponsible: String
        var requestedDatetime: String
        var updatedDatetime: String
        /// The end of the legal time limit now running, when one is (ISO 8601, end of that day in Việt Nam).
        var expectedDatetime: String?
    }

    /// The legal limit now running for an open letter; nil once it is closed at this body.
    static func expected(_ l: StoredLetter, _ c: LookupContext) -> LegalDeadline? {
        guard !l.stage.isClosed else { return nil }
        return l.timing(today: c.today, rules: c.rules.clocks, counter: c.counter(l.localityID)).deadline
    }

    static func status(_ l: StoredLetter, _ c: LookupContext) -> Status {
        let agency =
            l.path == .forwarded
            ? (l.forwardedTo ?? "")
            : l.handlerUnitID.flatMap { c.tree.byID[$0] }.map(ReportTasks.leadName)
                ?? c.tree.byID[l.localityID].map { "UBND \($0.nameInSentence)" } ?? ""
        let expected = expected(l, c)?.date
        return Status(
            serviceRequestId: l.code, status: l.stage.isClosed ? "closed" : "open",
            statusNotes: l.stage.vietnameseName, agencyResponsible: agency,
            requestedDatetime: "\(l.receivedOn)T00:00:00+07:00", updatedDatetime: l.updatedAt,
            expectedDatetime: expected.map { "\($0)T23:59:59+07:00" })
    }

    struct LookupContext {
        var tree: UnitTree
        var rules: LegalRules
        var calendars: [Int: ReportCalendar]
        var today: CivilDate

        func counter(_ locality: Int) -> LegalDayCounter {
            for id in tree.ancestry(of: locality) { if let c = calendars[id] { return LegalDayCounter(calendar: c) } }
            return LegalDayCounter()
        }

        static func load(_ web: Web) async throws -> LookupContext {
            LookupContext(
                tree: try await web.tree(), rules: try await LegalRules.load(web.db),
                calendars: try await CalendarRepository.all(web.db), today: web.settings.today())
        }
    }

    /// The letter of `code`, after the address's turn is counted; nil for no such code.
    static func find(_ code: String, _ req: Request, _ web: Web) async throws -> (StoredLetter?, wait: Int) {
        let wait = await web.lookups.take(req.clientAddress)
        guard wait == 0 else { return (nil, wait) }
        return (try await LetterRepository.find(code: code.uppercased(), web.db), 0)
    }

    static func page(_ req: Request, _ web: Web) async throws -> Response {
        let code = (req.queryText("ma") ?? "").trimmingWhitespace()
        var result: HTML = ""
        var status: HTTPStatus = .ok
        if !code.isEmpty {
            let (letter, wait) = try await find(code, req, web)
            if wait > 0 {
                status = .tooManyRequests
                result = "<p class=\"flash error\" role=\"alert\">Tra cứu quá nhiều lần; thử lại sau \(wait) giây.</p>"
            } else if let letter {
                let context = try await LookupContext.load(web)
                let s = self.status(letter, context)
                let due = expected(letter, context)
                result = """
                    <section class="card" id="ket-qua-tra-cuu"><h2>Đơn mã <code>\(s.serviceRequestId)</code></h2><dl class="facts">\
                    <dt>Giai đoạn</dt><dd>\(s.statusNotes)</dd><dt>Cơ quan giải quyết</dt><dd>\(s.agencyResponsible)</dd>\
                    <dt>Ngày nhận đơn</dt><dd>\(letter.receivedOn.slashed)</dd>\
                    \(due.map { d -> HTML in "<dt>Hạn \(d.rule.step == .acceptance ? "thụ lý" : "giải quyết") theo luật</dt><dd>\(d.date.slashed)</dd>" } ?? "")\
                    </dl></section>
                    """
            } else {
                status = .notFound
                result =
                    "<p class=\"flash error\" role=\"alert\">Không tìm thấy đơn có mã này. Kiểm tra lại mã trên giấy biên nhận.</p>"
            }
        }
        let body: HTML = """
            <h1>Tra cứu tình trạng giải quyết đơn</h1>\
            <p>Nhập mã đơn ghi trên giấy biên nhận (dạng TD-XXXX-XXXX). Trang chỉ cho biết giai đoạn giải quyết, hạn theo \
            luật và cơ quan đang giải quyết; không hiển thị nội dung đơn hay thông tin cá nhân.</p>\
            <form method="get" action="/tra-cuu-don" class="filters card"><div><label for="ma">Mã đơn</label>\
            <input id="ma" name="ma" required autocomplete="off" value="\(code)" pattern="[Tt][Dd]-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}"></div>\
            <div class="actions"><button type="submit">Tra cứu</button></div></form>\(result)\
            <p class="small">Dữ liệu máy đọc: <code>/open311/v2/requests/{mã}.json</code> (Open311 GeoReport v2).</p>
            """
        let response = Layout.page(req, title: "Tra cứu đơn", section: .publicPage, status: status, body)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func request(_ req: Request, _ web: Web) async throws -> Response {
        var code = req.parameters.get("code") ?? ""
        if code.hasSuffix(".json") { code.removeLast(5) }
        let (letter, wait) = try await find(code, req, web)
        let response: Response
        if wait > 0 {
            response = try open311Error(.tooManyRequests, "Tra cứu quá nhiều lần; thử lại sau \(wait) giây.")
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(wait)")
        } else if let letter {
            response = Response(status: .ok)
            try response.content.encode([status(letter, try await LookupContext.load(web))], as: .json)
        } else {
            response = try open311Error(.notFound, "Không tìm thấy đơn có mã này.")
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct Open311Error: Content {
        var code: Int
        var description: String
    }

    static func open311Error(_ status: HTTPStatus, _ text: String) throws -> Response {
        let response = Response(status: status)
        try response.content.encode([Open311Error(code: Int(status.code), description: text)], as: .json)
        return response
    }
}
