/// The workbooks' style sheet: Times New Roman 12, thin borders, numbers grouped with 0 to 4 decimals. Cell styles
/// 0–7 are the same in every workbook BaoCao writes (0 default; 1 bold heading with borders, wrapped; 2 text with
/// borders; 3–7 numbers with 0 to 4 decimals); a workbook adds its own after them, with its own fonts and fills.
enum XlsxStyles {
    /// The number formats 164–168: `#,##0` to `#,##0.0000`.
    static let numberFormats = Array(164...168)

    static let baseFonts = [
        "<font><sz val=\"12\"/><name val=\"Times New Roman\"/></font>",
        "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/></font>",
    ]

    static let baseFills = [
        "<fill><patternFill patternType=\"none\"/></fill>", "<fill><patternFill patternType=\"gray125\"/></fill>",
    ]

    static let baseCellStyles: [String] =
        [
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
            "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" "
                + "applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>",
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\">"
                + "<alignment wrapText=\"1\"/></xf>",
        ]
        + numberFormats.map {
            "<xf numFmtId=\"\($0)\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\"/>"
        }

    /// The style sheet with the base styles, then `fonts`, `fills` and cell styles `cells` of a workbook's own.
    static func sheet(fonts: [String] = [], fills: [String] = [], cells: [String] = []) -> String {
        let formats = zip(numberFormats, ["#,##0", "#,##0.0", "#,##0.00", "#,##0.000", "#,##0.0000"]).map {
            "<numFmt numFmtId=\"\($0)\" formatCode=\"\($1)\"/>"
        }
        let allFonts = baseFonts + fonts, allFills = baseFills + fills, allCells = baseCellStyles + cells
        return XML.declaration + """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="\(formats.count)">\(formats.joined())</numFmts>\
            <fonts count="\(allFonts.count)">\(allFonts.joined())</fonts>\
            <fills count="\(allFills.count)">\(allFills.joined())</fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>\
            </borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(allCells.count)">\(allCells.joined())</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """
    }
}
