import Crypto
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

@Suite("Uploads stream, and a refused body is not read")
struct UploadTests {
    static func port(_ haven: TestHaven) -> Int { Int(haven.baseURL.split(separator: ":").last!)! }

    /// A request head announcing a body of `length` bytes.
    static func head(_ path: String, length: Int, cookies: [String: String] = [:], boundary: String = "B") -> String {
        let cookie = cookies.isEmpty ? "" : "Cookie: " + cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") + "\r\n"
        return "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\n"
            + "Content-Length: \(length)\r\n\(cookie)\r\n"
    }

    static func field(_ name: String, _ value: String) -> String {
        "--B\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
    }

    static func fileStart(_ name: String) -> String {
        "--B\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    }

    /// Sends the start of a 90 MB body and expects the answer before the rest; then checks the server takes no more than
    /// what socket buffers hold.
    static func expectAnsweredEarly(_ connection: RawHTTP, start: String, status: Int, _ what: String) {
        connection.send(start)
        connection.send([UInt8](repeating: 0x41, count: 64 << 10))
        let answer = connection.response(within: 15)
        #expect(RawHTTP.status(answer) == status, "\(what): \(answer.prefix(120))")
        let pushed = connection.send([UInt8](repeating: 0x41, count: 60 << 20), patience: 0.5)
        #expect(pushed < 30 << 20, "\(what): the server went on reading (\(pushed) more bytes taken)")
    }

    @Test("a refused post is answered before its body is read: from nobody, with a wrong token, to an unknown path, too large")
    func refusedEarly() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            let port = Self.port(haven)
            let evidence = "/app/incidents/\(code)/evidence"
            let before = try await Evidence.query(on: haven.db).count()

            Self.expectAnsweredEarly(
                try RawHTTP(port: port), start: Self.head(evidence, length: 90 << 20) + Self.fileStart("file"),
                status: 401, "nobody")
            Self.expectAnsweredEarly(
                try RawHTTP(port: port),
                start: Self.head(evidence, length: 90 << 20, cookies: admin.cookies)
                    + Self.field("csrf", "forged") + Self.fileStart("file"), status: 403, "a wrong token")
            Self.expectAnsweredEarly(
                try RawHTTP(port: port),
                start: Self.head(evidence, length: 90 << 20, cookies: admin.cookies)
                    + Self.fileStart("file"), status: 403, "no token before the file")
            Self.expectAnsweredEarly(
                try RawHTTP(port: port), start: Self.head("/reportXYZ", length: 68 << 20), status: 404, "an unknown path")
            Self.expectAnsweredEarly(
                try RawHTTP(port: port), start: Self.head("/report/helpX", length: 68 << 20), status: 404, "an unknown kind")
            Self.expectAnsweredEarly(
                try RawHTTP(port: port), start: Self.head(evidence, length: 200 << 20, cookies: admin.cookies),
                status: 413, "more than the limit announced")

            // A reporter without a session gets the form back with the text, before the file is read.
            let intake = try RawHTTP(port: port)
            intake.send(
                Self.head("/report/help", length: 90 << 20) + Self.field("narrative", "They came at night")
                    + Self.fileStart("attachments[]"))
            intake.send([UInt8](repeating: 0x41, count: 64 << 10))
            let answer = intake.response(within: 15)
            #expect(RawHTTP.status(answer) == 422 && answer.contains("They came at night"), "\(answer.prefix(200))")
            #expect(intake.send([UInt8](repeating: 0x41, count: 60 << 20), patience: 1) < 30 << 20)

            #expect(try await Evidence.query(on: haven.db).count() == before)
            #expect(try await Report.query(on: haven.db).count() == 0)
            let leftovers =
                (try? FileManager.default.contentsOfDirectory(atPath: haven.dataDirectory.appendingPathComponent("files").path)) ?? []
            #expect(leftovers.isEmpty, "no sealed or partial file stays behind: \(leftovers)")
            #expect(try await admin.get("/app").status == .ok)
        }
    }

    @Test("an evidence file streams in sealed and back out intact; a too large one is refused and leaves nothing behind")
    func streamsIntact() async throws {
        try await withHaven(adjust: { $0.evidenceMaximumBytes = 6 << 20 }) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let code = try await recordIncident(admin)
            let file = Data((0..<(5 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
            let uploaded = try await admin.submitMultipart(
                "/app/incidents/\(code)/evidence", [("source", "")], files: [("file", "scan.bin", file)])
            #expect(uploaded.status == .seeOther)
            let page = try await admin.follow(uploaded)
            let id = try #require(page.firstMatch(#"/evidence/([0-9A-F-]{36})""#))
            #expect(page.body.contains(SHA256.hash(data: file).map { String(format: "%02x", $0) }.joined()))
            let download = try await admin.get("/app/incidents/\(code)/evidence/\(id)")
            #expect(download.bytes == file)
            let stored = try #require(try await Evidence.find(UUID(uuidString: id), on: haven.db))
            let onDisk = try Data(contentsOf: haven.dataDirectory.appendingPathComponent("files/\(stored.storedName)"))
            #expect(onDisk.count > file.count && onDisk.range(of: file.prefix(64)) == nil)

            let tooLarge = try await admin.submitMultipart(
                "/app/incidents/\(code)/evidence", [], files: [("file", "big.bin", Data(count: 7 << 20))])
            #expect(
                tooLarge.status == .payloadTooLarge
                    && tooLarge.body.contains(haven.app.haven.localization.string("evidence_too_large", .en)))
            #expect(try await Evidence.query(on: haven.db).count() == 1)
            let files = try FileManager.default.contentsOfDirectory(atPath: haven.dataDirectory.appendingPathComponent("files").path)
            #expect(files == [stored.storedName], "the refused file's partial copy is gone")
        }
    }

    @Test("uploads beyond the bound are refused at once; a stalled one is dropped and frees its place")
    func boundedAndTimed() async throws {
        try await withHaven(adjust: {
            $0.concurrentUploads = 1
            $0.connectionIdleTimeout = .seconds(5)
        }) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            // A new connection for every request: the short idle timeout would otherwise close kept-alive ones under it.
            admin.headers.add(name: .connection, value: "close")
            let code = try await recordIncident(admin)
            _ = try await admin.get("/app/incidents/\(code)")
            let token = try #require(admin.csrfToken)
            let stalled = try RawHTTP(port: Self.port(haven))
            stalled.send(
                Self.head("/app/incidents/\(code)/evidence", length: 10 << 20, cookies: admin.cookies)
                    + Self.field("csrf", token) + Self.fileStart("file"))
            stalled.send([UInt8](repeating: 0x42, count: 100 << 10))
            for _ in 0..<200 where await haven.app.haven.uploads.runningCount == 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(await haven.app.haven.uploads.runningCount == 1, "the stalled upload holds the one place")
            let second = try await admin.submitMultipart("/app/incidents/\(code)/evidence", [], files: [("file", "a.txt", Data("a".utf8))])
            #expect(second.status == .serviceUnavailable && second.headers.first(name: .retryAfter) != nil, "\(second.status)")
            // The idle timeout leaves room for a slow answer while the whole suite runs; the stalled body is idle longer.
            try await Task.sleep(for: .seconds(6))
            let third = try await admin.submitMultipart("/app/incidents/\(code)/evidence", [], files: [("file", "a.txt", Data("a".utf8))])
            #expect(third.status == .seeOther, "the stalled upload's connection was closed and its place freed")
            #expect(try await Evidence.query(on: haven.db).count() == 1)
        }
    }
}
