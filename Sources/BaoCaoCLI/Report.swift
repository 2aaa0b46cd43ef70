import ArgumentParser
import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Foundation

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Viết báo cáo của một đơn vị trong một kỳ: theo mẫu (--template), hoặc danh sách kết quả các chỉ tiêu.",
        discussion: """
            Với --compare TỆP, so sánh từng từ với một bản báo cáo gốc (văn bản thuần; dòng bắt đầu bằng số mũ là \
            chú thích) và in các chỗ khác nhau.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, docx, pdf, html, xlsx }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Mã hoặc tên đơn vị, ví dụ 304 hoặc \"Ngô Quyền\".") var unit: String
    @Option(help: "Kỳ báo cáo: 2017-M06, 2017-Q2, 2017-H1, 2017-9M, 2017.") var period: String
    @Option(help: "Mã mẫu báo cáo, ví dụ ngo-quyen-6-thang.") var template: String?
    @Option(help: "Định dạng.") var format = Format.text
    @Option(name: .shortAndLong, help: "Tệp kết quả (mặc định in ra màn hình).") var output: String?
    @Option(help: "Bản báo cáo gốc để so sánh từng từ (cần --template).") var compare: String?
    @Option(help: "Số liệu: chinh-thuc (chỉ số đã duyệt, mặc định) hoặc lam-viec (gồm cả số chưa duyệt).")
    var view = FigureView.official

    func run() async throws {
        if format != .text && template == nil {
            throw UserFacingError("--format \(format.rawValue) cần --template (ví dụ --template ngo-quyen-6-thang)")
        }
        if (format == .docx || format == .pdf || format == .xlsx) && output == nil {
            throw UserFacingError("--format \(format.rawValue) cần -o TỆP")
        }
        let period: Period
        do { period = try Period(code: self.period) } catch { throw UserFacingError(error.description) }
        let result = try await database.withStore { store -> Rendered in
            let db = store.sql
            if try await DemoData.loadIfEmpty(store, reform: true) {
                FileHandle.standardError.write(Data("Đã nạp dữ liệu mẫu.\n".utf8))
            }
            guard let unit = UnitRepository.lookup(self.unit, among: try await UnitRepository.all(db)) else {
                throw UserFacingError("Không có đơn vị \"\(self.unit)\"")
            }
            if let template {
                do {
                    return .document(
                        try await ReportQuery.document(
                            template: template, unitID: unit.id, period: period, view: view, db))
                } catch let error as ReportQuery.NoTemplate { throw UserFacingError(error.description) }
            }
            let catalogue = try await IndicatorRepository.catalogue(db)
            let figures = ReportingForms.listed(
                try await FigureQuery.figures(unitID: unit.id, period: period, catalogue: catalogue, view: view, db),
                for: unit, period: period, tree: try await UnitTree.load(db), catalogue)
            return .text(
                FigureListing(
                    unitName: unit.fullName, period: period, fields: catalogue.fields, figures: figures, view: view
                ).text)
        }
        switch (result, format) {
        case (.document(let document), .docx), (.document(let document), .pdf):
            let docx = try DocxWriter.write(document)
            do {
                try (format == .pdf ? PDFConverter.pdf(fromDOCX: docx) : docx).write(to: URL(fileURLWithPath: output!))
            } catch let error as PDFConverter.Unavailable {
                throw UserFacingError(error.description)
            } catch let error as PDFConverter.Failed { throw UserFacingError(error.description) }
            if !document.missing.isEmpty {
                FileHandle.standardError.write(
                    Data(
                        "Thiếu số liệu (\(document.missing.count)): \(document.missing.joined(separator: ", "))\n".utf8)
                )
            }
            print("Đã ghi \(output!)")
        case (.document(let document), .xlsx):
            let annex = document.annex
            let title = "Một số chỉ tiêu kinh tế - xã hội chủ yếu \(period.vietnameseName)"
            try XlsxWriter.write(
                annex, title: title, reference: document.annexReference, statement: document.view?.statement
            ).write(
                to: URL(fileURLWithPath: output!))
            print("Đã ghi \(output!) (\(annex.rows.count) chỉ tiêu)")
        case (.document(let document), .html):
            try emit(HTMLWriter.write(document, title: document.headerLines(.title).joined(separator: " ")))
        case (.document(let document), _):
            try emit(try compare.map { try Self.comparison(document, with: $0) } ?? document.plainText)
        case (.text(let text), _):
            try emit(text)
        }
    }

    enum Rendered: Sendable {
        case document(ReportDocument)
        case text(String)
    }

    func emit(_ text: String) throws {
        if let output {
            try (text + "\n").write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(text)
        }
    }

    /// Word-by-word comparison of the body and of the footnotes with a reference text.
    static func comparison(_ document: ReportDocument, with path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UserFacingError("Không đọc được tệp \(path)")
        }
        var body: [String] = [], notes: [String] = []
        for line in text.split(separator: "\n") {
            if let first = line.first, "¹²³⁴⁵⁶⁷⁸⁹".contains(first) {
                notes.append(String(line))
            } else {
                body.append(String(line))
            }
        }
        let bodyDiff = WordComparison(reference: body.joined(separator: "\n"), generated: document.bodyText)
        let notesDiff = WordComparison(reference: notes.joined(separator: "\n"), generated: document.footnoteText)
        return "Thân văn bản: " + bodyDiff.report + "\n\nChú thích: " + notesDiff.report
    }
}

extension FigureView: ExpressibleByArgument {}
