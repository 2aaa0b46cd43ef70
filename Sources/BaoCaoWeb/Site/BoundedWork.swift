import NIOPosix
import Vapor

/// Slow work (password hashing, LibreOffice) on threads of its own, a few at a time, with a bounded queue. It can
/// never take the threads the database and the pages use, and a flood is told "busy" at once instead of piling up.
final class BoundedWork: Sendable {
    /// More work is waiting than the queue holds: answered 503 with a Vietnamese message and Retry-After.
    struct Busy: AbortError {
        let what: String
        var status: HTTPStatus { .serviceUnavailable }
        var reason: String { "Máy chủ đang bận \(what). Vui lòng thử lại sau ít giây." }
        var headers: HTTPHeaders { ["Retry-After": "5"] }
    }

    let name: String
    let threads: Int
    let queue: Int
    private let pool: NIOThreadPool
    private let gate: Gate

    /// `threads` run at once; up to `queue` more wait their turn; beyond that, `Busy`.
    init(name: String, threads: Int, queue: Int) {
        self.name = name; self.threads = threads; self.queue = queue
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        gate = Gate(capacity: threads + queue)
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        guard await gate.enter() else { throw Busy(what: name) }
        do {
            let result = try await pool.runIfActive(body)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    /// How many jobs are running or waiting now (for `/metrics`).
    func load() async -> Int { await gate.admitted }

    func shutdown() async throws { try await pool.shutdownGracefully() }

    private actor Gate {
        let capacity: Int
        var admitted = 0
        init(capacity: Int) { self.capacity = capacity }
        func enter() -> Bool {
            guard admitted < capacity else { return false }
            admitted += 1
            return true
        }
        func leave() { admitted -= 1 }
    }
}

/// The pools of one application, shut down with it.
struct WorkPools: Sendable {
    /// bcrypt: at most one per core at once, and a short queue; a login flood gets "busy" rather than slowing pages.
    let hashing: BoundedWork
    /// LibreOffice conversions: heavy processes, two at a time.
    let pdf: BoundedWork

    static func make() -> WorkPools {
        let cores = max(1, min(System.coreCount, 4))
        return WorkPools(
            hashing: BoundedWork(name: "xử lý đăng nhập", threads: cores, queue: 16 * cores),
            pdf: BoundedWork(name: "tạo tệp PDF", threads: 2, queue: 8))
    }

    func shutdown() async throws {
        try await hashing.shutdown()
        try await pdf.shutdown()
    }
}

/// Shuts the pools down when the application stops.
struct WorkPoolsLifecycle: LifecycleHandler {
    let pools: WorkPools
    func shutdownAsync(_ application: Application) async {
        try? await pools.shutdown()
    }
}
