@testable import App
import Foundation
import HavenTestSupport
import MultipartKit
import Testing
import Vapor

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
            #expect(elapsed < .seconds(10), "saving and rendering took \(elapsed)")
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
        let encoded = Growth.measure(base: 500, make: Self.urlEncoded) { _ = try? URLEncodedFormDecoder().decode(IncidentInput.self, from: $0) }
        #expect(encoded.ratio < Growth.linearLimit, "URL-encoded: \(encoded)")
        let parts = Growth.measure(base: 500, make: Self.multipart) {
            _ = try? FormDataDecoder().decode(IntakeController.ReportInput.self, from: $0, boundary: "B")
        }
        #expect(parts.ratio < Growth.linearLimit, "multipart: \(parts)")
    }
}
