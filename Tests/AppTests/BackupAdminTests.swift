import Crypto
import Fluent
import Foundation
import HavenVault
import Testing
import Vapor

@testable import App

@Suite("Backup recipients and the schedule")
struct BackupAdminTests {
    @Test("administrators add and remove age recipients; backups open with an added key until it is removed; other roles may not")
    func recipients() async throws {
        try await withHaven(file: true) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "kim@example.org", role: .coordinator, by: admin)
            let coordinator = try await haven.signedInBrowser(email: "kim@example.org")
            let board = Curve25519.KeyAgreement.PrivateKey()
            let recipient = AgeKeys.recipient(board.publicKey)
            #expect(try await coordinator.get("/app/admin/backups").status == .forbidden)
            #expect(
                try await coordinator.submit(
                    "/app/admin/backups/recipients", ["label": "Board", "recipient": recipient, "password": goodPassword]
                ).status
                    == .forbidden)
            #expect(
                try await admin.submit(
                    "/app/admin/backups/recipients", ["label": "Board", "recipient": recipient, "password": goodPassword], csrf: .some(nil)
                ).status
                    == .forbidden)
            #expect(try await BackupRecipient.query(on: haven.db).count() == 0)

            let page = try await admin.get("/app/admin/backups")
            let recovery = try #require(try await haven.app.haven.backups.recoveryRecipient(on: haven.db))
            #expect(page.status == .ok && page.body.contains(recovery) && recovery.hasPrefix("age1"))
            // An open session is not enough: the password is asked again.
            let noPassword = try await admin.submit("/app/admin/backups/recipients", ["label": "Board", "recipient": recipient])
            #expect(
                noPassword.status == .unprocessableEntity && noPassword.body.contains("id=\"password-error\"")
                    && noPassword.body.contains(recipient))
            let wrongPassword = try await admin.submit(
                "/app/admin/backups/recipients", ["label": "Board", "recipient": recipient, "password": "not the password 7"])
            #expect(wrongPassword.status == .unprocessableEntity)
            #expect(try await BackupRecipient.query(on: haven.db).count() == 0)
            let invalid = try await admin.submit(
                "/app/admin/backups/recipients", ["label": "Board", "recipient": "age1notakey", "password": goodPassword])
            #expect(
                invalid.status == .unprocessableEntity && invalid.body.contains("id=\"recipient-error\"")
                    && invalid.body.contains("value=\"age1notakey\""))
            let unlabelled = try await admin.submit(
                "/app/admin/backups/recipients", ["label": " ", "recipient": recipient, "password": goodPassword])
            #expect(
                unlabelled.status == .unprocessableEntity && unlabelled.body.contains("id=\"label-error\"")
                    && unlabelled.body.contains(recipient))
            #expect(
                try await admin.submit(
                    "/app/admin/backups/recipients", ["label": "Board <b>", "recipient": recipient, "password": goodPassword]
                ).status == .seeOther)
            let listed = try await admin.get("/app/admin/backups")
            #expect(listed.body.contains(recipient) && listed.body.contains("Board &lt;b&gt;"))
            #expect(
                try await admin.submit(
                    "/app/admin/backups/recipients", ["label": "Again", "recipient": recipient, "password": goodPassword]
                ).status
                    == .unprocessableEntity)
            #expect(try await AuditEntry.query(on: haven.db).filter(\.$action == "backup.recipient.add").count() == 1)

            let (file, _) = try await BackupTests.backup(haven)
            defer { try? FileManager.default.removeItem(at: file) }
            #expect(try Backups.verify(file, identity: board).tables.isEmpty == false)

            let id = try #require(try await BackupRecipient.query(on: haven.db).first()?.requireID())
            #expect(try await coordinator.submit("/app/admin/backups/recipients/\(id)/remove", [:]).status == .forbidden)
            #expect(try await admin.submit("/app/admin/backups/recipients/\(id)/remove", [:], csrf: .some(nil)).status == .forbidden)
            #expect(try await BackupRecipient.query(on: haven.db).count() == 1, "a removal without the form token removes nothing")
            #expect(try await admin.submit("/app/admin/backups/recipients/\(id)/remove", [:]).status == .seeOther)
            let (later, _) = try await BackupTests.backup(haven)
            defer { try? FileManager.default.removeItem(at: later) }
            #expect(throws: BackupError.self) { try Backups.verify(later, identity: board) }
            #expect(try Backups.verify(file, identity: board).tables.isEmpty == false, "an earlier backup still opens with it")
        }
    }

    @Test(
        "scheduled backups are written and recorded, the oldest beyond the number kept deleted; a failure shows on administrators' dashboards until one succeeds"
    )
    func schedule() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-backups-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withHaven(
            file: true,
            adjust: {
                $0.backupDirectory = directory
                $0.backupsKept = 2
            }
        ) { haven in
            let (_, _, recoveryKey) = try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "vera@example.org", role: .administrator, by: admin)
            _ = try await haven.addUser(email: "kim@example.org", role: .coordinator, by: admin)
            let backups = haven.app.haven.backups
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            for day in 0..<3 {
                let run = try await backups.runScheduled(
                    on: haven.db, eventLoop: haven.app.eventLoopGroup.any(), now: start + Double(day) * 86_400)
                #expect(run.succeeded && run.bytes > 0)
            }
            #expect(try await !backups.isDue(on: haven.db, now: start + 2 * 86_400 + 3_600), "a restart an hour later adds no backup")
            #expect(try await backups.isDue(on: haven.db, now: start + 3 * 86_400), "a day later one is due")
            let kept = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(kept == ["haven-backup-20270116-080000.age", "haven-backup-20270117-080000.age"])
            #expect(
                try Backups.verify(directory.appendingPathComponent(kept[1]), identity: RecoveryKey.parse(recoveryKey)).tables.count > 0)
            #expect(!(try await admin.get("/app")).body.contains("The last scheduled backup failed."))

            // The directory becomes a file: the next backup fails, and every administrator is told.
            try FileManager.default.removeItem(at: directory)
            try Data("not a directory".utf8).write(to: directory)
            let failed = try await backups.runScheduled(on: haven.db, eventLoop: haven.app.eventLoopGroup.any(), now: start + 3 * 86_400)
            #expect(!failed.succeeded && failed.problem != nil)
            let vera = try await haven.signedInBrowser(email: "vera@example.org")
            for browser in [admin, vera] {
                let dashboard = try await browser.get("/app")
                #expect(dashboard.body.contains("The last scheduled backup failed."))
            }
            #expect(!(try await haven.signedInBrowser(email: "kim@example.org").get("/app")).body.contains("backup failed"))
            #expect(try await admin.get("/app/admin/backups").body.contains("Failed"))

            try FileManager.default.removeItem(at: directory)
            #expect(
                try await backups.runScheduled(on: haven.db, eventLoop: haven.app.eventLoopGroup.any(), now: start + 4 * 86_400).succeeded)
            #expect(!(try await vera.get("/app")).body.contains("The last scheduled backup failed."))
        }
    }
}
