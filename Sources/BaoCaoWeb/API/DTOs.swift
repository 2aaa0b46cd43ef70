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

struct FigureDTO: Content {
    var indicator: String
    var name: String
    var unitOfMeasure: String
    var field: String
    var value: String?
    var valueText: String?
    var status: String?
    var qualifier: String?
    var target: String?
    var targetKind: String?
    var percentOfTarget: String?
    var lastYear: String?
    var yearOnYear: ChangeDTO?
    var previous: String?
    var periodOnPeriod: ChangeDTO?
    var sentence: String
    var missing: [String]

    init(_ f: Figure, all: [String: Figure]) {
        let words = FigureWords(f)
        indicator = f.indicator.code; name = f.indicator.name; unitOfMeasure = f.indicator.unitOfMeasure
        field = f.indicator.field
        value = f.current?.value.description; valueText = words.value
        status = f.current?.status.rawValue; qualifier = f.current?.qualifier?.rawValue
        target = f.target?.value.description; targetKind = f.target?.kind.rawValue
        percentOfTarget = f.percentOfTarget?.description
        lastYear = f.lastYear?.value.description
        yearOnYear = f.yearOnYear.map { ChangeDTO($0, text: words.yearOnYear) }
        previous = f.previous?.value.description
        periodOnPeriod = f.periodOnPeriod.map { ChangeDTO($0, text: words.periodOnPeriod) }
        let sentence = ResultSentence.sentence(f, figures: all)
        self.sentence = sentence.text.capitalizingFirstLetter
        missing = sentence.missing
    }
}

struct FiguresDTO: Content {
    var unit: UnitDTO
    var period: PeriodDTO
    var figures: [FigureDTO]
}

/// Errors as JSON with a Vietnamese message.
struct APIError: Content {
    var error: String
}
