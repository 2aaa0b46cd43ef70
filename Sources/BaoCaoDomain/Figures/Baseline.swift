/// The same-period-last-year figures of a unit that did not exist then, rebuilt from the units it was formed from:
/// a whole predecessor counts fully, a part by its share. Only additive figures are rebuilt (a rate or ratio is
/// recomputed by its formula from rebuilt numerator and denominator; an index, an average or any figure that does
/// not add up over units is not rebuilt, with the reason). The predecessors' own figures are read, never changed.
public enum Baseline {
    /// One predecessor: its name as the sentence says it, what kind of unit it was, and how it went in.
    public struct Source: Hashable, Sendable {
        public var name: String
        public var kind: UnitKind
        public var succession: Succession

        public init(name: String, kind: UnitKind, succession: Succession) {
            self.name = name; self.kind = kind; self.succession = succession
        }

        /// "Máy Chai" of "Phường Máy Chai".
        var properName: String {
            let word = kind.vietnameseName
            return name.lowercased().hasPrefix(word + " ") ? String(name.dropFirst(word.count + 1)) : name
        }
    }

    /// For a period the unit was formed within (2025-9M for a ward formed on 1 July 2025): the last month its
    /// predecessors' figures cover, and the unit itself, whose own figures make the months after. For a unit that
    /// continued and took others in (`Basis.continuing`): the unit, and the last month of what it took in (12 when
    /// that covers the whole period).
    public struct Joined: Hashable, Sendable {
        public var lastMonth: Int
        public var name: String
        public var kind: UnitKind

        public init(lastMonth: Int, name: String, kind: UnitKind) {
            self.lastMonth = lastMonth; self.name = name; self.kind = kind
        }

        /// "phường Ngô Quyền".
        var unitWords: String {
            "\(kind.vietnameseName) " + Source(name: name, kind: kind, succession: .init(part: .whole)).properName
        }
    }

    /// What a rebuilt figure stands on, as the sentence names it.
    public struct Basis: Hashable, Sendable {
        public var sources: [Source]
        public var joined: Joined?
        /// A unit that continues and took others in (thành phố Hải Phòng taking tỉnh Hải Dương): its own figure is
        /// part of the baseline, named first.
        public var continuing: Joined?

        public init(sources: [Source], joined: Joined? = nil, continuing: Joined? = nil) {
            self.sources = sources; self.joined = joined; self.continuing = continuing
        }

        /// "của các phường Máy Chai, Vạn Mỹ, Cầu Tre và một phần phường Gia Viên (35,5% dân số), Đông Khê (20% dân
        /// số)".
        public var words: String {
            let wholes = sources.filter { $0.succession.part == .whole }
            let parts = sources.filter { $0.succession.part == .part }
            func list(_ s: [Source], shares: Bool) -> String {
                let kinds = Set(s.map(\.kind))
                let names = s.map { source -> String in
                    let share = shares ? source.succession.shareWords : ""
                    return (kinds.count == 1 ? source.properName : "\(source.kind.vietnameseName) \(source.properName)")
                        + share
                }
                guard kinds.count == 1, let kind = kinds.first else { return names.joined(separator: ", ") }
                return (s.count > 1 && !shares ? "các " : "") + kind.vietnameseName + " "
                    + names.joined(separator: ", ")
            }
            var pieces: [String] = []
            if !wholes.isEmpty { pieces.append(list(wholes, shares: false)) }
            if !parts.isEmpty { pieces.append("một phần " + list(parts, shares: true)) }
            if let continuing {
                // "của thành phố Hải Phòng và tỉnh Hải Dương"; "… và của tỉnh Hải Dương đến hết tháng 6".
                let absorbed = pieces.joined(separator: " và ")
                return "của \(continuing.unitWords) và "
                    + (continuing.lastMonth < 12 ? "của \(absorbed) đến hết tháng \(continuing.lastMonth)" : absorbed)
            }
            let before = "của " + pieces.joined(separator: " và ")
            guard let joined else { return before }
            // "… đến hết tháng 6 và của phường Ngô Quyền từ tháng 7".
            return before
                + " đến hết tháng \(joined.lastMonth) và của \(joined.unitWords) từ tháng \(joined.lastMonth + 1)"
        }

        /// The footnote a report puts where it compares with a rebuilt figure: "So với cùng kỳ năm 2025 của các
        /// phường Máy Chai, Vạn Mỹ và một phần phường Gia Viên (35% dân số); số liệu cùng kỳ được tổng hợp lại từ số
        /// liệu của các đơn vị trước khi sắp xếp."
        public func footnote(year: Int) -> String {
            "So với cùng kỳ năm \(year) \(words); số liệu cùng kỳ được tổng hợp lại từ số liệu của các đơn vị trước "
                + "khi sắp xếp."
        }
    }

    /// The rebuilt figures by indicator code, and for each indicator that gets none, why.
    public struct Rebuilt: Sendable, Equatable {
        public var observations: [String: Observation] = [:]
        public var gaps: [String: String] = [:]
        public var basis: Basis
        /// The period the observations cover: the compared period, or for a unit formed within it, its months
        /// before the unit was formed (joined to the unit's own months after by `FigureAssembler`).
        public var span: Period?
        /// The observations are what a continuing unit took in: `FigureAssembler` adds the unit's own figure.
        public var continuing: Bool { basis.continuing != nil }
    }

    /// Rebuilds `indicators` from each predecessor's figure of the period (`figures`, by code, in the order of
    /// `sources`). Derived indicators are left to their formula.
    public static func rebuild(
        _ indicators: [Indicator], sources: [Source], figures: [[String: Observation]], span: Period? = nil,
        joined: Joined? = nil, continuing: Joined? = nil
    ) -> Rebuilt {
        var result = Rebuilt(basis: Basis(sources: sources, joined: joined, continuing: continuing), span: span)
        let unshared = sources.filter { $0.succession.percent == nil }
        for indicator in indicators where !indicator.isDerived {
            let code = indicator.code
            if !unshared.isEmpty {
                result.gaps[code] =
                    "chưa có tỷ lệ của phần "
                    + unshared.map { "\($0.kind.vietnameseName) \($0.properName)" }.joined(separator: ", ")
                    + " đã vào đơn vị này: cần nhập tỷ lệ (dân số hoặc diện tích) để dựng số liệu cùng kỳ"
                continue
            }
            guard indicator.unitAggregation == .sum else {
                result.gaps[code] =
                    "chỉ tiêu không cộng được giữa các đơn vị (chỉ số, tỷ lệ, bình quân): không dựng lại số liệu cùng kỳ từ các đơn vị cũ"
                continue
            }
            var total = Amount.zero
            var used: [Observation] = []
            var missing: [String] = []
            var overflow = false
            for (source, byCode) in zip(sources, figures) {
                guard let o = byCode[code], o.isComplete else {
                    missing.append("\(source.kind.vietnameseName) \(source.properName)")
                    continue
                }
                guard let percent = source.succession.percent, let share = o.value.percent(percent),
                    let sum = total.adding(share)
                else {
                    overflow = true
                    continue
                }
                total = sum
                used.append(o)
            }
            if !missing.isEmpty {
                result.gaps[code] = "chưa có số liệu cùng kỳ của " + missing.joined(separator: ", ")
            } else if overflow {
                result.gaps[code] = "số liệu cùng kỳ dựng lại vượt giới hạn tính toán"
            } else {
                result.observations[code] = Observation(
                    value: total, status: used.contains { $0.status == .estimate } ? .estimate : .final,
                    isDraft: used.contains(where: \.isDraft))
            }
        }
        return result
    }
}

extension Amount {
    /// `percent`% of this amount, rounded half away from zero to four decimals; nil when it cannot be represented.
    public func percent(_ percent: Amount) -> Amount? {
        // self × (percent.scaled ÷ 10⁴) ÷ 100, as ratio's lhs × numerator ÷ denominator with the scales folded in.
        Amount.ratio(self, times: percent.scaled, over: Amount(1_000_000))
    }
}
