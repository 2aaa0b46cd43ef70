import BaoCaoDomain
import Foundation
import XCTest
import ZIPFoundation

@testable import BaoCaoDocuments

/// The entry form as a workbook: what it writes reads back, numbers as spreadsheets store them, other files refused.
final class FormWorkbookTests: XCTestCase {
    static let sheet = FormSheet(
        unitCode: "304-P01", unitName: "phường Máy Chai", periodCode: "2017-H1", periodName: "6 tháng đầu năm 2017",
        status: "Đang nhập",
        lines: [
            .init(
                code: "THU_NS_PHUONG", name: "Thu ngân sách", unitOfMeasure: "triệu đồng", target: Amount(4200),
                lastYear: Amount(1850), decimals: 1,
                stored: Observation(value: Amount(scaled: 21_507_500), status: .final, qualifier: .nearly),
                note: "theo kho bạc", version: 3),
            .init(
                code: "HKD_MOI_PHUONG", name: "Hộ kinh doanh mới", unitOfMeasure: "hộ", target: nil, lastYear: nil,
                decimals: 0, stored: nil, note: nil, version: 0),
        ])

    func testAWrittenFormReadsBackAsWhatItShowed() throws {
        let data = try FormWorkbook.write(Self.sheet)
        let upload = try FormWorkbook.read(data)
        XCTAssertEqual(upload.unitCode, "304-P01")
        XCTAssertEqual(upload.periodCode, "2017-H1")
        XCTAssertEqual(upload.problems, [])
        XCTAssertEqual(upload.rows.map(\.code), ["THU_NS_PHUONG", "HKD_MOI_PHUONG"])
        XCTAssertEqual(upload.rows.map(\.sheetRow), [5, 6])
        let thu = upload.rows[0]
        // The value cell is a number; it comes back in Vietnamese form, as the form shows it.
        XCTAssertEqual(thu.value, "2.150,75")
        XCTAssertEqual(thu.status, "chinh_thuc")
        XCTAssertEqual(thu.qualifier, "gan")
        XCTAssertEqual(thu.note, "theo kho bạc")
        XCTAssertEqual(thu.version, 3)
        XCTAssertEqual(
            [thu.shownValue, thu.shownStatus, thu.shownQualifier, thu.shownNote],
            ["2.150,75", "chinh_thuc", "gan", "theo kho bạc"])
        XCTAssertEqual(upload.rows[1].value, "")
        XCTAssertEqual(upload.rows[1].shownValue, "")

        // The sheet is protected, its inputs unlocked and validated; the basis columns hidden; a second sheet explains.
        let xml = try Self.part(data, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(xml.contains("<sheetProtection sheet=\"1\""))
        XCTAssertTrue(xml.contains("<formula1>\"ước tính,chính thức\"</formula1>"))
        XCTAssertTrue(xml.contains("<formula1>\"gần,trên,hơn,khoảng\"</formula1>"))
        XCTAssertTrue(xml.contains("type=\"decimal\""))
        XCTAssertTrue(xml.contains("hidden=\"1\""))
        XCTAssertTrue(try Self.part(data, "xl/styles.xml").contains("<protection locked=\"0\"/>"))
        XCTAssertTrue(try Self.part(data, "xl/worksheets/sheet2.xml").contains("Hướng dẫn điền biểu"))
    }

    func testNumbersAsSpreadsheetsStoreThem() throws {
        func amount(_ text: String) -> Amount? { try? FormWorkbook.amount(machine: text).get() }
        XCTAssertEqual(amount("1234.5"), Amount(scaled: 12_345_000))
        XCTAssertEqual(amount("1.2194030000000001E7"), Amount(12_194_030), "binary floating point noise")
        XCTAssertEqual(amount("0.30000000000000004"), Amount(scaled: 3000))
        XCTAssertNil(amount("1.23456"), "a fifth decimal is refused, not rounded")
        XCTAssertNil(amount("1E15"), "beyond the input limit")
        XCTAssertNil(amount("abc"))
    }

    func testAnotherWorkbookIsNotAForm() throws {
        let other = try XlsxWriter.table(
            title: "Danh sách", subtitle: "", sheetName: "Nhiệm vụ", headings: ["A"], rows: [["x"]], widths: [10])
        XCTAssertThrowsError(try FormWorkbook.read(other)) { error in
            XCTAssertTrue(
                (error as? FormWorkbook.NotAForm)?.description.contains("không phải biểu nhập số liệu") == true)
        }
        XCTAssertThrowsError(try FormWorkbook.read(Data("not a zip".utf8)))
    }

    static func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try XCTUnwrap(archive[path], path)
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    func testAWorkbookThatUnpacksToGigabytesIsRefused() throws {
        // A sheet of 201 MB of spaces compresses to a few hundred KB: refused before it is unpacked.
        let archive = try Archive(accessMode: .create)
        let size = Int64(XlsxReader.maxPartBytes) + (1 << 20)
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate,
            provider: { _, chunk in Data(repeating: 0x20, count: chunk) })
        let data = try XCTUnwrap(archive.data)
        XCTAssertLessThan(data.count, 2 << 20)
        XCTAssertThrowsError(try XlsxReader.rows(data)) { error in
            XCTAssertTrue((error as? XlsxReader.Unreadable)?.description.contains("quá lớn") == true, "\(error)")
        }
    }
}
