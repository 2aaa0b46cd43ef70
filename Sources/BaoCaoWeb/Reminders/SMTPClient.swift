import Foundation
import NIOCore
import NIOPosix

/// Where reminder e-mail goes: an SMTP server, normally the machine's own relay (postfix, or a sink in tests), which
/// does TLS and delivery to the outside. Plain SMTP, no authentication: the relay accepts from this host.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The sender address: "baocao@ngoquyen.haiphong.gov.vn".
    public var from: String
    /// The name the server says hello with.
    public var helo: String

    public init(host: String, port: Int = 25, from: String, helo: String = "baocao.localhost") {
        self.host = host; self.port = port; self.from = from; self.helo = helo
    }
}

/// One plain-text message in UTF-8: headers encoded for any mail client (RFC 2047 subject, base64 body).
public struct MailMessage: Sendable, Equatable {
    public var to: [String]
    public var subject: String
    public var body: String

    public init(to: [String], subject: String, body: String) {
        self.to = to; self.subject = subject; self.body = body
    }

    /// The message as sent after DATA (without the final "."), lines ending in CRLF.
    func rendered(from: String, date: Date = Date(), id: String = UUID().uuidString) -> String {
        let encodedSubject = "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let body = Data(body.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        let headers = [
            "From: BaoCao <\(from)>", "To: " + to.map { "<\($0)>" }.joined(separator: ", "),
            "Subject: \(encodedSubject)", "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(id)@\(from.split(separator: "@").last ?? "baocao")>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n"
    }

    static func rfc5322(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }
}

/// Sends a message over SMTP: connect, EHLO, MAIL FROM, RCPT TO each, DATA, QUIT; every reply checked, the whole
/// exchange bounded by a timeout. Errors say in Vietnamese what the server answered.
public enum SMTPClient {
    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    public static func send(
        _ message: MailMessage, via settings: SMTPSettings,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        timeout: Duration = .seconds(20)
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await exchange(message, settings, group) }
            tasks.addTask {
                try await Task.sleep(for: timeout)
                throw Failed(description: "máy chủ thư \(settings.host):\(settings.port) không trả lời kịp")
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }

    /// An address that can go between "<" and ">" of an SMTP command: no line break, no bracket, no space, one "@".
    public static func isSafe(_ address: String) -> Bool {
        let bad = address.unicodeScalars.contains {
            $0.value < 0x21 || $0.value == 0x7F || "<>\"".unicodeScalars.contains($0)
        }
        return !bad && address.split(separator: "@", omittingEmptySubsequences: false).count == 2
            && address.count <= 254
    }

    static func exchange(_ message: MailMessage, _ settings: SMTPSettings, _ group: any EventLoopGroup) async throws {
        for address in [settings.from] + message.to where !isSafe(address) {
            throw Failed(description: "địa chỉ thư \"\(address)\" không hợp lệ")
        }
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(10))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw Failed(description: "không kết nối được máy chủ thư \(settings.host):\(settings.port)")
        }
        try await channel.executeThenClose { inbound, outbound in
            var replies = Replies(iterator: inbound.makeAsyncIterator())
            func say(_ line: String, expect codes: Set<Int>) async throws {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                try await replies.expect(codes, after: line)
            }
            try await replies.expect([220], after: "(kết nối)")
            try await say("EHLO \(settings.helo)", expect: [250])
            try await say("MAIL FROM:<\(settings.from)>", expect: [250])
            for to in message.to { try await say("RCPT TO:<\(to)>", expect: [250, 251]) }
            try await say("DATA", expect: [354])
            try await outbound.write(ByteBuffer(string: message.rendered(from: settings.from) + ".\r\n"))
            try await replies.expect([250], after: "(nội dung thư)")
            try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    /// The server's replies, read line by line: a reply ends at the line with a space after its code.
    struct Replies {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending = ""

        mutating func next() async throws -> (code: Int, text: String) {
            var text: [String] = []
            while true {
                while let end = pending.range(of: "\r\n") ?? pending.range(of: "\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending = String(pending[end.upperBound...])
                    text.append(line)
                    if line.count >= 4, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
                    return (Int(line.prefix(3)) ?? 0, text.joined(separator: " "))
                }
                guard var buffer = try await iterator.next() else {
                    throw Failed(description: "máy chủ thư đóng kết nối")
                }
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
            }
        }

        mutating func expect(_ codes: Set<Int>, after command: String) async throws {
            let reply = try await next()
            guard codes.contains(reply.code) else {
                let what =
                    command.hasPrefix("RCPT") || command.hasPrefix("MAIL") ? command : command.prefix(12).description
                throw Failed(description: "máy chủ thư từ chối \(what): \(reply.text)")
            }
        }
    }
}
