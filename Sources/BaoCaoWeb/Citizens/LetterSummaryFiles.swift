import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The inspectorate's summary of a period's letters (`LetterSummary`) as XLSX, as a Decree 30 DOCX annex, or as a
/// page: `/tiep-dan/tong-hop?unit=304&ky=2017-H1&format=xlsx|docx|html`.
enum LetterSummaryFiles {
    static func download(_ req: Request, _ web: Web) async throws -> Response {
        let c = try await CitizenContext.load(req, web)
        let unit = try await CitizensController.locality(req, c, web)
        let letters = try await LetterRepository.list(localityID: unit.id, web.db)
        let period = try CitizensController.period(req, latest: letters.first?.receivedOn)
        let summary = LetterSummary(
            letters: letters.map {
                LetterSummary.Letter(
                    kind: $0.kind, receivedOn: $0.receivedOn, eligible: $0.eligible, inCompetence: $0.inCompetence,
                    path: $0.path, pathOn: $0.pathOn, resolvedOn: $0.resolvedOn, outcome: $0.outcome,
                    returnedAmount: $0.returnedAmount, returnedLand: $0.returnedLand)
            }, from: period.firstDay, to: period.lastDay)
        let illustrative = letters.contains {
            $0.illustrative && period.firstDay <= $0.receivedOn && $0.receivedOn <= period.lastDay
        }
        let name = "tong-hop-don-\(unit.code)-\(period.code)"
        switch req.queryText("format") ?? "xlsx" {
        case "xlsx":
            let data = try XlsxWriter.table(
                title: "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO — \(unit.fullName.uppercased())",
                subtitle: "\(period.vietnameseName) (từ \(period.firstDay.slashed) đến \(period.lastDay.slashed))"
                    + (illustrative ? "; số liệu minh họa" : ""),
                sheetName: "Tổng hợp đơn", headings: LetterSummary.headings, rows: summary.rows,
                widths: [6, 40, 14, 14, 18, 14])
            return ReportController.file(
                data, name: "\(name).xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        case "docx", "html":
            let document = summary.annex(
                localityKind: unit.kind.vietnameseName, localityName: unit.name, periodWords: period.vietnameseName,
                illustrative: illustrative)
            if req.queryText("format") == "html" {
                let response = Response(
                    status: .ok, body: .init(string: HTMLWriter.write(document, title: "Tổng hợp đơn \(period.code)")))
                response.headers.contentType = .html
                return response
            }
            return ReportController.file(
                try DocxWriter.write(document), name: "\(name).docx",
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        default: throw Abort(.badRequest, reason: "Định dạng không hỗ trợ; dùng xlsx, docx hoặc html")
        }
    }
}
