import Foundation
import Vapor

/// `/app/admin/backups`: administrators see what backups are encrypted to and how the scheduled ones went, and add or
/// remove further age recipients.
struct AdminBackupsController: RouteCollection {
    /// What the add-recipient form posts.
    struct RecipientInput: Content {
        var label: String?
        var recipient: String?
        var password: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let backups = routes.grouped(RequireCapability(.managesUsers)).grouped("app", "admin", "backups")
        backups.get(use: show)
        backups.post("recipients", use: addRecipient)
        backups.post("recipients", ":recipientID", "remove", use: removeRecipient)
    }

    @Sendable func show(req: Request) async throws -> Response {
        _ = try req.require(.managesUsers)
        return try await req.render(try await page(req))
    }

    @Sendable func addRecipient(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let input = try req.content.decode(RecipientInput.self)
        // Every later backup opens with this key alone: a session left open must not be enough to add one.
        guard try await req.confirmsPassword(input.password, of: admin) else {
            var page = try await page(req)
            page.label = Self.labelField(req, FieldState(value: input.label ?? ""))
            page.recipient = Self.recipientField(req, FieldState(value: input.recipient ?? ""))
            page.password = Self.passwordField(req, error: req.t("account_current_wrong"))
            return try await req.render(page, status: .unprocessableEntity)
        }
        do {
            try await req.haven.backups.addRecipient(label: input.label ?? "", recipient: input.recipient ?? "", by: admin, on: req.db)
        } catch let problem as Backups.RecipientProblem {
            var page = try await page(req)
            var label = FieldState(value: input.label ?? "")
            var recipient = FieldState(value: input.recipient ?? "")
            switch problem {
            case .labelMissing: label.error = req.t("backups_label_missing")
            case .notARecipient: recipient.error = req.t("backups_recipient_invalid")
            case .alreadyAdded: recipient.error = req.t("backups_recipient_duplicate")
            }
            page.label = Self.labelField(req, label)
            page.recipient = Self.recipientField(req, recipient)
            return try await req.render(page, status: .unprocessableEntity)
        }
        return await req.seeOther("/app/admin/backups", notice: "backups_recipient_added")
    }

    @Sendable func removeRecipient(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        guard let id = req.parameters.get("recipientID", as: UUID.self) else { throw Abort(.notFound) }
        try await req.haven.backups.removeRecipient(id, by: admin, on: req.db)
        return await req.seeOther("/app/admin/backups", notice: "backups_recipient_removed")
    }

    private func page(_ req: Request) async throws -> BackupsPage {
        let backups = req.haven.backups
        let recipients = try await backups.extraRecipients(on: req.db).map { item in
            BackupsPage.Recipient(
                id: item.id?.uuidString ?? "", label: item.label, recipient: item.recipient, added: req.moment(item.addedAt))
        }
        let runs = try await backups.recentRuns(on: req.db).map { run in
            BackupsPage.Run(
                started: req.moment(run.startedAt), fileName: run.fileName,
                size: req.size(Int(run.bytes)), succeeded: run.succeeded,
                problem: run.problem ?? "")
        }
        return BackupsPage(
            chrome: await .make(for: req, titleKey: "backups_title"),
            recoveryRecipient: try await backups.recoveryRecipient(on: req.db) ?? "",
            recipients: recipients, scheduleDirectory: req.haven.configuration.backupDirectory?.path ?? "",
            kept: req.haven.configuration.backupsKept, runs: runs, label: Self.labelField(req, FieldState()),
            recipient: Self.recipientField(req, FieldState()), password: Self.passwordField(req, error: nil))
    }

    private static func passwordField(_ req: Request, error: String?) -> FormField {
        .password("password", label: req.t("account_current_password"), error: error, autocomplete: "current-password")
    }

    private static func labelField(_ req: Request, _ state: FieldState) -> FormField {
        .text("label", label: req.t("backups_recipient_label"), state: state, isRequired: true, maxLength: 200)
    }

    private static func recipientField(_ req: Request, _ state: FieldState) -> FormField {
        .text(
            "recipient", label: req.t("backups_recipient_key"), state: state, hint: req.t("backups_recipient_hint"), isRequired: true,
            maxLength: 120)
    }
}
