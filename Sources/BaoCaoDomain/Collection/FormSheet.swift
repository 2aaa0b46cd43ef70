/// A unit's entry form for one period as a workbook a person fills offline (Excel, LibreOffice Calc) and uploads:
/// what it shows, and where each thing is. The layout is fixed so an upload can be read back cell by cell.
public struct FormSheet: Sendable {
    public struct Line: Sendable {
        public var code: String
        public var name: String
        public var unitOfMeasure: String
        /// The year's target and last year's figure, for reference.
        public var target: Amount?
        public var lastYear: Amount?
        public var decimals: Int
        /// The working value when the form was downloaded, and its version: what an upload is based on.
        public var stored: Observation?
        public var note: String?
        public var version: Int

        public init(
            code: String, name: String, unitOfMeasure: String, target: Amount?, lastYear: Amount?, decimals: Int,
            stored: Observation?, note: String?, version: Int
        ) {
            self.code = code; self.name = name; self.unitOfMeasure = unitOfMeasure; self.target = target
            self.lastYear = lastYear; self.decimals = decimals; self.stored = stored; self.note = note
            self.version = version
        }
    }

    public var unitCode: String
    public var unitName: String
    public var periodCode: String
    public var periodName: String
    /// Where the unit's figures stand ("Đang nhập"), written under the title.
    public var status: String
    public var lines: [Line]

    public init(
        unitCode: String, unitName: String, periodCode: String, periodName: String, status: String, lines: [Line]
    ) {
        self.unitCode = unitCode; self.unitName = unitName; self.periodCode = periodCode
        self.periodName = periodName; self.status = status; self.lines = lines
    }

    /// The columns: what the person reads (A–E, locked), fills (F–I), and what the upload is based on (J–N, hidden).
    public enum Column: Int, CaseIterable, Sendable {
        case code = 0, name, unitOfMeasure, target, lastYear, value, status, qualifier, note
        case version, shownValue, shownStatus, shownQualifier, shownNote

        public var letter: String { String(UnicodeScalar(UInt8(65 + rawValue))) }
    }

    /// The first row of indicators; rows above hold the title, the form's unit and period, and the headings.
    public static let firstRow = 5
    /// The hidden cells saying what the workbook is: J1 this marker, J2 the unit's code, J3 the period's code.
    public static let marker = "BAOCAO-BIEU-NHAP-1"

    /// The words of the status list and the codes they stand for.
    public static let statusWords: [(word: String, status: ValueStatus)] = [
        ("ước tính", .estimate), ("chính thức", .final),
    ]

    public static func statusWord(_ status: ValueStatus) -> String {
        statusWords.first { $0.status == status }?.word ?? ""
    }

    /// A status typed or chosen: the list's words, the codes, "ước".
    public static func status(text: String) -> ValueStatus? {
        let t = text.trimmingWhitespace().lowercased()
        if let found = statusWords.first(where: { $0.word == t }) { return found.status }
        if t == "ước" || t == "uoc" { return .estimate }
        return ValueStatus(rawValue: t)
    }
}

/// A problem of one cell of an uploaded workbook: "Ô F12: ...".
public struct CellProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var cell: String
    public var message: String
    public init(cell: String, message: String) { self.cell = cell; self.message = message }
    public init(_ column: FormSheet.Column, row: Int, _ message: String) {
        self.cell = column.letter + String(row); self.message = message
    }
    public var description: String { cell.isEmpty ? message : "Ô \(cell): \(message)" }
}

/// What an uploaded form says, cell by cell, each value in the entry form's terms (numbers in Vietnamese form,
/// status and qualifier codes); problems of single cells found while reading.
public struct FormUpload: Sendable {
    public struct Row: Sendable {
        public var sheetRow: Int
        public var code: String
        public var value: String
        public var status: String
        public var qualifier: String
        public var note: String
        /// What the row showed when downloaded (J–N); nil when the hidden cells are missing.
        public var version: Int?
        public var shownValue: String
        public var shownStatus: String
        public var shownQualifier: String
        public var shownNote: String

        public init(
            sheetRow: Int, code: String, value: String, status: String, qualifier: String, note: String,
            version: Int?, shownValue: String, shownStatus: String, shownQualifier: String, shownNote: String
        ) {
            self.sheetRow = sheetRow; self.code = code; self.value = value; self.status = status
            self.qualifier = qualifier; self.note = note; self.version = version; self.shownValue = shownValue
            self.shownStatus = shownStatus; self.shownQualifier = shownQualifier; self.shownNote = shownNote
        }
    }

    public var unitCode: String
    public var periodCode: String
    public var rows: [Row]
    public var problems: [CellProblem]

    public init(unitCode: String, periodCode: String, rows: [Row], problems: [CellProblem]) {
        self.unitCode = unitCode; self.periodCode = periodCode; self.rows = rows; self.problems = problems
    }
}
