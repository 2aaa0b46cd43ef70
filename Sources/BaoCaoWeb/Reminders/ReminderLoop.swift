import NIOConcurrencyHelpers
import Vapor

/// Runs the reminder schedule while the server runs: at start, then every `interval`. A failed round is logged and
/// the next one tries again.
final class ReminderLoop: LifecycleHandler, Sendable {
    let web: Web
    let interval: Duration
    let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(web: Web, interval: Duration) {
        self.web = web; self.interval = interval
    }

    func didBootAsync(_ application: Application) async throws {
        let (web, interval) = (self.web, self.interval)
        task.withLockedValue {
            $0 = Task {
                let logger = Logger(label: "baocao.nhac")
                while !Task.isCancelled {
                    do {
                        let n = try await Reminders.runSchedule(web: web)
                        if n > 0 { logger.info("đã nhắc tự động \(n) người") }
                    } catch {
                        logger.error("lịch nhắc lỗi: \(error)")
                    }
                    try? await Task.sleep(for: interval)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
    }
}
