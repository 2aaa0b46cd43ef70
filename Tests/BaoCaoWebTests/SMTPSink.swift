import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A local SMTP server for the tests: accepts every message and keeps what it received (envelope and data).
final class SMTPSink: Sendable {
    struct Received: Sendable {
        var from: String
        var to: [String]
        var data: String
    }

    let received = NIOLockedValueBox<[Received]>([])
    let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    let port: Int
    let task: Task<Void, Never>

    init() async throws {
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        port = channel.channel.localAddress?.port ?? 0
        let (server, box) = (channel, received)
        task = Task {
            try? await server.executeThenClose { inbound in
                for try await connection in inbound { await Self.serve(connection, into: box) }
            }
        }
    }

    static func serve(
        _ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, into box: NIOLockedValueBox<[Received]>
    ) async {
        try? await connection.executeThenClose { inbound, outbound in
            func say(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
            try await say("220 sink ESMTP")
            var pending = "", message = Received(from: "", to: [], data: ""), inData = false
            for try await var buffer in inbound {
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
                while let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending = String(pending[end.upperBound...])
                    if inData {
                        if line == "." {
                            inData = false
                            box.withLockedValue { $0.append(message) }
                            message = Received(from: "", to: [], data: "")
                            try await say("250 kept")
                        } else {
                            message.data += line + "\r\n"
                        }
                    } else if line.hasPrefix("EHLO") {
                        try await say("250-sink")
                        try await say("250 8BITMIME")
                    } else if line.hasPrefix("MAIL FROM:") {
                        message.from = String(line.dropFirst(10))
                        try await say("250 ok")
                    } else if line.hasPrefix("RCPT TO:") {
                        message.to.append(String(line.dropFirst(8)))
                        try await say("250 ok")
                    } else if line == "DATA" {
                        inData = true
                        try await say("354 go on")
                    } else if line == "QUIT" {
                        try await say("221 bye")
                        return
                    } else {
                        try await say("502 what")
                    }
                }
            }
        }
    }

    var messages: [Received] { received.withLockedValue { $0 } }

    func stop() async {
        task.cancel()
        try? await channel.channel.close()
    }
}
