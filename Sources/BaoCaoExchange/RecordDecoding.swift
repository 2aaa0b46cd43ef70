import BaoCaoDomain

/// Turns rows of cells into records of one table.
enum RecordDecoding {
    static func decode(
        _ table: TableKind, _ cells: [String: String], _ location: SourceLocation,
        into dataset: inout Dataset
    ) -> [ImportProblem] {
        var row = RowDecoder(cells: cells, location: location)
        switch table {
        case .fields:
            let field = Field(
                code: row.code("code"), name: row.required("name"),
                position: row.int("position", default: 0, range: 0...100_000))
            dataset.fields.append(FieldRecord(field: field, location: location))
        case .units:
            let record = UnitRecord(
                code: row.code("code"), name: row.required("name"),
                kind: row.choice("kind") ?? .office, parent: row.optional("parent"),
                validFrom: row.date("valid_from"), validTo: row.date("valid_to"),
                location: location)
            if let from = record.validFrom, let to = record.validTo, to < from {
                row.fail("valid_to", "ngày hết hiệu lực trước ngày bắt đầu")
            }
            dataset.units.append(record)
        case .lineage:
            lineage(&row, location, into: &dataset)
        case .indicators:
            dataset.indicators.append(IndicatorRecord(indicator: indicator(&row), location: location))
        case .targets:
            dataset.targets.append(
                TargetRecord(
                    indicator: row.required("indicator"), unit: row.required("unit"),
                    year: row.int("year", range: 1900...2200), kind: row.choice("target_kind") ?? .plan,
                    value: row.amount("value"), setBy: row.optional("set_by"), note: row.optional("note"),
                    location: location))
        case .programme:
            let content = row.required("content")
            if content.count > 2_000 { row.fail("content", "dài quá 2.000 ký tự") }
            dataset.programme.append(
                ProgrammeRecord(
                    locality: row.required("locality"), year: row.int("year", range: 1900...2200),
                    month: row.int("month", range: 1...12), content: content, lead: row.required("lead"),
                    product: row.optional("product"), field: row.optional("field"),
                    coUnits: list(row.optional("co_units")),
                    assignedBy: row.optional("assigned_by"), location: location))
        case .tasks:
            let title = row.required("title")
            if title.count > 500 { row.fail("title", "dài quá 500 ký tự") }
            let content = row.optional("content") ?? ""
            if content.count > 2_000 { row.fail("content", "dài quá 2.000 ký tự") }
            var deadline = TaskDeadline.none
            if let text = row.optional("deadline") {
                if text.lowercased() == "thuong_xuyen" {
                    deadline = .recurring
                } else if let day = CivilDate(iso: text) {
                    deadline = .on(day)
                } else {
                    row.fail("deadline", "\"\(text)\" không hợp lệ: một ngày (2017-12-31), thuong_xuyen, hoặc để trống")
                }
            }
            dataset.tasks.append(
                TaskRow(
                    locality: row.required("locality"), title: title, content: content,
                    source: row.choice("source", default: TaskSource.other) ?? .other,
                    sourceRef: row.optional("source_ref"),
                    field: row.optional("field"),
                    priority: row.choice("priority", default: TaskPriority.normal) ?? .normal,
                    assignedBy: row.optional("assigned_by"), lead: row.required("lead"),
                    coUnits: list(row.optional("co_units")),
                    deadline: deadline, status: row.optional("status"), completedOn: row.date("completed_on"),
                    location: location))
        case .sessions:
            let term = row.required("term").uppercased()
            if !term.isEmpty && term.wholeMatch(of: /[IVXLC]{1,8}/) == nil {
                row.fail("term", "khóa viết bằng số La Mã (ví dụ XVIII)")
            }
            let opens = row.date("opens_on")
            if opens == nil && row.optional("opens_on") == nil { row.fail("opens_on", "thiếu giá trị bắt buộc") }
            dataset.sessions.append(
                SessionRow(
                    locality: row.required("locality"),
                    session: CouncilSession(
                        number: row.int("number", range: 1...99), term: term, opensOn: opens ?? CivilDate(2000, 1, 1),
                        answerDeadline: row.date("answer_deadline")), location: location))
        case .petitions:
            let words = row.required("words")
            if words.count > 5_000 { row.fail("words", "dài quá 5.000 ký tự") }
            let outcome: PetitionOutcome? =
                row.optional("outcome") == nil ? nil : row.choice("outcome", default: nil)
            let answer = row.optional("answer"), reason = row.optional("reason")
            if outcome != nil {
                for problem in PetitionAnswer.problems(outcome: outcome, answer: answer ?? "", reason: reason ?? "") {
                    row.fail(problem.hasPrefix("Lý do") ? "reason" : "answer", problem)
                }
            }
            dataset.petitions.append(
                PetitionRow(
                    locality: row.required("locality"), term: row.required("term").uppercased(),
                    session: row.int("session", range: 1...99), code: row.optional("code"),
                    heardAt: row.required("heard_at"), heardOn: row.date("heard_on"),
                    deputies: row.optional("deputies"),
                    words: words, field: row.optional("field"), sameAs: row.optional("same_as"),
                    assignedTo: row.optional("assigned_to"), forwardedTo: row.optional("forwarded_to"),
                    outcome: outcome,
                    answer: answer, reason: reason, location: location))
        case .receptions:
            let day = row.date("held_on")
            if day == nil && row.optional("held_on") == nil { row.fail("held_on", "thiếu giá trị bắt buộc") }
            dataset.receptions.append(
                ReceptionRow(
                    locality: row.required("locality"), heldOn: day,
                    host: row.choice("host", default: nil) ?? .office, hostName: row.required("host_name"),
                    regular: row.bool("regular", default: true), place: row.optional("place"),
                    session: row.optional("session"),
                    visit: ReceptionInput.Visit(
                        persons: row.int("persons", range: 1...10_000), crowd: row.bool("crowd", default: false),
                        kind: row.choice("kind", default: nil) ?? .petition, content: row.required("content"),
                        action: row.choice("action", default: nil) ?? .guided),
                    caseKey: row.optional("case"), location: location))
        case .letters:
            dataset.letters.append(letterRow(&row, location))
        case .calendars:
            var holidays = Set<CivilDate>()
            for text in (row.optional("holidays") ?? "").split(whereSeparator: { $0 == ";" || $0 == " " }) {
                if let date = CivilDate(iso: String(text)) {
                    holidays.insert(date)
                } else {
                    row.fail("holidays", "ngày \"\(text)\" không hợp lệ (dạng 2017-09-04; cách nhau bởi \";\")")
                }
            }
            let calendar = ReportCalendar(
                cutoffDay: row.int("cutoff_day", range: 1...28),
                deadlineWorkingDays: row.int("deadline_working_days", range: 1...30),
                holidays: holidays)
            dataset.calendars.append(
                CalendarRecord(province: row.required("province"), calendar: calendar, location: location))
        case .rules:
            let rule = ValidationRule(
                code: row.code("code"), left: row.required("left"),
                comparison: row.choice("operator", default: nil) ?? .lessOrEqual, right: row.required("right"),
                severity: row.choice("severity", default: RuleSeverity.error) ?? .error,
                missing: row.choice("missing", default: MissingValues.skipIfAny) ?? .skipIfAny,
                message: row.required("message"), unit: row.optional("unit"))
            for (column, text) in [("left", rule.left), ("right", rule.right)] where !text.isEmpty {
                do { _ = try Formula(text) } catch { row.fail(column, error.description) }
            }
            dataset.rules.append(RuleRecord(rule: rule, location: location))
        case .values:
            let observation = Observation(
                value: row.amount("value"),
                status: row.choice("status", default: ValueStatus.final) ?? .final,
                qualifier: qualifier(&row))
            dataset.values.append(
                ValueRecord(
                    indicator: row.required("indicator"), unit: row.required("unit"),
                    period: row.period("period"), observation: observation,
                    note: row.optional("note"), location: location))
        }
        // Within a row, problems read left to right, as the columns stand in the table.
        func rank(_ p: ImportProblem) -> Int { p.column.flatMap(table.columns.firstIndex(of:)) ?? -1 }
        return row.problems.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(
            \.element)
    }

    static func qualifier(_ row: inout RowDecoder) -> Qualifier? {
        guard let v = row.optional("qualifier") else { return nil }
        guard let q = Qualifier(text: v) else {
            row.fail("qualifier", "\"\(v)\" không hợp lệ; dùng gần, trên, hơn hoặc khoảng")
            return nil
        }
        return q
    }

    /// A verb cell: "-" means no verb ("Tên chỉ tiêu: 147 buổi").
    static func verb(_ cell: String?) -> String? { cell == "-" ? "" : cell }

    static func indicator(_ row: inout RowDecoder) -> Indicator {
        let d = Phrasing()
        let phrasing = Phrasing(
            estimateVerb: verb(row.optional("estimate_verb")) ?? d.estimateVerb,
            finalVerb: verb(row.optional("final_verb")) ?? d.finalVerb,
            moneyStyle: row.choice("money_style", default: d.moneyStyle) ?? d.moneyStyle,
            leadingZero: row.bool("leading_zero", default: d.leadingZero),
            targetVerb: row.optional("target_verb") ?? d.targetVerb,
            targetWords: row.optional("target_words"),
            connector: row.choice("connector", default: d.connector) ?? d.connector,
            namesComparisonYear: row.bool("names_comparison_year", default: d.namesComparisonYear),
            template: row.optional("template"),
            standalone: row.bool("standalone", default: true),
            trimsZeros: row.bool("trim_zeros", default: false))
        if let template = phrasing.template {
            for part in PhraseTemplate(template).unknownParts {
                row.fail(
                    "template",
                    "chỗ trống {\(part)} không có; dùng: " + PhraseTemplate.parts.sorted().joined(separator: ", "))
            }
        }
        for column in ["definition", "source"] {
            if let text = row.optional(column), let problem = TextLimit.definition.problem(text) {
                row.fail(column, problem)
            }
        }
        let formula = row.optional("formula")
        if let formula {
            do { _ = try Formula(formula) } catch { row.fail("formula", error.description) }
        }
        return Indicator(
            code: row.code("code"), name: row.required("name"), unitOfMeasure: row.required("unit_of_measure"),
            field: row.required("field"), ownerOffice: row.optional("owner_office"),
            unitAggregation: row.choice("unit_aggregation", default: UnitAggregation.sum) ?? .sum,
            timeAggregation: row.choice("time_aggregation", default: TimeAggregation.flow) ?? .flow,
            valueDecimals: row.int("value_decimals", default: 0, range: 0...4),
            targetDecimals: row.int("target_decimals", default: 2, range: 0...4),
            changeDecimals: row.int("change_decimals", default: 2, range: 0...4),
            changeStyle: row.choice("change_style", default: ChangeStyle.percent) ?? .percent,
            formula: formula, phrasing: phrasing, position: row.int("position", default: 0, range: 0...100_000),
            reportedBy: row.choice("reported_by", default: ReportingLevel.office) ?? .office,
            betterWhen: row.choice("better_when", default: BetterWhen.higher) ?? .higher,
            checks: CheckBounds(
                allowsNegative: row.bool("allow_negative", default: false),
                changePercent: row.int(
                    "warn_change_percent", default: CheckBounds.defaultChangePercent, range: 0...100_000),
                targetPercent: row.int(
                    "warn_target_percent", default: CheckBounds.defaultTargetPercent, range: 0...100_000)),
            definition: row.optional("definition"), source: row.optional("source"))
    }

    /// A line of a reorganisation: the part and its share checked here, the units and dates by the storage layer.
    static func lineage(_ row: inout RowDecoder, _ location: SourceLocation, into dataset: inout Dataset) {
        let effective = row.date("effective")
        if effective == nil && row.optional("effective") == nil { row.fail("effective", "thiếu giá trị bắt buộc") }
        let part: SuccessionPart = row.choice("part") ?? .part
        let share = row.optional("share").flatMap { _ in row.amount("share") }
        let basis: ShareBasis? = row.optional("share_basis") == nil ? nil : row.choice("share_basis")
        if let share {
            if part == .whole && share != Amount(100) {
                row.fail("share", "phần toàn bộ là 100%; bỏ trống hoặc ghi 100")
            } else if part == .part && !(share > .zero && share < Amount(100)) {
                row.fail("share", "tỷ lệ một phần phải lớn hơn 0 và nhỏ hơn 100 (phần trăm)")
            }
            if part == .part && basis == nil {
                row.fail("share_basis", "cần ghi tỷ lệ tính theo dân số (dan_so) hay diện tích (dien_tich)")
            }
        }
        // The same code on both sides is normal (phường Ngô Quyền took Máy Chai's 11329): the dates tell them apart.
        let successor = row.code("successor"), predecessor = row.code("predecessor")
        dataset.lineage.append(
            LineageRecord(
                effective: effective ?? CivilDate(2000, 1, 1), resolution: row.required("resolution"),
                resolutionDate: row.date("resolution_date"), article: row.optional("article"),
                successor: successor, successorName: row.optional("successor_name"), predecessor: predecessor,
                predecessorName: row.optional("predecessor_name"),
                succession: Succession(
                    part: part, share: part == .whole ? nil : share, basis: basis,
                    shareSource: row.optional("share_source")),
                location: location))
    }

    /// Codes separated by ";".
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension RecordDecoding {
    /// A letter's row: as received, then whatever of its handling the file gives.
    static func letterRow(_ row: inout RowDecoder, _ location: SourceLocation) -> LetterRow {
        let received = row.date("received_on")
        if received == nil && row.optional("received_on") == nil { row.fail("received_on", "thiếu giá trị bắt buộc") }
        let input = LetterInput(
            receivedOn: received, channel: row.choice("channel", default: LetterChannel.inPerson) ?? .inPerson,
            sentBy: row.optional("sent_by") ?? "", authorName: row.required("author_name"),
            authorAddress: row.optional("author_address") ?? "", authorContact: row.optional("author_contact") ?? "",
            signers: row.int("signers", default: 1, range: 1...10_000), content: row.required("content"),
            kind: row.choice("kind", default: nil) ?? .petition, round: row.int("round", default: 1, range: 1...2),
            remote: row.bool("remote", default: false))
        var extensions: [LetterRow.Extension] = []
        for item in (row.optional("extensions") ?? "").split(separator: ";") {
            let parts = item.split(separator: "|", maxSplits: 2).map { String($0).trimmingWhitespace() }
            guard parts.count == 3, let day = CivilDate(iso: parts[0]), let days = Int(parts[1]),
                (1...365).contains(days)
            else {
                row.fail("extensions", "\"\(item)\": dạng ngày|số ngày|quyết định, ví dụ 2019-03-20|30|QĐ số 12")
                continue
            }
            extensions.append(.init(decidedOn: day, days: days, document: parts[2]))
        }
        func whole(_ column: String) -> Int64? {
            guard let text = row.optional(column) else { return nil }
            guard let n = Int64(text.filter { $0 != "." }), (0...1_000_000_000_000_000_000).contains(n) else {
                row.fail(column, "\"\(text)\" không phải số nguyên từ 0 đến 10^18")
                return nil
            }
            return n
        }
        let eligible: Bool? = row.optional("eligible") == nil ? nil : row.bool("eligible", default: true)
        let inCompetence: Bool? = row.optional("in_competence") == nil ? nil : row.bool("in_competence", default: true)
        return LetterRow(
            locality: row.required("locality"), code: row.optional("code"), input: input, caseKey: row.optional("case"),
            sameAs: row.optional("same_as"), eligible: eligible, ineligibleReason: row.optional("ineligible_reason"),
            inCompetence: inCompetence,
            complexity: row.choice("complexity", default: CaseComplexity.ordinary) ?? .ordinary,
            handlerUnit: row.optional("handler_unit"), handler: row.optional("handler"),
            path: row.optional("path") == nil ? nil : row.choice("path", default: nil), pathOn: row.date("path_on"),
            pathDocument: row.optional("path_document"), forwardedTo: row.optional("forwarded_to"),
            extensions: extensions, resolvedOn: row.date("resolved_on"),
            decisionDocument: row.optional("decision_document"),
            outcome: row.optional("outcome") == nil ? nil : row.choice("outcome", default: nil),
            outcomeNote: row.optional("outcome_note"), returnedAmount: whole("returned_amount"),
            returnedLand: whole("returned_land"), location: location)
    }
}
