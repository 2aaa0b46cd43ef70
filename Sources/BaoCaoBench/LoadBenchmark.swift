import AsyncHTTPClient
import Foundation
import Vapor

/// Concurrent logged-in users against a running server (`baocao serve`, demo data), over real HTTP on this machine:
/// each logs in through the login form, then without pause opens its pages and now and then saves a draft.
/// Ward reporters open their entry form and save one figure; the compiler opens the district's dashboard and the
/// tracker. Reports requests per second, latency percentiles, refusals and errors, and the server's memory.
public struct LoadBenchmark: Sendable {
    public let base: String
    public let users: Int
    public let seconds: Int
    public let serverPID: Int32?

    public init(base: String, users: Int, seconds: Int, serverPID: Int32?) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.users = users; self.seconds = seconds; self.serverPID = serverPID
    }

    struct Tally: Sendable {
        var latencies: [UInt64] = []
        var byKind: [String: Int] = [:]
        var statuses: [UInt: Int] = [:]
        var errors: [String] = []
        /// The server's largest resident memory seen, in KB (the sampling task's only output).
        var peakRSS = 0
    }

    /// What each kind of user does, one step after another, round and round.
    static func steps(user: Int) -> (account: String, pages: [(kind: String, path: String)], save: (String, String)?) {
        switch user % 3 {
        case 0:
            return (
                "tonghop",
                [
                    ("tong-quan", "/tong-quan?unit=304&period=2017-H1&view=lam-viec"),
                    ("theo-doi", "/theo-doi?unit=304&period=2017-H1"),
                ], nil
            )
        default:
            let (account, unit) = user % 3 == 1 ? ("maychai.baocao", "304-P01") : ("mayto.baocao", "304-P02")
            return (account, [("nhap-lieu", "/nhap-lieu?unit=\(unit)&period=2017-H1")], (unit, ""))
        }
    }

    public func run() async throws -> [(measure: String, result: String, goal: String)] {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, users))
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let rows = try await measure(client)
            try await client.shutdown()
            return rows
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    func measure(_ client: HTTPClient) async throws -> [(measure: String, result: String, goal: String)] {
        // Everyone logs in first (not timed): bcrypt is slow on purpose.
        var sessions: [String] = []
        for user in 0..<users {
            sessions.append(try await login(client, Self.steps(user: user).account))
        }
        var peakRSS = serverRSS() ?? 0
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(seconds) * 1_000_000_000
        let tallies = try await withThrowingTaskGroup(of: Tally.self) { group in
            for user in 0..<users {
                let cookie = sessions[user]
                group.addTask { try await self.browse(client, user: user, cookie: cookie, until: deadline) }
            }
            // Sample the server's memory while the users run.
            group.addTask {
                var tally = Tally()
                while DispatchTime.now().uptimeNanoseconds < deadline {
                    if let rss = self.serverRSS() {
                        tally.peakRSS = max(tally.peakRSS, rss)
                    }
                    try await Task.sleep(nanoseconds: 250_000_000)
                }
                return tally
            }
            var all: [Tally] = []
            for try await tally in group { all.append(tally) }
            return all
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var latencies: [UInt64] = []
        var kinds: [String: Int] = [:]
        var statuses: [UInt: Int] = [:]
        var errors: [String] = []
        for tally in tallies {
            latencies += tally.latencies
            for (k, n) in tally.byKind { kinds[k, default: 0] += n }
            peakRSS = max(peakRSS, tally.peakRSS)
            for (s, n) in tally.statuses { statuses[s, default: 0] += n }
            errors += tally.errors
        }
        latencies.sort()
        func percentile(_ p: Double) -> String {
            guard !latencies.isEmpty else { return "–" }
            let index = min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)
            return String(format: "%.1f ms", Double(latencies[max(0, index)]) / 1e6)
        }
        let serverErrors = statuses.filter { $0.key >= 500 }.values.reduce(0, +)
        let conflicts = statuses[409] ?? 0
        let others = statuses.filter { ![200, 303, 409].contains($0.key) && $0.key < 500 }.values.reduce(0, +)
        var rows: [(measure: String, result: String, goal: String)] = [
            (
                "\(users) users without pause, \(seconds) s: requests served",
                "\(latencies.count) "
                    + "(" + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    + ")", ""
            ),
            ("page views and saves per second", String(format: "%.0f/s", Double(latencies.count) / elapsed), ""),
            ("latency p50 / p90 / p99", "\(percentile(0.5)) / \(percentile(0.9)) / \(percentile(0.99))", ""),
            (
                "server errors (5xx) and failed requests",
                "\(serverErrors + errors.count)"
                    + (errors.first.map { " (first: \($0))" } ?? ""), "0"
            ),
            ("saves refused as a conflict (two users, one figure: 409)", "\(conflicts)", ""),
            ("other refusals (4xx)", "\(others)", "0"),
        ]
        if peakRSS > 0 { rows.append(("server memory (RSS), peak while loaded", "\(peakRSS / 1024) MB", "< 200 MB")) }
        return rows
    }

    func browse(_ client: HTTPClient, user: Int, cookie: String, until deadline: UInt64) async throws -> Tally {
        var tally = Tally()
        let plan = Self.steps(user: user)
        var round = 0
        while DispatchTime.now().uptimeNanoseconds < deadline {
            for (kind, path) in plan.pages {
                let begun = DispatchTime.now().uptimeNanoseconds
                do {
                    // Every fourth round a reporter saves one figure of its form, its own (by user number) so that
                    // two users meet on one figure only when there are more users than figures. Only then is the
                    // page read as text: the load generator shares the server's cores, so it spends as little as
                    // it can.
                    let saving = plan.save != nil && round % 4 == 0
                    let (status, bytes) = try await get(client, path, cookie: cookie)
                    tally.latencies.append(DispatchTime.now().uptimeNanoseconds - begun)
                    tally.statuses[status, default: 0] += 1
                    tally.byKind[kind, default: 0] += 1
                    let body = saving ? String(buffer: bytes) : ""
                    let codes = saving ? Self.inputs(in: body) : []
                    if let (unit, _) = plan.save, saving, status == 200, !codes.isEmpty,
                        let token = Self.token(in: body)
                    {
                        let indicator = codes[(user / 3) % codes.count]
                        let value = 100 + (user * 7 + round) % 50
                        let saveBegun = DispatchTime.now().uptimeNanoseconds
                        let saved = try await post(
                            client, "/nhap-lieu",
                            [
                                "_csrf": token, "unit": unit, "period": "2017-H1", "buoc": "luu",
                                "v_\(indicator)": String(value),
                            ], cookie: cookie)
                        tally.latencies.append(DispatchTime.now().uptimeNanoseconds - saveBegun)
                        tally.statuses[saved, default: 0] += 1
                        tally.byKind["luu-nhap", default: 0] += 1
                    }
                } catch {
                    tally.errors.append("\(kind): \(error)")
                }
            }
            round += 1
        }
        return tally
    }

    func login(_ client: HTTPClient, _ account: String) async throws -> String {
        var request = HTTPClientRequest(url: base + "/dang-nhap")
        request.method = .GET
        let page = try await client.execute(request, timeout: .seconds(30))
        let preCookie = Self.cookie(page.headers, name: "baocao_csrf") ?? ""
        let body = String(buffer: try await page.body.collect(upTo: 1 << 20))
        let token = Self.token(in: body) ?? ""
        var post = HTTPClientRequest(url: base + "/dang-nhap")
        post.method = .POST
        post.headers.add(name: "Cookie", value: "baocao_csrf=\(preCookie)")
        post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        post.body = .bytes(
            ByteBuffer(string: Self.form(["_csrf": token, "ten": account, "mat_khau": "baocao@2017"])))
        let response = try await client.execute(post, timeout: .seconds(60))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .seeOther, let session = Self.cookie(response.headers, name: "baocao_phien") else {
            throw LoadError(description: "đăng nhập \(account) không được: \(response.status)")
        }
        return "baocao_phien=\(session)"
    }

    func get(_ client: HTTPClient, _ path: String, cookie: String) async throws -> (UInt, ByteBuffer) {
        var request = HTTPClientRequest(url: base + path)
        request.headers.add(name: "Cookie", value: cookie)
        let response = try await client.execute(request, timeout: .seconds(60))
        return (response.status.code, try await response.body.collect(upTo: 16 << 20))
    }

    func post(_ client: HTTPClient, _ path: String, _ fields: [String: String], cookie: String) async throws -> UInt {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.headers.add(name: "Cookie", value: cookie)
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: Self.form(fields)))
        let response = try await client.execute(request, timeout: .seconds(60))
        _ = try await response.body.collect(upTo: 16 << 20)
        return response.status.code
    }

    /// The server's resident memory in KB, from /proc (Linux), when its process id was given.
    func serverRSS() -> Int? {
        guard let serverPID,
            let status = try? String(contentsOfFile: "/proc/\(serverPID)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The indicator codes of the form's number inputs (`name="v_CODE"`).
    static func inputs(in html: String) -> [String] {
        html.components(separatedBy: "name=\"v_").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    static func cookie(_ headers: HTTPHeaders, name: String) -> String? {
        for value in headers["Set-Cookie"] where value.hasPrefix(name + "=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    static func form(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }

    struct LoadError: Error, CustomStringConvertible { let description: String }
}
