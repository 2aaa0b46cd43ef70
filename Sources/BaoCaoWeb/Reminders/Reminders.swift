import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Reminding a unit's reporters to send their figures: a notice in the application for each of them and, when the
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
        let path = "/nhap-lieu?unit=\(unit.code)&period=\(period.code)"
        var outcome = Outcome()
        for person in try await AccountRepository.holders(of: .reporter, on: unit.id, web.db) {
            guard
                let id = try await NotificationRepository.add(
                    accountID: person.accountID, unitID: unit.id, period: period, text: reminder.line, link: path,
                    key: reminder.key, by: user, web.db)
            else { continue }
            outcome.people += 1
            guard let address = person.email, let smtp = web.settings.smtp else { continue }
            let message = MailMessage(
                to: [address], subject: reminder.subject,
                body: reminder.body(to: person.displayName, link: web.settings.publicURL + path, from: sender))
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
