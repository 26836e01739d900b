import Foundation
import HavenTestSupport
import MultipartKit
import Testing
import Vapor

@testable import App

@Suite("No input stalls the server")
struct StallTests {
    @Test("query parameters a public page does not read never make another cached page")
    func cacheKeys() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let slug = try await writePublication(admin)
            let reader = haven.browser()
            for number in 0..<60 {
                #expect(try await reader.get("/news?x=\(number)&utm=\(number)").status == .ok)
                #expect(try await reader.get("/p/\(slug)?x=\(number)").status == .ok)
                #expect(try await reader.get("/news?page=abc\(number)").status == .ok)
            }
            #expect(haven.app.haven.publicPages.count == 2, "one page for /news (page 1) and one for the publication")
            #expect(try await reader.get("/news?page=2").status == .ok)
            #expect(haven.app.haven.publicPages.count == 3)
            #expect(
                try ContentConfiguration.global.requireDecoder(for: .urlEncodedForm) is FormDecoder,
                "forms are read by Haven's linear decoder")
            #expect(try ContentConfiguration.global.requireURLDecoder() is FormDecoder, "so are query strings")
        }
    }

    @Test("a publication body of 40,000 opening brackets saves and renders like any other")
    func bracketBody() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let started = ContinuousClock.now
            let slug = try await writePublication(admin, publicationFields(body: String(repeating: "[", count: 40_000)))
            #expect(try await haven.browser().get("/p/\(slug)").status == .ok)
            let elapsed = ContinuousClock.now - started
            // A quadratic parser took minutes here; 30 s leaves room for a loaded CI machine running suites in parallel.
            #expect(elapsed < .seconds(30), "saving and rendering took \(elapsed)")
        }
    }

    /// Form bodies with many fields, as the decoders Haven uses read them.
    static func urlEncoded(_ fields: Int) -> String {
        (0..<fields).map { "acts%5B\($0)%5D%5Bvictim%5D=x&types%5B%5D=V1" }.joined(separator: "&")
    }

    static func multipart(_ parts: Int) -> String {
        (0..<parts).map { _ in "--B\r\nContent-Disposition: form-data; name=\"needs[]\"\r\n\r\nshelter\r\n" }.joined() + "--B--\r\n"
    }

    @Test("forms with thousands of fields decode in linear time")
    func formDecoding() throws {
        let encoded = Growth.measure(base: 2_000, make: Self.urlEncoded) { _ = try? FormDecoder().decode(IncidentInput.self, from: $0) }
        #expect(encoded.ratio < Growth.linearLimit, "URL-encoded: \(encoded)")
        let flat = Growth.measure(base: 2_000, make: { String(repeating: "a%5B%5D=1&", count: $0) }) {
            _ = try? FormDecoder().decode(IncidentInput.self, from: $0)
        }
        #expect(flat.ratio < Growth.linearLimit, "URL-encoded lists: \(flat)")
        let parts = Growth.measure(base: 500, make: Self.multipart) {
            _ = try? FormDataDecoder().decode(IntakeController.ReportInput.self, from: $0, boundary: "B")
        }
        #expect(parts.ratio < Growth.linearLimit, "multipart: \(parts)")
    }
}

@Suite("Form decoder")
struct FormDecoderTests {
    /// Every shape Haven's inputs use.
    struct Shape: Decodable, Equatable {
        struct Row: Decodable, Equatable {
            var victim: String?
            var type: String?
        }

        var title: String?
        var absent: String?
        var list: [String]?
        var rows: [String: Row]?
        var texts: [String: String]?
        var page: PageNumber?
        var holder: UUID?
        var ids: [UUID]?
        var numbered: [String]?
    }

    @Test("names, lists, maps, numbered rows, numbers and ids decode as browsers send them")
    func shapes() throws {
        let id = UUID()
        let text =
            "title=Caf%C3%A9+%26+bar&title=second&list%5B%5D=a&list%5B%5D=b%2Cc&rows%5B0%5D%5Bvictim%5D=P-1&rows%5B1%5D%5Btype%5D=V1"
            + "&texts%5Ben%5D=Hello&texts%5Bru%5D=%D0%9F%D1%80%D0%B8&page=461168601842738791&holder=\(id)&ids%5B%5D=\(id)"
            + "&numbered%5B1%5D=y&numbered%5B0%5D=x&&=&empty"
        let shape = try FormDecoder().decode(Shape.self, from: text)
        #expect(shape.title == "second")
        #expect(shape.absent == nil)
        #expect(shape.list == ["a", "b,c"])
        #expect(shape.rows == ["0": .init(victim: "P-1"), "1": .init(type: "V1")])
        #expect(shape.texts == ["en": "Hello", "ru": "При"])
        #expect(shape.page?.value == 10_000)
        #expect(shape.holder == id && shape.ids == [id])
        #expect(shape.numbered == ["x", "y"])
        #expect(FormDecoder.value(named: "csrf", in: "a=1&csrf=t%2Bk+n&b=2") == "t+k n")
        #expect(FormDecoder.value(named: "csrf", in: "a=1") == nil)
    }

    @Test(
        "malformed names, broken escapes, bytes that are not UTF-8 and values of the wrong type are refused, never a crash",
        arguments: [
            "a%5Bb=1", "a[b]c=1", "holder=not-a-uuid", "a[b][c][d][e][f][g][h]=1", "ids[]=x", "title=%ZZ", "title=%C3", "title=%",
            "ti%tle=x", "title=%FF%FE",
        ])
    func refused(_ text: String) {
        #expect(throws: (any Error).self) { try FormDecoder().decode(Shape.self, from: text) }
    }

    @Test("the token is found without decoding the rest, even past a broken pair")
    func tokenOnly() {
        #expect(FormDecoder.value(named: "csrf", in: "email=%FF%FE&csrf=abc") == "abc")
    }
}
