import BaoCaoDomain
import Foundation

/// The entry form as an XLSX workbook to fill offline, and read back. Sheet "Số liệu": the unit's indicators, one a
/// row, the reference columns locked, the input cells (value, status, qualifier, note) unlocked with data validation,
/// the sheet protected; hidden columns with what each row showed when downloaded (its version), so an upload changes
/// only what the person changed and refuses what a colleague changed since. Sheet "Hướng dẫn": how to fill it.
public enum FormWorkbook {
    typealias C = FormSheet.Column

    public static func write(_ form: FormSheet) throws -> Data {
        var package = OOXMLPackage()
        package.add("[Content_Types].xml", contentTypes)
        package.add("_rels/.rels", XlsxWriter.packageRelationships)
        package.add("xl/workbook.xml", workbook)
        package.add("xl/_rels/workbook.xml.rels", relationships)
        package.add("xl/styles.xml", styles)
        package.add("xl/worksheets/sheet1.xml", dataSheet(form))
        package.add("xl/worksheets/sheet2.xml", instructionSheet(form))
        return try package.data()
    }

    // MARK: writing

    static func dataSheet(_ form: FormSheet) -> String {
        let first = FormSheet.firstRow
        let last = max(first, first + form.lines.count - 1)
        var rows: [String] = []
        let title = "Biểu nhập số liệu — \(form.unitName) — \(form.periodName)"
        let subtitle =
            "Mã đơn vị \(form.unitCode), kỳ \(form.periodCode). Tình trạng khi tải: \(form.status). "
            + "Điền các ô nền vàng (cột F–I), lưu lại rồi tải lên ở trang Nhập số liệu."
        rows.append(
            XlsxWriter.row(1, [text(C.code, 1, title, style: 14), text(C.version, 1, FormSheet.marker, style: 0)]))
        rows.append(
            XlsxWriter.row(2, [text(C.code, 2, subtitle, style: 0), text(C.version, 2, form.unitCode, style: 0)]))
        rows.append(XlsxWriter.row(3, [text(C.version, 3, form.periodCode, style: 0)]))
        let headings = [
            "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Cùng kỳ năm trước", "Số liệu kỳ này",
            "Trạng thái", "Từ chỉ mức (gần, trên...)", "Ghi chú", "Phiên bản", "Số khi tải", "Trạng thái khi tải",
            "Từ chỉ mức khi tải", "Ghi chú khi tải",
        ]
        rows.append(
            XlsxWriter.row(
                4, headings.enumerated().map { XlsxWriter.text(XlsxWriter.cell($0.offset, 4), $0.element, style: 1) },
                lines: 2))
        for (index, line) in form.lines.enumerated() {
            let n = first + index
            let decimals = max(0, min(Amount.scale, line.decimals))
            var cells = [
                text(C.code, n, line.code, style: 2), text(C.name, n, line.name, style: 2),
                text(C.unitOfMeasure, n, line.unitOfMeasure, style: 2),
                XlsxWriter.number(C.target.letter + "\(n)", line.target, decimals: decimals),
                XlsxWriter.number(C.lastYear.letter + "\(n)", line.lastYear, decimals: decimals),
                input(C.value, n, line.stored.map { $0.value }, decimals: decimals),
                text(C.status, n, line.stored.map { FormSheet.statusWord($0.status) } ?? "", style: 8),
                text(C.qualifier, n, line.stored?.qualifier?.word ?? "", style: 8),
                text(C.note, n, line.note ?? "", style: 8),
                "<c r=\"\(C.version.letter)\(n)\"><v>\(line.version)</v></c>",
                text(C.shownValue, n, line.stored.map { $0.value.description } ?? "", style: 0),
                text(C.shownStatus, n, (line.stored?.status ?? .estimate).rawValue, style: 0),
                text(C.shownQualifier, n, line.stored?.qualifier?.rawValue ?? "", style: 0),
                text(C.shownNote, n, line.note ?? "", style: 0),
            ]
            if line.stored == nil { cells[C.status.rawValue] = text(C.status, n, "", style: 8) }
            rows.append(XlsxWriter.row(n, cells, lines: XlsxWriter.lines(line.name.count, width: 48)))
        }
        let widths = [14, 50, 13, 15, 15, 16, 13, 14, 30, 8, 14, 10, 10, 20]
        let columns = widths.enumerated().map { i, width in
            "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\""
                + (i >= C.version.rawValue ? " hidden=\"1\"" : "") + "/>"
        }.joined()
        let range = { (column: C) in "\(column.letter)\(first):\(column.letter)\(last)" }
        let statusList = FormSheet.statusWords.map(\.word).joined(separator: ",")
        let qualifierList = Qualifier.allCases.map(\.word).joined(separator: ",")
        let limit = "999999999999.9999"
        let validations = [
            """
            <dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1" \
            errorTitle="Số không hợp lệ" error="Nhập một số, tối đa 4 chữ số thập phân, \
            không quá 999.999.999.999,9999." promptTitle="Số liệu" prompt="Nhập số; để trống nếu chưa có." \
            sqref="\(range(.value))"><formula1>-\(limit)</formula1><formula2>\(limit)</formula2></dataValidation>
            """,
            """
            <dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Trạng thái" \
            error="Chọn ước tính hoặc chính thức." sqref="\(range(.status))"><formula1>"\(statusList)"</formula1>\
            </dataValidation>
            """,
            """
            <dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Từ chỉ mức" \
            error="Chọn gần, trên, hơn, khoảng hoặc để trống." sqref="\(range(.qualifier))">\
            <formula1>"\(qualifierList)"</formula1></dataValidation>
            """,
            """
            <dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showErrorMessage="1" \
            errorTitle="Ghi chú" error="Ghi chú tối đa \(TextLimit.note.maximum) ký tự." sqref="\(range(.note))">\
            <formula1>\(TextLimit.note.maximum)</formula1></dataValidation>
            """,
        ]
        return XML.declaration + """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>\
            <sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="4" topLeftCell="C5" \
            activePane="bottomRight" state="frozen"/></sheetView></sheetViews>\
            <cols>\(columns)</cols><sheetData>\(rows.joined())</sheetData>\
            <sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>\
            <mergeCells count="2"><mergeCell ref="A1:I1"/><mergeCell ref="A2:I2"/></mergeCells>\
            <dataValidations count="\(validations.count)">\(validations.joined())</dataValidations>\
            <pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
            <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>
            """
    }

    static func instructionSheet(_ form: FormSheet) -> String {
        let lines = [
            "Hướng dẫn điền biểu nhập số liệu",
            "Biểu của \(form.unitName) (mã \(form.unitCode)), kỳ \(form.periodName) (\(form.periodCode)).",
            "1. Chỉ điền các ô nền vàng ở trang \"Số liệu\": cột F (số liệu), G (trạng thái), H (từ chỉ mức), I (ghi chú). "
                + "Các cột khác bị khóa.",
            "2. Số liệu: nhập số; phần thập phân tối đa 4 chữ số. Excel, LibreOffice theo thiết lập tiếng Việt dùng dấu "
                + "chấm phân cách hàng nghìn và dấu phẩy thập phân (1.234,5). Để trống nếu chưa có số.",
            "3. Trạng thái: chọn \"ước tính\" (số ước, sẽ cập nhật) hoặc \"chính thức\". Để trống là ước tính.",
            "4. Từ chỉ mức: gần, trên, hơn, khoảng, khi số liệu chỉ là mức xấp xỉ (\"gần 2.000 người\"); "
                + "thường để trống.",
            "5. Kế hoạch năm và cùng kỳ năm trước để đối chiếu; không sửa.",
            "6. Lưu tệp (.xlsx), mở trang Nhập số liệu của đơn vị và kỳ này, chọn \"Tải biểu Excel lên\". BaoCao cho xem "
                + "trước các số thay đổi (số cũ → số mới); bấm \"Lưu các thay đổi\" để lưu nháp.",
            "7. Có lỗi ở ô nào, BaoCao báo theo địa chỉ ô (ví dụ \"Ô F12: ...\") và không lưu gì; sửa rồi tải lên lại.",
            "8. Nếu sau khi tải biểu, người khác đã sửa một số, BaoCao không ghi đè: trang nhập liệu hiện cả hai số để chọn.",
            "9. Số liệu đã gửi duyệt hoặc đã duyệt thì không nhận tệp, trừ khi người duyệt mở lại.",
            "Không đổi tên, thứ tự trang tính, không thêm bớt dòng; các cột ẩn J–N giữ phiên bản của từng số.",
        ]
        let rows = lines.enumerated().map { i, line in
            XlsxWriter.row(
                i + 1, [XlsxWriter.text("A\(i + 1)", line, style: i == 0 ? 14 : 0)],
                lines: XlsxWriter.lines(line.count, width: 110))
        }
        return XML.declaration + """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <cols><col min="1" max="1" width="120" customWidth="1"/></cols><sheetData>\(rows.joined())</sheetData>\
            <pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/></worksheet>
            """
    }

    static func text(_ column: C, _ row: Int, _ value: String, style: Int) -> String {
        XlsxWriter.text("\(column.letter)\(row)", value, style: style)
    }

    /// An unlocked input cell, numeric when it has a value (styles 9–13: 0 to 4 decimals).
    static func input(_ column: C, _ row: Int, _ value: Amount?, decimals: Int) -> String {
        let style = 9 + decimals
        guard let value else { return "<c r=\"\(column.letter)\(row)\" s=\"\(style)\"/>" }
        return "<c r=\"\(column.letter)\(row)\" s=\"\(style)\"><v>\(value.description)</v></c>"
    }

    static let type = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    static let contentTypes = OOXMLPackage.contentTypes([
        ("/xl/workbook.xml", "\(type)sheet.main+xml"), ("/xl/worksheets/sheet1.xml", "\(type)worksheet+xml"),
        ("/xl/worksheets/sheet2.xml", "\(type)worksheet+xml"), ("/xl/styles.xml", "\(type)styles+xml"),
    ])
    static let workbook =
        XML.declaration + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/><sheet name="Hướng dẫn" sheetId="2" r:id="rId2"/>\
            </sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Số liệu'!$4:$4\
            </definedName></definedNames></workbook>
            """
    static let relationships = OOXMLPackage.relationships([
        ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "worksheet", "worksheets/sheet2.xml"),
        ("rId3", "styles", "styles.xml"),
    ])

    /// XlsxWriter's styles 0–7, then 8: an unlocked text input (yellow, bordered); 9–13: unlocked number inputs, 0 to
    /// 4 decimals; 14: the title, bold.
    static let styles = XlsxStyles.sheet(
        fonts: ["<font><b/><sz val=\"14\"/><name val=\"Times New Roman\"/></font>"],
        fills: [
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFFFF2CC\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        ],
        cells: [
            "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFill=\"1\" "
                + "applyBorder=\"1\" applyAlignment=\"1\" applyProtection=\"1\"><alignment wrapText=\"1\"/>"
                + "<protection locked=\"0\"/></xf>"
        ]
            + XlsxStyles.numberFormats.map {
                "<xf numFmtId=\"\($0)\" fontId=\"0\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" "
                    + "applyFill=\"1\" applyBorder=\"1\" applyProtection=\"1\"><protection locked=\"0\"/></xf>"
            }
            + ["<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"])
}
