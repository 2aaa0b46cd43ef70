import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the first worksheet of an XLSX workbook (as Excel or LibreOffice Calc writes it) as rows of text: shared
/// strings, inline strings and numbers as written in the file (a whole number without ".0"), each row with its
/// number in the sheet, empty rows left out. Formulas give their last computed value. Nothing else is read.
public enum XlsxReader {
    public struct Row: Sendable, Equatable {
        /// The row's number in the sheet (1-based), for messages ("dòng 12").
        public var number: Int
        /// Cells from column A, empty where the sheet has nothing.
        public var cells: [String]
        /// The columns (0-based) whose cell holds a number (its text in machine form, "1234.5"), not text.
        public var numeric: Set<Int> = []
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The most a part of a workbook may unpack to: far more than a sheet of a province's figures.
    static let maxPartBytes: UInt64 = 200 << 20
    static let tooLarge = Unreadable(description: "tệp Excel giải nén ra quá lớn (hơn 200 MB một phần)")

    public static func rows(_ data: Data) throws -> [Row] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Unreadable(description: "không phải tệp Excel (.xlsx) hợp lệ")
        }
        // A part that unpacks to more than `maxPartBytes` is refused before and while it is read: a small upload
        // cannot make the server unpack gigabytes (a "zip bomb").
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= maxPartBytes else { throw tooLarge }
            var out = Data()
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard out.count + chunk.count <= maxPartBytes else { throw tooLarge }
                out.append(chunk)
            }
            return out
        }
        let strings = try part("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        guard let sheet = try firstSheetPath(part).flatMap({ try part($0) }) else {
            throw Unreadable(description: "tệp Excel không có trang tính nào")
        }
        return try SheetRows.parse(sheet, strings: strings)
    }

    /// The first sheet in the workbook's order, through its relationship; "xl/worksheets/sheet1.xml" otherwise.
    static func firstSheetPath(_ part: (String) throws -> Data?) throws -> String? {
        guard let workbook = try part("xl/workbook.xml"), let rels = try part("xl/_rels/workbook.xml.rels") else {
            return "xl/worksheets/sheet1.xml"
        }
        let sheetID = Attributes.first(in: workbook, element: "sheet", attribute: "r:id")
        let targets = Attributes.all(in: rels, element: "Relationship", attributes: ["Id", "Target"])
        guard let sheetID, let target = targets.first(where: { $0["Id"] == sheetID })?["Target"] else {
            return "xl/worksheets/sheet1.xml"
        }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// "B12" → column index 1 (0-based).
    static func column(of reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    /// "1.0" → "1", "2.5" → "2.5": numbers as a person would type them back.
    static func number(_ text: String) -> String {
        guard let value = Double(text), value.rounded() == value, abs(value) < 1e15 else { return text }
        return String(Int64(value))
    }
}

/// The workbook's shared strings, each the text of its runs.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false

    static func parse(_ data: Data) throws -> [String] {
        let delegate = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw XlsxReader.Unreadable(description: "danh sách chuỗi của tệp Excel bị hỏng") }
        return delegate.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }
}

/// A worksheet's rows.
private final class SheetRows: NSObject, XMLParserDelegate {
    let strings: [String]
    var rows: [XlsxReader.Row] = []
    var row: XlsxReader.Row?
    var cellColumn = 0
    var cellType = ""
    var value = ""
    var collecting = false
    var nextRow = 1

    init(strings: [String]) { self.strings = strings }

    static func parse(_ data: Data, strings: [String]) throws -> [XlsxReader.Row] {
        let delegate = SheetRows(strings: strings)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw XlsxReader.Unreadable(description: "trang tính của tệp Excel bị hỏng") }
        return delegate.rows
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? nextRow
            row = XlsxReader.Row(number: number, cells: [])
            nextRow = number + 1
            cellColumn = 0
        case "c":
            cellColumn = attributes["r"].flatMap(XlsxReader.column(of:)) ?? cellColumn
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t": collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": collecting = false
        case "c":
            let text: String
            switch cellType {
            case "s": text = Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
            case "n": text = XlsxReader.number(value)
            case "b": text = value == "1" ? "true" : "false"
            default: text = value
            }
            guard var current = row, cellColumn < 16_384 else { return }
            while current.cells.count < cellColumn { current.cells.append("") }
            current.cells.append(text)
            if cellType == "n" && !value.isEmpty { current.numeric.insert(cellColumn) }
            row = current
            cellColumn += 1
        case "row":
            if let done = row, done.cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append(done)
            }
            row = nil
        default: break
        }
    }
}

/// Attributes of elements in a small XML part (the workbook and its relationships).
private final class Attributes: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    static func all(in data: Data, element: String, attributes names: [String]) -> [[String: String]] {
        let delegate = Attributes(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.found.map { $0.filter { names.contains($0.key) } }
    }

    static func first(in data: Data, element: String, attribute: String) -> String? {
        all(in: data, element: element, attributes: [attribute]).first?[attribute]
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == element { found.append(attributes) }
    }
}
