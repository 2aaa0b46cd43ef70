import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Reminding a unit's reporters to send their figures (and a task's lead unit to do it): a notice in the application for each of them and, when the
/// server has an SMTP relay and the person an address, an e-mail. A compiler asks for one ("Nhắc" on the tracker);
/// the schedule sends them before and after the deadline (`ReminderSchedule`), once a day at most.
enum Reminders {
    struct Outcome: Sendable {
        var people = 0
        var emailed = 0
        var problems: [String] = []
    }

    static func remind(
        _ kind: Reminder.Kind, unit: StoredUnit, period: Period, deadline: CivilDate, by user: String,
        sender: String?, web: Web
    ) async throws -> Outcome {
        let reminder = Reminder(
            kind: kind, unitName: unit.fullName, period: period, deadline: deadline, today: web.settings.today())
        return try await deliver(
            to: try await AccountRepository.holders(of: .reporter, on: unit.id, web.db), unitID: unit.id,
            period: period, line: reminder.line, path: "/nhap-lieu?unit=\(unit.code)&period=\(period.code)",
            key: reminder.key, subject: reminder.subject, by: user, web: web
        ) { name, link in reminder.body(to: name, link: link, from: sender) }
    }

    /// Reminds a task's lead unit (its reporters and its head) that the task is due or overdue.
    static func remind(task: StoredTask, unit: StoredUnit, by user: String, web: Web) async throws -> Outcome {
        guard let deadline = task.record.deadline.date else { return Outcome() }
        return try await remind(
            DueReminder(
                .task(id: task.id, title: task.draft.title), unitName: ReportTasks.leadName(unit), deadline: deadline,
                today: web.settings.today()), unit: unit, path: "/nhiem-vu/\(task.id)", by: user, web: web)
    }

    /// Reminds the people of the unit something is given to (its reporters and its head).
    static func remind(
        _ reminder: DueReminder, unit: StoredUnit, path: String, by user: String, web: Web
    ) async throws -> Outcome {
        var people: [Recipient] = []
        for role in [Role.reporter, .approver] {
            for person in try await AccountRepository.holders(of: role, on: unit.id, web.db)
            where !people.contains(where: { $0.accountID == person.accountID }) {
                people.append(person)
            }
        }
        return try await deliver(
            to: people, unitID: unit.id, period: nil, line: reminder.line, path: path, key: reminder.key,
            subject: reminder.subject, by: user, web: web
        ) { name, link in reminder.body(to: name, link: link) }
    }

    /// A notice to each person and, where the server has an SMTP relay and the person an address, an e-mail.
    static func deliver(
        to people: [Recipient], unitID: Int, period: Period?, line: String, path: String,
        key: String?, subject: String, by user: String, web: Web,
        body: (_ name: String, _ link: String) -> String
    ) async throws -> Outcome {
        var outcome = Outcome()
        for person in people {
            guard
                let id = try await NotificationRepository.add(
                    accountID: person.accountID, unitID: unitID, period: period, text: line, link: path,
                    key: key, by: user, web.db)
            else { continue }
            outcome.people += 1
            guard let address = person.email, let smtp = web.settings.smtp else { continue }
            let message = MailMessage(
                to: [address], subject: subject, body: body(person.displayName, web.settings.publicURL + path))
            do {
                try await SMTPClient.send(message, via: smtp)
                outcome.emailed += 1
                try await NotificationRepository.emailed(id, to: address, error: nil, web.db)
            } catch {
                let why = (error as? SMTPClient.Failed)?.description ?? "\(error)"
                outcome.problems.append("\(person.displayName): \(why)")
                try await NotificationRepository.emailed(id, to: address, error: why, web.db)
                Logger(label: "baocao.nhac").warning("thư nhắc không gửi được: \(address): \(why)")
            }
        }
        return outcome
    }

    /// The schedule's reminders due today: for each unit someone reports for, each of the year's usual reports
    /// (6 tháng, 9 tháng, năm, this year's and last year's) not sent, before or after its deadline. Returns how many
    /// people were reminded.
    @discardableResult
    static func runSchedule(web: Web) async throws -> Int {
        let tree = try await web.tree()
        let today = web.settings.today()
        var reminded = 0
        let units = try await AccountRepository.unitsWithHolders(of: .reporter, web.db).compactMap { tree.byID[$0] }
        let periods = [today.year - 1, today.year].flatMap { y in
            [Period.firstMonths(y, 6), .firstMonths(y, 9), .year(y)]
        }
        for unit in units {
            let calendar = try await CalendarRepository.calendar(for: unit, units: tree.units, web.db)
            let submissions = try await periods.asyncMap {
                ($0, try await SubmissionRepository.submission(unitID: unit.id, period: $0, web.db))
            }
            for (period, submission) in submissions where tree.isInForce(unit, during: period) {
                let deadline = calendar.window(for: period).deadline
                guard
                    let kind = web.settings.reminders.due(
                        deadline: deadline, today: today, delivered: submission.status.isDelivered)
                else { continue }
                reminded += try await remind(
                    kind, unit: unit, period: period, deadline: deadline, by: "he-thong", sender: nil, web: web
                ).people
            }
        }
        return reminded + (try await runTaskSchedule(web: web)) + (try await runPetitionSchedule(web: web))
            + (try await runLetterSchedule(web: web))
    }

    /// The schedule's reminders of tasks due today: each assigned task not completed, with a deadline, before it
    /// and after it as `ReminderSchedule` says. Returns how many people were reminded.
    static func runTaskSchedule(web: Web) async throws -> Int {
        let tree = try await web.tree()
        let today = web.settings.today()
        var reminded = 0
        for task in try await TaskRepository.list(.init(), web.db) where task.record.completedOn == nil {
            guard let deadline = task.record.deadline.date, let unit = task.draft.leadUnitID.flatMap({ tree.byID[$0] }),
                web.settings.reminders.due(deadline: deadline, today: today, delivered: false) != nil
            else { continue }
            reminded += try await remind(task: task, unit: unit, by: "he-thong", web: web).people
        }
        return reminded
    }
}

extension Reminders {
    /// The schedule's reminders of voters' petitions: each given to an office and not answered, against its
    /// session's answer deadline. Returns how many people were reminded.
    static func runPetitionSchedule(web: Web) async throws -> Int {
        let tree = try await web.tree()
        let today = web.settings.today()
        var reminded = 0
        for session in try await PetitionRepository.sessions(web.db) {
            guard let due = session.session.answerDeadline, let locality = tree.byID[session.localityID],
                web.settings.reminders.due(deadline: due, today: today, delivered: false) != nil
            else { continue }
            for p in try await PetitionRepository.list(sessionID: session.id, web.db)
            where p.sameAs == nil && p.outcome == nil {
                guard let unit = p.assignedUnitID.flatMap({ tree.byID[$0] }) else { continue }
                let reminder = DueReminder(
                    .petition(id: p.id, words: p.words, session: session.session.name(councilOf: locality.kindWords)),
                    unitName: ReportTasks.leadName(unit), deadline: due, today: today)
                reminded += try await remind(reminder, unit: unit, path: "/kien-nghi/\(p.id)", by: "he-thong", web: web)
                    .people
            }
        }
        return reminded
    }
}

extension Reminders {
    /// The schedule's reminders of complaints and denunciations against their legal limit (acceptance, then
    /// resolution): to the person handling the letter, else to the people of the office handling it. The message
    /// names the letter's number and kind, never its content or author. Returns how many people were reminded.
    static func runLetterSchedule(web: Web) async throws -> Int {
        let tree = try await web.tree()
        let today = web.settings.today()
        let rules = try await LegalRules.load(web.db)
        let calendars = try await CalendarRepository.all(web.db)
        var reminded = 0
        for letter in try await LetterRepository.running(web.db) {
            let calendar = tree.ancestry(of: letter.localityID).lazy.compactMap { calendars[$0] }.first
            let timing = letter.timing(
                today: today, rules: rules.clocks, counter: LegalDayCounter(calendar: calendar ?? .decree09))
            guard let deadline = timing.deadline,
                web.settings.reminders.due(deadline: deadline.date, today: today, delivered: false) != nil,
                let unit = letter.handlerUnitID.flatMap({ tree.byID[$0] }) ?? tree.byID[letter.localityID]
            else { continue }
            let reminder = DueReminder(
                .letter(id: letter.id, kind: letter.kind, step: deadline.rule.step),
                unitName: ReportTasks.leadName(unit), deadline: deadline.date, today: today)
            let path = "/tiep-dan/don/\(letter.id)"
            if let handler = letter.handler,
                let person = try await AccountRepository.recipient(username: handler, web.db)
            {
                reminded += try await deliver(
                    to: [person], unitID: unit.id, period: nil, line: reminder.line, path: path, key: reminder.key,
                    subject: reminder.subject, by: "he-thong", web: web
                ) { name, link in reminder.body(to: name, link: link) }.people
            } else if letter.handlerUnitID != nil {
                reminded += try await remind(reminder, unit: unit, path: path, by: "he-thong", web: web).people
            }
        }
        return reminded
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(count)
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
