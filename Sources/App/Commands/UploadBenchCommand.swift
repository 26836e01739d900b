import AsyncHTTPClient
import Foundation
import HavenDomain
import HavenVault
import NIOCore
import Vapor

/// `haven bench upload`: a large evidence file streamed in over HTTP on loopback while the server's memory is sampled,
/// and an unauthenticated 90 MB post that must be refused before its body is read.
struct UploadBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "megabytes", help: "Size of the evidence file (default 100)")
        var megabytes: Int?
        @Option(name: "data-dir", help: "Where to build the instance (default: a new temporary directory, removed afterwards)")
        var dataDirectory: String?
    }

    var help: String { "Measures a streamed evidence upload (throughput, memory) and the refusal of an unauthenticated large post." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let megabytes = max(1, signature.megabytes ?? 100)
        try await ThrowawayInstance.run(
            in: signature.dataDirectory, named: "bench-upload",
            adjust: {
                $0.evidenceMaximumBytes = (megabytes + 1) << 20
                $0.kdfParameters = KDFParameters(logN: 12, r: 8, p: 1)
                $0.connectionIdleTimeout = .seconds(1)
            }
        ) { app, _ in
            let pending = try await app.haven.setup.prepare(
                organisationName: "Bench", email: EmailAddress("admin@bench.invalid")!,
                password: Self.password)
            _ = try await app.haven.setup.commit(pending, actor: "bench", on: app.db)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = app.http.server.shared.localAddress?.port ?? 0
            var configuration = HTTPClient.Configuration()
            configuration.redirectConfiguration = .disallow
            let client = HTTPClient(eventLoopGroupProvider: .shared(app.eventLoopGroup), configuration: configuration)
            do {
                try await measure(app: app, client: client, port: port, megabytes: megabytes, context: context)
            } catch {
                try? await client.shutdown()
                throw error
            }
            try await client.shutdown()
        }
    }

    private func measure(app: Application, client: HTTPClient, port: Int, megabytes: Int, context: CommandContext) async throws {
        do {
            let session = try await BenchSession.signIn(
                client: client, base: "http://127.0.0.1:\(port)", email: "admin@bench.invalid",
                password: Self.password)
            let code = try await session.recordIncident()
            _ = try await upload(session, code: code, megabytes: 1)
            let idle = BenchFigures.residentMegabytes()
            let sampler = MemorySampler()
            let sampling = Task { await sampler.run() }
            let started = ContinuousClock.now
            let status = try await upload(session, code: code, megabytes: megabytes)
            let seconds = (ContinuousClock.now - started).seconds
            sampling.cancel()
            let peak = await sampler.peak
            let stored = try await Evidence.query(on: app.db).all().map(\.size).max() ?? 0
            guard status == .seeOther, stored == megabytes << 20 else {
                throw CommandFailure("the upload answered \(status) and stored \(stored) bytes")
            }
            let refusal = Self.unauthenticatedPost(port: port, code: code)
            // The refused connection is closed by the idle timeout (the server reads nothing more from it), before shutdown.
            try await Task.sleep(for: .seconds(2))
            context.console.print(
                """
                haven bench upload — one \(megabytes) MB evidence file streamed in over HTTP (client and server in one process)
                throughput                      \(String(format: "%.1f", Double(megabytes) / seconds)) MB/s (\(String(format: "%.2f", seconds)) s)
                resident memory                 \(String(format: "%.1f", idle)) MB idle, \(String(format: "%.1f", peak)) MB peak during the upload \
                (+\(String(format: "%.1f", peak - idle)) MB)
                unauthenticated 90 MB post      answered \(refusal.status) after \(String(format: "%.0f", refusal.milliseconds)) ms; \
                the client could push \(String(format: "%.1f", Double(refusal.pushed) / 1_048_576)) MB in all before the server stopped \
                reading (socket buffers included); no handler read any of it
                """)
            context.console.print(
                try BenchFigures.jsonLine([
                    "bench": "upload", "n": megabytes, "per_s": BenchFigures.rounded(Double(megabytes) / seconds),
                    "rss_mb": BenchFigures.rounded(peak), "rss_rise_mb": BenchFigures.rounded(peak - idle),
                    "refused_after_mb": BenchFigures.rounded(Double(refusal.pushed) / 1_048_576),
                ]))
        }
    }

    private static let password = "bench password for uploads only"

    /// Streams an evidence file of `megabytes` made on the fly (the client holds one megabyte at a time).
    private func upload(_ session: BenchSession, code: String, megabytes: Int) async throws -> HTTPResponseStatus {
        let token = try await session.token(at: "/app/incidents/\(code)")
        let boundary = "HavenBenchUpload"
        let head =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        let tail = "\r\n--\(boundary)--\r\n"
        let chunks = MegabyteChunks(head: ByteBuffer(string: head), count: megabytes, tail: ByteBuffer(string: tail))
        var request = HTTPClientRequest(url: session.base + "/app/incidents/\(code)/evidence")
        request.method = .POST
        request.headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        request.headers.add(name: .cookie, value: session.cookie)
        request.body = .stream(chunks, length: .known(Int64(head.utf8.count + (megabytes << 20) + tail.utf8.count)))
        let response = try await session.client.execute(request, timeout: .minutes(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status
    }

    /// Announces 90 MB to the evidence route without a session and sends as long as the server takes bytes.
    static func unauthenticatedPost(port: Int, code: String) -> (status: Int, pushed: Int, milliseconds: Double) {
        guard let connection = try? RawHTTP(port: port) else { return (0, 0, 0) }
        let started = ContinuousClock.now
        connection.send(
            "POST /app/incidents/\(code)/evidence HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: \(90 << 20)\r\n\r\n")
        var pushed = connection.send([UInt8](repeating: 0x41, count: 64 << 10))
        let status = RawHTTP.status(connection.response(within: 5))
        let milliseconds = (ContinuousClock.now - started).seconds * 1000
        pushed += connection.send([UInt8](repeating: 0x41, count: 90 << 20), patience: 1)
        return (status, pushed, milliseconds)
    }
}

/// The upload body: a head, `count` megabytes of filler made one buffer at a time, a tail.
struct MegabyteChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let head: ByteBuffer
    let count: Int
    let tail: ByteBuffer

    /// Yields the head, the megabytes and the tail.
    struct AsyncIterator: AsyncIteratorProtocol {
        let chunks: MegabyteChunks
        var index = -1
        let megabyte = ByteBuffer(repeating: 0x5A, count: 1 << 20)

        mutating func next() async -> ByteBuffer? {
            defer { index += 1 }
            if index == -1 { return chunks.head }
            if index < chunks.count { return megabyte }
            if index == chunks.count { return chunks.tail }
            return nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(chunks: self) }
}

/// The highest resident set size seen while it runs, sampled every 10 ms.
actor MemorySampler {
    private(set) var peak = BenchFigures.residentMegabytes()

    func run() async {
        while !Task.isCancelled {
            peak = max(peak, BenchFigures.residentMegabytes())
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
