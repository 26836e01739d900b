import Fluent
import Foundation
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Second factor (TOTP)")
struct SecondFactorTests {
    /// Reads the secret shown on the enrolment page.
    func enrolmentSecret(_ page: Browser.Page) throws -> Data {
        let shown = try #require(page.firstMatch(#"<p class="secret"><code>([A-Z2-7 ]+)</code>"#))
        let uri = try #require(page.firstMatch(#"<p class="uri"><code>(otpauth://[^<]+)</code>"#))
        let base32 = shown.replacingOccurrences(of: " ", with: "")
        #expect(uri.contains("secret=\(base32)"))
        return try #require(decodeRFC4648(base32))
    }

    func decodeRFC4648(_ text: String) -> Data? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var buffer = 0
        var bits = 0
        var bytes = Data()
        for character in text {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8((buffer >> bits) & 0xff))
            }
        }
        return bytes
    }

    @Test("enrol, then sign-in needs a fresh code; a used code is refused; an administrator can reset it", arguments: TestDatabase.all)
    func enrolAndUse(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let enrolment = try await admin.get("/app/account/second-factor")
            let secret = try enrolmentSecret(enrolment)
            #expect(try enrolmentSecret(try await admin.get("/app/account/second-factor")) == secret)

            let wrong = try await admin.submit("/app/account/second-factor", ["code": "000000"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("id=\"code-error\""))
            let now = Date()
            let enrolCode = TOTP.code(secret: secret, step: TOTP.step(at: now))
            let enrolled = try await admin.submit("/app/account/second-factor", ["code": enrolCode])
            #expect(enrolled.status == .seeOther && enrolled.location == "/app/account/codes")
            let user = try #require(try await User.query(on: haven.db).first())
            #expect(user.secondFactorSealed != nil && !(user.secondFactorSealed!.contains(secret)))

            let noCode = haven.browser()
            #expect(try await noCode.submit("/login", ["email": "admin@example.org", "password": goodPassword]).status == .unauthorized)
            #expect(
                try await noCode.submit("/login", ["email": "admin@example.org", "password": goodPassword, "code": enrolCode]).status
                    == .unauthorized)
            let nextCode = TOTP.code(secret: secret, step: TOTP.step(at: now) + 1)
            #expect(
                try await noCode.submit("/login", ["email": "admin@example.org", "password": "wrong password x", "code": nextCode]).status
                    == .unauthorized)
            let signedIn = try await noCode.submit("/login", ["email": "admin@example.org", "password": goodPassword, "code": nextCode])
            #expect(signedIn.status == .seeOther)
            let replay = haven.browser()
            #expect(
                try await replay.submit("/login", ["email": "admin@example.org", "password": goodPassword, "code": nextCode]).status
                    == .unauthorized)

            let secondAdmin = try await haven.addUser(email: "vera@example.org", role: .administrator, by: noCode)
            #expect(try await User.find(secondAdmin, on: haven.db) != nil)
            let vera = try await haven.signedInBrowser(email: "vera@example.org")
            _ = try await vera.get("/app/admin/users")
            let adminID = try user.requireID()
            let reset = try await vera.submit("/app/admin/users/\(adminID)/reset-second-factor", [:])
            #expect(reset.status == .seeOther)
            #expect(try await User.find(adminID, on: haven.db)?.secondFactorSealed == nil)
            _ = try await haven.signedInBrowser()
        }
    }

    @Test("when an administrator requires a second factor, staff without one can only enrol")
    func required() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let ionID = try await haven.addUser(email: "ion@example.org", role: .caseworker, by: admin)
            #expect(
                try await admin.submit("/app/admin/security", ["requireSecondFactor": "yes"]).status == .conflict,
                "an administrator without a second factor would lock themselves out")
            #expect(!haven.app.haven.requiresSecondFactor)
            let own = try await admin.get("/app/account/second-factor")
            let adminSecret = try enrolmentSecret(own)
            #expect(
                try await admin.submit("/app/account/second-factor", ["code": TOTP.code(secret: adminSecret, step: TOTP.step(at: Date()))])
                    .status
                    == .seeOther)
            #expect(try await admin.submit("/app/admin/security", ["requireSecondFactor": "yes"]).status == .seeOther)
            #expect(haven.app.haven.requiresSecondFactor)
            #expect(try await Organisation.current(on: haven.db)?.requiresSecondFactor == true)

            let ion = try await haven.signedInBrowser(email: "ion@example.org")
            let redirected = try await ion.get("/app")
            #expect(redirected.status == .seeOther && redirected.location == RequireSignedIn.enrolmentPath)
            #expect(try await ion.get("/app/account").location == RequireSignedIn.enrolmentPath)
            let page = try await ion.get(RequireSignedIn.enrolmentPath)
            #expect(page.status == .ok && page.body.contains("requires a second factor"))
            let secret = try enrolmentSecret(page)
            let code = TOTP.code(secret: secret, step: TOTP.step(at: Date()))
            // The password alone does not enrol: whoever stole it would bind their own authenticator.
            let refused = try await ion.submit(RequireSignedIn.enrolmentPath, ["code": code])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("enrolmentCode-error"))
            #expect(
                try await ion.submit(RequireSignedIn.enrolmentPath, ["code": code, "enrolmentCode": "AAAA-BBBB-CCCC-DDDD"]).status
                    == .unprocessableEntity)
            #expect(try await User.find(ionID, on: haven.db)?.secondFactorSealed == nil)
            let issued = try await admin.submit("/app/admin/users/\(ionID)/enrolment-code", [:])
            let enrolmentCode = try #require(issued.shownCode)
            let done = try await ion.submit(RequireSignedIn.enrolmentPath, ["code": code, "enrolmentCode": enrolmentCode])
            #expect(done.status == .seeOther)
            #expect(try await ion.get("/app").status == .ok)
            #expect(
                try await CredentialCode.query(on: haven.db).filter(\.$user.$id == ionID).filter(\.$purpose == .enrolment).count() == 0,
                "the enrolment code works once")
        }
    }
}
