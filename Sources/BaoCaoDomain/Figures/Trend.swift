/// One figure over the same period of several years, said honestly across a reorganisation: a period before the unit
/// was formed shows its predecessors' figure rebuilt (`Baseline`) and marked so; where the units a sum holds change
/// between two periods, the trend says so there, with who came and who went.
public struct Trend: Sendable {
    /// A unit a sum holds in a period.
    public struct Member: Hashable, Sendable {
        public var id: Int
        public var name: String
        public init(id: Int, name: String) { self.id = id; self.name = name }
    }

    public struct Point: Sendable {
        public var period: Period
        public var value: Amount?
        /// What the value was rebuilt from, when the unit did not exist in the period.
        public var rebuiltFrom: Baseline.Basis?
        /// The sub-units in force during the period (empty for a unit without any).
        public var members: [Member]

        public init(period: Period, value: Amount?, rebuiltFrom: Baseline.Basis? = nil, members: [Member] = []) {
            self.period = period; self.value = value; self.rebuiltFrom = rebuiltFrom; self.members = members
        }
    }

    /// Where the sub-units changed: between `points[index - 1]` and `points[index]`.
    public struct Change: Hashable, Sendable {
        public var index: Int
        public var added: [String]
        public var removed: [String]
    }

    public var unitName: String
    public var points: [Point]

    public init(unitName: String, points: [Point]) { self.unitName = unitName; self.points = points }

    public var changes: [Change] {
        points.indices.dropFirst().compactMap { i in
            let before = Set(points[i - 1].members), after = Set(points[i].members)
            guard before != after, !before.isEmpty || !after.isEmpty else { return nil }
            return Change(
                index: i, added: points[i].members.filter { !before.contains($0) }.map(\.name),
                removed: points[i - 1].members.filter { !after.contains($0) }.map(\.name))
        }
    }

    /// What a reader must know to read the line: each change of composition, then which values were rebuilt.
    public var notes: [String] { changeNotes + rebuiltNotes }

    /// "Từ 6 tháng đầu năm 2026, thành phố Hải Phòng gồm 4 đơn vị trực thuộc: thêm phường Hồng Bàng, …; không còn
    /// phường Máy Chai, … Số liệu trước và sau không cùng phạm vi."
    public var changeNotes: [String] {
        var notes: [String] = []
        for change in changes {
            let point = points[change.index]
            var parts: [String] = []
            if !change.added.isEmpty { parts.append("thêm " + Self.list(change.added)) }
            if !change.removed.isEmpty { parts.append("không còn " + Self.list(change.removed)) }
            notes.append(
                "Từ \(point.period.vietnameseName), \(unitName) gồm \(point.members.count) đơn vị trực thuộc: "
                    + parts.joined(separator: "; ") + ". Số liệu trước và sau không cùng phạm vi.")
        }
        return notes
    }

    /// "Số liệu 6 tháng đầu năm 2025 được tổng hợp lại từ số liệu của các phường Máy Chai, … khi phường Ngô Quyền chưa hình
    /// thành."
    public var rebuiltNotes: [String] {
        var notes: [String] = []
        var byBasis: [(basis: Baseline.Basis, periods: [Period])] = []
        for point in points {
            guard let basis = point.rebuiltFrom else { continue }
            if let i = byBasis.firstIndex(where: { $0.basis == basis }) {
                byBasis[i].periods.append(point.period)
            } else {
                byBasis.append((basis, [point.period]))
            }
        }
        for (basis, periods) in byBasis {
            notes.append(
                "Số liệu " + periods.map(\.vietnameseName).joined(separator: ", ") + " được tổng hợp lại từ số liệu "
                    + basis.words
                    + (basis.continuing == nil
                        ? ", khi \(unitName) chưa hình thành." : ", theo phạm vi của \(unitName) sau khi sắp xếp."))
        }
        return notes
    }

    /// Names, the first eight and how many more.
    static func list(_ names: [String]) -> String {
        guard names.count > 8 else { return names.joined(separator: ", ") }
        return names.prefix(8).joined(separator: ", ") + " và \(names.count - 8) đơn vị khác"
    }
}
