/// A letter as the person receiving it enters it: when and how it came, who wrote it, what it says, and its first
/// classification. `problems` says in Vietnamese what is missing or out of range, field by field.
public struct LetterInput: Hashable, Sendable {
    public var receivedOn: CivilDate?
    public var channel: LetterChannel
    /// The body that forwarded it (channel "chuyển đến").
    public var sentBy: String
    public var authorName: String
    public var authorAddress: String
    public var authorContact: String
    /// How many people signed it (đơn nhiều người đứng tên).
    public var signers: Int
    public var content: String
    public var kind: LetterKind
    /// 1 or 2: a first complaint or a second one about the same decision.
    public var round: Int
    public var remote: Bool

    public init(
        receivedOn: CivilDate?, channel: LetterChannel = .inPerson, sentBy: String = "", authorName: String,
        authorAddress: String = "", authorContact: String = "", signers: Int = 1, content: String,
        kind: LetterKind, round: Int = 1, remote: Bool = false
    ) {
        self.receivedOn = receivedOn; self.channel = channel; self.sentBy = sentBy; self.authorName = authorName
        self.authorAddress = authorAddress; self.authorContact = authorContact; self.signers = signers
        self.content = content; self.kind = kind; self.round = round; self.remote = remote
    }

    /// What cannot be stored as given; `today` bounds the day of receipt.
    public func problems(today: CivilDate) -> [String] {
        var p: [String] = []
        if let day = receivedOn {
            if day > today { p.append("Ngày nhận đơn: sau hôm nay") }
            if day.year < 2000 { p.append("Ngày nhận đơn: trước năm 2000") }
        } else {
            p.append("Ngày nhận đơn: chưa ghi hoặc không phải ngày")
        }
        if authorName.trimmingWhitespace().isEmpty {
            p.append("Người viết đơn: chưa ghi (đơn nặc danh thì ghi \"Nặc danh\")")
        }
        if content.trimmingWhitespace().isEmpty { p.append("Nội dung đơn: chưa ghi") }
        if channel == .forwarded && sentBy.trimmingWhitespace().isEmpty { p.append("Cơ quan chuyển đơn: chưa ghi") }
        if !(1...10_000).contains(signers) { p.append("Số người đứng tên: từ 1 đến 10.000") }
        if !(1...2).contains(round) { p.append("Lần khiếu nại: 1 hoặc 2") }
        if kind != .complaint && round != 1 { p.append("Lần hai chỉ có với khiếu nại") }
        for (text, limit) in [
            (authorName, TextLimit.displayName), (authorAddress, TextLimit.name),
            (authorContact, TextLimit.displayName),
            (sentBy, TextLimit.name), (content, TextLimit(field: "Nội dung đơn", maximum: 20_000)),
        ] {
            if let problem = limit.problem(text) { p.append(problem) }
        }
        return p
    }
}

/// A reception session as entered: the day, who received, regular or not, and the visits.
public struct ReceptionInput: Hashable, Sendable {
    public struct Visit: Hashable, Sendable {
        public var persons: Int
        /// A crowd (đoàn đông người: 5 people or more about one matter).
        public var crowd: Bool
        public var kind: LetterKind
        public var content: String
        public var action: ReceptionAction
        /// The case it is about, when one exists already; nil makes a new case.
        public var caseID: Int?

        public init(
            persons: Int, crowd: Bool = false, kind: LetterKind, content: String, action: ReceptionAction,
            caseID: Int? = nil
        ) {
            self.persons = persons; self.crowd = crowd; self.kind = kind; self.content = content
            self.action = action; self.caseID = caseID
        }
    }

    public var heldOn: CivilDate?
    public var host: ReceptionHost
    public var hostName: String
    public var regular: Bool
    public var place: String
    public var visits: [Visit]

    public init(
        heldOn: CivilDate?, host: ReceptionHost, hostName: String, regular: Bool, place: String = "",
        visits: [Visit]
    ) {
        self.heldOn = heldOn; self.host = host; self.hostName = hostName; self.regular = regular
        self.place = place; self.visits = visits
    }

    public func problems(today: CivilDate) -> [String] {
        var p: [String] = []
        if let day = heldOn {
            if day > today { p.append("Ngày tiếp: sau hôm nay") }
        } else {
            p.append("Ngày tiếp: chưa ghi hoặc không phải ngày")
        }
        if hostName.trimmingWhitespace().isEmpty { p.append("Người tiếp: chưa ghi") }
        if let problem = TextLimit.displayName.problem(hostName) { p.append(problem) }
        if let problem = TextLimit.name.problem(place) { p.append(problem) }
        if visits.count > 500 { p.append("Một buổi tiếp: tối đa 500 lượt") }
        for (i, v) in visits.enumerated() {
            let n = i + 1
            if !(1...10_000).contains(v.persons) { p.append("Lượt \(n): số người từ 1 đến 10.000") }
            if v.content.trimmingWhitespace().isEmpty { p.append("Lượt \(n): nội dung chưa ghi") }
            if let problem = TextLimit(field: "Lượt \(n): nội dung", maximum: 5_000).problem(v.content) {
                p.append(problem)
            }
            if v.crowd && v.persons < 5 { p.append("Lượt \(n): đoàn đông người từ 5 người trở lên") }
        }
        return p
    }
}
