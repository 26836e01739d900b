import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one plain-text message through an SMTP server: EHLO, STARTTLS (required: a server that does not offer it gets
/// nothing), EHLO again under TLS, AUTH PLAIN when a user is configured, MAIL, RCPT, DATA (dot-stuffed), QUIT.
struct SMTPClient: Sendable {
    /// Why a message was not sent.
    enum Failure: Error, Equatable {
        /// The server answered a step with an unexpected code (the step's name and the code).
        case refused(step: String, code: Int)
        /// The server does not offer STARTTLS.
        case noStartTLS
        /// The connection closed or the answer could not be read.
        case broken
    }

    let settings: SMTPSettings
    let group: any EventLoopGroup

    /// A conversation that takes longer than this is cut off (a server that stops answering does not hold a task).
    static let deadline = TimeAmount.seconds(60)

    /// Sends `body` (already formatted, lines ending in CRLF) to one recipient.
    func send(to recipient: String, message body: String) async throws {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let cutOff = channel.channel.eventLoop.scheduleTask(in: Self.deadline) { channel.channel.close(promise: nil) }
        defer { cutOff.cancel() }
        try await channel.executeThenClose { inbound, outbound in
            var session = Session(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            try await session.expect(220, step: "greeting")
            let features = try await session.command("EHLO haven", expect: 250, step: "EHLO")
            guard features.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else { throw Failure.noStartTLS }
            _ = try await session.command("STARTTLS", expect: 220, step: "STARTTLS")
            try await startTLS(on: channel.channel)
            _ = try await session.command("EHLO haven", expect: 250, step: "EHLO")
            if let user = settings.username {
                let plain = Data(([0] + Array(user.utf8) + [0] + Array((settings.password ?? "").utf8))).base64EncodedString()
                _ = try await session.command("AUTH PLAIN \(plain)", expect: 235, step: "AUTH")
            }
            _ = try await session.command("MAIL FROM:<\(settings.from)>", expect: 250, step: "MAIL")
            _ = try await session.command("RCPT TO:<\(recipient)>", expect: 250, step: "RCPT")
            _ = try await session.command("DATA", expect: 354, step: "DATA")
            let stuffed = body.split(separator: "\r\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
            _ = try await session.command(stuffed + "\r\n.", expect: 250, step: "message")
            _ = try? await session.command("QUIT", expect: 221, step: "QUIT")
        }
    }

    /// Puts TLS under the conversation: the next bytes written start the handshake.
    private func startTLS(on channel: any Channel) async throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let roots = settings.extraTrustRoots { configuration.additionalTrustRoots = [.file(roots)] }
        let context = try NIOSSLContext(configuration: configuration)
        let host = settings.host
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: host)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
        }.get()
    }

    /// One conversation: commands out, multi-line answers in.
    private struct Session {
        var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        var pending = ""

        mutating func command(_ line: String, expect code: Int, step: String) async throws -> [String] {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
            return try await expect(code, step: step)
        }

        /// Reads one answer (`250-…` lines up to `250 …`); its text lines, or `Failure.refused` for another code.
        @discardableResult
        mutating func expect(_ code: Int, step: String) async throws -> [String] {
            var lines: [String] = []
            while true {
                let line = try await nextLine()
                guard line.count >= 3, let answered = Int(line.prefix(3)) else { throw Failure.broken }
                lines.append(String(line.dropFirst(4)))
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    guard answered == code else { throw Failure.refused(step: step, code: answered) }
                    return lines
                }
            }
        }

        private mutating func nextLine() async throws -> String {
            while true {
                if let range = pending.range(of: "\r\n") {
                    let line = String(pending[..<range.lowerBound])
                    pending.removeSubrange(..<range.upperBound)
                    return line
                }
                guard pending.utf8.count < 64 << 10, var buffer = try await inbound.next() else { throw Failure.broken }
                pending += buffer.readString(length: buffer.readableBytes) ?? ""
            }
        }
    }
}
