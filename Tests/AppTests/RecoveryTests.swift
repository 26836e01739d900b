import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Nobody locked out")
struct RecoveryTests {
    /// Every shown code on a page (`<p class="secret"><code>…</code>`), without the line-break hints.
    static func codes(_ page: Browser.Page) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"<p class="secret"><code>((?:[0-9A-Z-]|<wbr>)+)</code>"#)
        return regex.matches(in: page.body, range: NSRange(page.body.startIndex..., in: page.body)).compactMap {
            Range($0.range(at: 1), in: page.body).map { String(page.body[$0]).replacingOccurrences(of: "<wbr>", with: "") }
        }
    }

    /// Invites a colleague and takes up the invitation; returns their id and the personal recovery code shown once.
    static func welcome(_ haven: TestHaven, email: String, role: StaffRole, by admin: Browser) async throws -> (UUID, String) {
        let invited = try await admin.submit("/app/admin/users/invite", ["email": email, "role": role.rawValue])
        let code = try #require(invited.shownCode)
        let newcomer = haven.browser()
        let welcomed = try await newcomer.submit(
            "/welcome", ["code": code, "password": goodPassword, "passwordConfirmation": goodPassword])
        #expect(welcomed.status == .seeOther && welcomed.location == "/recovery-code")
        let shown = try await newcomer.follow(welcomed)
        let recovery = try #require(Self.codes(shown).first)
        #expect(shown.body.contains("/recover") && HumanCode(typed: recovery).normalized.count * 5 >= 128)
        #expect(try await newcomer.get("/recovery-code").location == "/login", "shown once")
        let user = try #require(try await User.find(on: haven.db, emailLookup: haven.app.haven.lookupKey.emailLookup(email)))
        return (try user.requireID(), recovery)
    }

    @Test(
        "a forgotten password is reset with the personal recovery code, which is then replaced; records stay readable",
        arguments: TestDatabase.all)
    func personalRecovery(database: TestDatabase) async throws {
        try await withHaven(database, file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let (ionID, recovery) = try await Self.welcome(haven, email: "ion@example.org", role: .caseworker, by: admin)
            let caseCode = try await openCase(admin, pseudonym: "Held by Ion")
            _ = try await admin.submit("/app/cases/\(caseCode)/assign", ["colleague": ionID.uuidString])
            let other = try await haven.signedInBrowser(email: "ion@example.org")

            let newPassword = "quarry lantern thistle"
            let visitor = haven.browser()
            #expect(try await visitor.get("/login").body.contains("href=\"/recover\""))
            _ = try await visitor.get("/recover")
            let fields = ["password": newPassword, "passwordConfirmation": newPassword]
            for (email, code) in [
                ("ion@example.org", HumanCode.random().description), ("nobody@example.org", recovery), ("admin@example.org", recovery),
                ("ion@example.org", ""),
            ] {
                let refused = try await visitor.submit("/recover", fields.merging(["email": email, "recoveryCode": code]) { $1 })
                #expect(refused.status == .unprocessableEntity && refused.body.contains("id=\"recoveryCode-error\""))
                #expect(refused.body.contains("value=\"\(email)\"") && !refused.body.contains(newPassword))
            }
            let noToken = try await visitor.submit(
                "/recover", fields.merging(["email": "ion@example.org", "recoveryCode": recovery]) { $1 }, csrf: .some(nil))
            #expect(noToken.status == .forbidden)
            let weak = try await visitor.submit(
                "/recover", ["email": "ion@example.org", "recoveryCode": recovery, "password": "short", "passwordConfirmation": "short"])
            #expect(weak.status == .unprocessableEntity && weak.body.contains("value=\"\(recovery)\""))
            #expect(try await haven.signedInBrowser(email: "ion@example.org").get("/app").status == .ok, "nothing changed yet")

            let reset = try await visitor.submit(
                "/recover", fields.merging(["email": "ion@example.org", "recoveryCode": recovery.lowercased()]) { $1 })
            #expect(reset.status == .seeOther && reset.location == "/recovery-code")
            let next = try #require(Self.codes(try await visitor.follow(reset)).first)
            #expect(HumanCode(typed: next) != HumanCode(typed: recovery))
            #expect(try await other.get("/app").location == "/login", "other sessions end")
            #expect(
                try await haven.browser().submit("/login", ["email": "ion@example.org", "password": goodPassword]).status == .unauthorized)
            let ion = try await haven.signedInBrowser(email: "ion@example.org", password: newPassword)
            #expect(try await ion.get("/app/cases/\(caseCode)").body.contains("Held by Ion"))
            let reused = try await visitor.submit(
                "/recover", fields.merging(["email": "ion@example.org", "recoveryCode": recovery]) { $1 })
            #expect(reused.status == .unprocessableEntity, "a used code stops working")

            #expect(try await ion.submit("/app/account/recovery-code", [:], csrf: .some(nil)).status == .forbidden)
            let made = try await ion.submit("/app/account/recovery-code", [:])
            #expect(made.status == .seeOther && made.location == "/app/account/codes")
            let third = try #require(Self.codes(try await ion.follow(made)).first)
            #expect(try await ion.get("/app/account/codes").location == "/app/account")
            let stale = try await visitor.submit("/recover", fields.merging(["email": "ion@example.org", "recoveryCode": next]) { $1 })
            #expect(stale.status == .unprocessableEntity, "a new code replaces the old one")
            #expect(try await haven.browser().submit("/app/account/recovery-code", [:]).status != .seeOther)

            let actions = try await AuditEntry.query(on: haven.db).all().map(\.action)
            #expect(actions.contains("user.password.personal-recovery") && actions.contains("user.recovery-code.new"))
            let files =
                FileManager.default.enumerator(at: haven.dataDirectory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where !file.hasDirectoryPath {
                let bytes = try Data(contentsOf: file)
                for code in [recovery, next, third] {
                    for form in [code, HumanCode(typed: code).normalized] {
                        #expect(bytes.range(of: Data(form.utf8)) == nil, "a recovery code in \(file.lastPathComponent)")
                    }
                }
            }
        }
    }

    @Test(
        "ten backup codes at enrolment, each signs in once in place of the authenticator, stored only as keyed hashes",
        arguments: TestDatabase.all)
    func backupCodes(database: TestDatabase) async throws {
        try await withHaven(database, file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let enrolment = try await admin.get("/app/account/second-factor")
            let uri = try #require(enrolment.firstMatch(#"<p class="uri"><code>(otpauth://[^<]+)</code>"#))
            let base32 = try #require(enrolment.firstMatch(#"secret=([A-Z2-7]+)"#))
            let secret = try #require(SecondFactorTests().decodeRFC4648(base32))
            let path = try #require(enrolment.firstMatch(#"<svg class="qr" role="img"[^>]*>.*?<path d="([^"]+)""#))
            #expect(enrolment.body.contains("<title id=\"qr-title\">"))
            let symbol = try QRCode(uri.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(Self.modules(path, size: symbol.size) == symbol.modules)

            let enrolled = try await admin.submit(
                "/app/account/second-factor", ["code": TOTP.code(secret: secret, step: TOTP.step(at: Date()))])
            #expect(enrolled.location == "/app/account/codes")
            let codes = Self.codes(try await admin.follow(enrolled))
            #expect(codes.count == 10 && Set(codes).count == 10)
            #expect(try await admin.get("/app/account/codes").location == "/app/account", "shown once")

            let signIn = { (code: String) in
                try await haven.browser().submit("/login", ["email": "admin@example.org", "password": goodPassword, "code": code]).status
            }
            #expect(try await signIn("") == .unauthorized)
            #expect(try await signIn(codes[0].lowercased()) == .seeOther)
            #expect(try await signIn(codes[0]) == .unauthorized, "used once")
            #expect(try await signIn(HumanCode.random(bits: 60).description) == .unauthorized)
            #expect(try await admin.get("/app/account").body.contains("Unused backup codes: 9"))

            _ = try await haven.addUser(email: "ion@example.org", role: .caseworker, by: admin)
            #expect(
                try await haven.browser().submit("/login", ["email": "ion@example.org", "password": goodPassword, "code": codes[1]])
                    .status == .seeOther, "no second factor: the code field is ignored")
            let ion = try await haven.signedInBrowser(email: "ion@example.org")
            #expect(try await ion.submit("/app/account/backup-codes", [:]).location == "/app/account/second-factor")
            #expect(try await BackupCode.query(on: haven.db).count() == 9)

            let renewed = try await admin.submit("/app/account/backup-codes", [:])
            let fresh = Self.codes(try await admin.follow(renewed))
            #expect(fresh.count == 10 && Set(fresh).isDisjoint(with: codes))
            #expect(try await signIn(codes[1]) == .unauthorized, "new codes replace the old ones")
            #expect(try await signIn(fresh[9]) == .seeOther)
            #expect(try await admin.submit("/app/account/backup-codes", [:], csrf: .some(nil)).status == .forbidden)

            let files =
                FileManager.default.enumerator(at: haven.dataDirectory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            for file in files where !file.hasDirectoryPath {
                let bytes = try Data(contentsOf: file)
                for code in codes + fresh {
                    #expect(
                        bytes.range(of: Data(HumanCode(typed: code).normalized.utf8)) == nil, "a backup code in \(file.lastPathComponent)")
                }
            }
        }
    }

    @Test("an administrator recovers a colleague with the recovery key typed in: warned, nothing stored, wrong keys refused")
    func administratorRecovery() async throws {
        try await withHaven { haven in
            let setup = try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let (ionID, _) = try await Self.welcome(haven, email: "ion@example.org", role: .coordinator, by: admin)
            let caseCode = try await openCase(admin, pseudonym: "Held by Ion too")
            _ = try await admin.submit("/app/cases/\(caseCode)/assign", ["colleague": ionID.uuidString])
            let path = "/app/admin/users/\(ionID)/recover"
            #expect(try await admin.get("/app/admin/users").body.contains("href=\"\(path)\""))
            let form = try await admin.get(path)
            #expect(form.status == .ok && form.body.contains("class=\"warning\"") && form.body.contains("name=\"recoveryKey\""))

            let ion = try await haven.signedInBrowser(email: "ion@example.org")
            #expect(try await ion.get(path).status == .forbidden)
            #expect(try await ion.submit(path, ["recoveryKey": setup.recoveryKey]).status == .forbidden)
            let garbled = try await admin.submit(path, ["recoveryKey": "AAAA-BBBB-NOT-A-KEY"])
            #expect(garbled.status == .unprocessableEntity && garbled.body.contains("id=\"recoveryKey-error\""))
            #expect(!garbled.body.contains("AAAA-BBBB-NOT-A-KEY"))
            let foreign = RecoveryKey.text(for: Curve25519.KeyAgreement.PrivateKey())
            let wrong = try await admin.submit(path, ["recoveryKey": foreign])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("not this organisation"))
            #expect(try await admin.submit(path, ["recoveryKey": setup.recoveryKey], csrf: .some(nil)).status == .forbidden)
            #expect(try await CredentialCode.query(on: haven.db).filter(\.$purpose == .recovery).count() == 0)

            let done = try await admin.submit(path, ["recoveryKey": setup.recoveryKey])
            #expect(done.status == .created)
            let code = try #require(done.shownCode)
            #expect(try await ion.get("/app").location == "/login", "their sessions end")
            let newPassword = "harbour meadow copper"
            let welcomed = try await haven.browser().submit(
                "/welcome", ["code": code, "password": newPassword, "passwordConfirmation": newPassword])
            #expect(welcomed.status == .seeOther)
            let back = try await haven.signedInBrowser(email: "ion@example.org", password: newPassword)
            #expect(try await back.get("/app/cases/\(caseCode)").body.contains("Held by Ion too"))
            let stored = try await haven.db.query(Organisation.self).all()
            #expect(stored.count == 1)
            let entries = try await AuditEntry.query(on: haven.db).filter(\.$action == "user.recover").all()
            #expect(entries.count == 1 && entries.first?.targetID == ionID.uuidString)
        }
    }

    /// The modules an SVG path of `M x y h1v1h-1z` squares draws (quiet zone of four taken off).
    static func modules(_ path: String, size: Int) -> [[Bool]] {
        var grid = Array(repeating: Array(repeating: false, count: size), count: size)
        for square in path.split(separator: "M") {
            let numbers = square.prefix { $0 != "h" }.split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 2 else { continue }
            grid[numbers[1] - 4][numbers[0] - 4] = true
        }
        return grid
    }
}
