import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The public page of each locality, without login: the reports it published, each in its current version with the
/// replaced ones still reachable and marked, and the figures they carried, exactly as published. Nothing live is read
/// here, so a draft can never show.
enum PublicController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("cong-khai") { try await index($0, web) }
        routes.get("cong-khai", ":unit") { try await locality($0, web) }
        routes.get("cong-khai", "ban", ":id") { try await document($0, web, part: .html) }
        routes.get("cong-khai", "ban", ":id", "docx") { try await document($0, web, part: .docx) }
        routes.get("cong-khai", "ban", ":id", "pdf") { try await document($0, web, part: .pdf) }
    }

    static func index(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let counts = try await PublicationRepository.counts(web.db)
        let units = tree.units.compactMap { unit in
            counts[unit.id].flatMap { unit.kind.isOffice ? nil : (unit, $0) }
        }
        return PublicPage.index(req, units)
    }

    static func locality(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let code = req.parameters.get("unit") ?? ""
        // `?ngay=2025-06-30`: the unit the code named that day (phường Máy Chai's 11329 is phường Ngô Quyền's now).
        let onDay = req.queryText("ngay").flatMap(CivilDate.init(iso:)).flatMap { tree.unit(code: code, inForceOn: $0) }
        guard let unit = onDay ?? tree.byCode[code], !unit.kind.isOffice else {
            throw Abort(.notFound, reason: "Không có địa phương \"\(code)\"")
        }
        let all = try await PublicationRepository.list(unitID: unit.id, web.db)
        var latest: Publication?
        var figures: [Publishing.PublicFigure] = []
        if let newest = all.first,
            let data = try await PublicationRepository.content(id: newest.id, .figures, web.db)
        {
            latest = newest
            figures = try JSONDecoder().decode([Publishing.PublicFigure].self, from: data)
        }
        let lineage = try await LineageRepository.of(unitID: unit.id, web.db)
        let answered = try await PetitionRepository.sessions(localityID: unit.id, web.db).filter {
            $0.publishedAt != nil
        }
        return PublicPage.locality(
            req, unit: unit, reports: PublicPage.Report.group(all), latest: latest, figures: figures,
            lineage: LineageText.paragraphs(
                from: lineage.from, into: lineage.into, reorganisations: lineage.reorganisations, tree: tree),
            petitions: answered.count)
    }

    static func document(_ req: Request, _ web: Web, part: PublicationRepository.Part) async throws -> Response {
        guard let id = req.parameters.get("id", as: Int.self),
            let publication = try await PublicationRepository.find(id: id, web.db)
        else { throw Abort(.notFound, reason: "Không có báo cáo đã công bố này") }
        let name = "bao-cao-\(publication.period)-ban-\(publication.version)"
        switch part {
        case .docx:
            guard let data = try await PublicationRepository.content(id: id, .docx, web.db) else { break }
            return ReportController.file(
                data, name: "\(name).docx",
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        case .pdf:
            return ReportController.file(try await pdf(publication, web), name: "\(name).pdf", type: "application/pdf")
        case .html, .figures:
            guard let data = try await PublicationRepository.content(id: id, .html, web.db) else { break }
            // A replaced version says so above its text, with a link to what replaced it.
            var html = String(decoding: data, as: UTF8.self)
            if let newer = try await PublicationRepository.successor(of: publication, web.db) {
                html = PublicPage.markReplaced(html, by: newer)
            } else if let reason = publication.reason {
                html = PublicPage.markReason(html, reason: reason, gaps: publication.gaps)
            }
            let response = Response(status: .ok, body: .init(string: html))
            response.headers.contentType = .html
            return response
        }
        throw Abort(.notFound, reason: "Không có báo cáo đã công bố này")
    }

    /// The publication's PDF: kept since publishing, or made now from its DOCX through LibreOffice and kept.
    static func pdf(_ publication: Publication, _ web: Web) async throws -> Data {
        if let kept = try await PublicationRepository.content(id: publication.id, .pdf, web.db) { return kept }
        guard let docx = try await PublicationRepository.content(id: publication.id, .docx, web.db) else {
            throw Abort(.notFound, reason: "Không có báo cáo đã công bố này")
        }
        let pdf = try await web.pdfs.pdf(of: docx, key: "cong-bo-\(publication.id)")
        try await PublicationRepository.savePDF(id: publication.id, pdf, web.db)
        return pdf
    }
}
