import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// JSON shapes of the API. Amounts are strings in plain machine form ("693843", "50.1") so that no client ever
/// parses them into binary floating point by accident.
struct UnitDTO: Content {
    var code: String
    var name: String
    var fullName: String
    var kind: String
    var parent: String?
    var validFrom: String?
    var validTo: String?
    var children: [String]?

    init(_ unit: StoredUnit, parent: StoredUnit?, children: [StoredUnit]? = nil) {
        code = unit.code; name = unit.name; fullName = unit.fullName; kind = unit.kind.rawValue
        self.parent = parent?.code
        validFrom = unit.validFrom == "1900-01-01" ? nil : unit.validFrom
        validTo = unit.validTo
        self.children = children?.map(\.code)
    }
}

struct IndicatorDTO: Content {
    var code: String
    var name: String
    var unitOfMeasure: String
    var field: String
    var ownerOffice: String?
    var unitAggregation: String
    var timeAggregation: String
    var valueDecimals: Int
    var targetDecimals: Int
    var changeDecimals: Int
    var changeStyle: String
    var formula: String?

    init(_ i: Indicator) {
        code = i.code; name = i.name; unitOfMeasure = i.unitOfMeasure; field = i.field; ownerOffice = i.ownerOffice
        unitAggregation = i.unitAggregation.rawValue; timeAggregation = i.timeAggregation.rawValue
        valueDecimals = i.valueDecimals; targetDecimals = i.targetDecimals; changeDecimals = i.changeDecimals
        changeStyle = i.changeStyle.rawValue; formula = i.formula
    }
}

struct PeriodDTO: Content {
    var code: String
    var name: String
    var year: Int
    var firstMonth: Int
    var lastMonth: Int
    var sameTimeLastYear: String
    var previous: String?
    var dataWindowOpens: String
    var dataWindowCloses: String
    var deadline: String

    init(_ p: Period, calendar: ReportCalendar) {
        code = p.code; name = p.vietnameseName; year = p.year; firstMonth = p.firstMonth; lastMonth = p.lastMonth
        sameTimeLastYear = p.sameTimeLastYear.code; previous = p.previous?.code
        let w = calendar.window(for: p)
        dataWindowOpens = w.opens.description; dataWindowCloses = w.closes.description;
        deadline = w.deadline.description
    }
}

struct ChangeDTO: Content {
    var style: String
    var direction: String
    var magnitude: String
    var text: String?

    init(_ change: Change, text: String?) {
        style = change.style.rawValue; direction = change.direction.rawValue
        magnitude = change.magnitude.description; self.text = text
    }
}

/// How complete a sum over units is, with the units that have not reported it (code and full name).
struct CoverageDTO: Content {
    struct UnitRef: Content {
        var code: String
        var name: String
    }
    var expected: Int
    var reported: Int
    /// Reported but not approved (working view).
    var pending: Int
    var complete: Bool
    var text: String
    var missing: [UnitRef]?

    init(_ c: Coverage, missing: [StoredUnit]?) {
        expected = c.expected; reported = c.reported; pending = c.pending; complete = c.isComplete
        text = c.fraction
        self.missing = missing?.map { UnitRef(code: $0.code, name: $0.fullName) }
    }
}

struct FigureDTO: Content {
    var indicator: String
    var name: String
    var unitOfMeasure: String
    var field: String
    var value: String?
    var valueText: String?
    var status: String?
    var qualifier: String?
    /// Whether the figure holds values not yet approved (working view).
    var draft: Bool?
    var coverage: CoverageDTO?
    var target: String?
    var targetKind: String?
    var percentOfTarget: String?
    var lastYear: String?
    var yearOnYear: ChangeDTO?
    /// "whole", or "matched" with the number of units that reported both years; "rebuilt" for a unit formed since,
    /// whose last year is rebuilt from its predecessors (named in `last_year_rebuilt_from`).
    var yearOnYearBasis: String?
    var yearOnYearUnits: Int?
    /// "của các phường Máy Chai, Vạn Mỹ và một phần phường Gia Viên (25% dân số)".
    var lastYearRebuiltFrom: String?
    var previous: String?
    var periodOnPeriod: ChangeDTO?
    var sentence: String
    var missing: [String]
    /// Why a part has no figure, by part (`value`, `percent_of_target`, `year_on_year`, `period_on_period`).
    var unavailable: [String: String]

    init(_ f: Figure, all: [String: Figure], missingUnits: [StoredUnit]?) {
        let words = FigureWords(f)
        indicator = f.indicator.code; name = f.indicator.name; unitOfMeasure = f.indicator.unitOfMeasure
        field = f.indicator.field
        value = f.current?.value.description; valueText = words.value
        status = f.current?.status.rawValue; qualifier = f.current?.qualifier?.rawValue
        draft = f.current?.isDraft
        coverage = f.current?.coverage.map { CoverageDTO($0, missing: missingUnits) }
        target = f.target?.value.description; targetKind = f.target?.kind.rawValue
        percentOfTarget = f.percentOfTarget?.description
        lastYear = f.lastYear?.value.description
        yearOnYear = f.yearOnYear.map { ChangeDTO($0, text: words.yearOnYear) }
        switch f.yearOnYearBasis {
        case .whole: yearOnYearBasis = f.lastYearRebuilt == nil ? "whole" : "rebuilt"
        case .matched(let m): yearOnYearBasis = "matched"; yearOnYearUnits = m.units
        case .unavailable: yearOnYearBasis = nil
        }
        lastYearRebuiltFrom = f.lastYearRebuilt?.words
        previous = f.previous?.value.description
        periodOnPeriod = f.periodOnPeriod.map { ChangeDTO($0, text: words.periodOnPeriod) }
        let sentence = ResultSentence.sentence(f, figures: all)
        self.sentence = sentence.text.capitalizingFirstLetter
        missing = sentence.missing
        unavailable = Dictionary(uniqueKeysWithValues: f.gaps.map { ($0.key.rawValue, $0.value) })
    }
}

struct FiguresDTO: Content {
    var unit: UnitDTO
    var period: PeriodDTO
    /// `chinh-thuc` or `lam-viec`, and what it holds.
    var view: String
    var viewStatement: String
    var figures: [FigureDTO]
}

/// Errors as JSON with a Vietnamese message.
struct APIError: Content {
    var error: String
}
