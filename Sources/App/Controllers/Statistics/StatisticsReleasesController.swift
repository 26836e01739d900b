import Foundation
import HavenDomain
import Vapor

/// `/app/statistics/releases`: make a release of the standard tables for a period, look at it as the public will,
/// see what changed since the last approved one, and approve it (administrators).
struct StatisticsReleasesController: RouteCollection {
    /// What the new-release form posts.
    struct ReleaseInput: Content {
        var from, to, threshold: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let releases = routes.grouped(RequireCapability(.readsDocumentation)).grouped("app", "statistics", "releases")
        releases.get(use: list)
        releases.post(use: create)
        releases.get(":number", use: show)
        releases.post(":number", "approve", use: approve)
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await req.render(try await page(req, input: ReleaseInput()))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let staff = try req.require(.readsDocumentation)
        let input = try req.content.decode(ReleaseInput.self)
        let from = (input.from ?? "").trimmingCharacters(in: .whitespaces)
        let to = (input.to ?? "").trimmingCharacters(in: .whitespaces)
        do {
            let threshold = Int(input.threshold ?? "") ?? req.haven.statistics.threshold
            let number = try await req.haven.releases.draft(from: from, to: to, threshold: threshold, by: staff, on: req.db)
            return req.redirect(to: "/app/statistics/releases/\(number)", redirectType: .normal)
        } catch let refusal as StatisticsReleases.Refusal {
            var page = try await page(req, input: input)
            page.problem = req.t(refusal.messageKey)
            return try await req.render(page, status: .unprocessableEntity)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let record = try await release(req)
        let releases = req.haven.releases
        let tables = try releases.tables(of: record)
        let previous = try await releases.latestApproved(before: record.number, on: req.db)
        let builder = StatisticsPageBuilder(req: req)
        let changes = try previous.map { StatisticsReleases.changes(from: try releases.tables(of: $0), to: tables) } ?? []
        let names = try await req.haven.colleagues.names(for: try req.staff(), on: req.db)
        let state =
            record.approvedAt.map { day in
                req.t("statistics_release_approved_by").replacingOccurrences(of: "{name}", with: names.name(of: record.$approvedBy.id))
                    .replacingOccurrences(of: "{day}", with: Day.today(day))
            } ?? req.t("statistics_release_draft")
        return try await req.render(
            StatisticsReleasePage(
                chrome: await .make(for: req, titleKey: "statistics_release_title"), number: record.number,
                period: Self.period(req, record), threshold: record.threshold, state: state,
                canApprove: !record.isApproved && (try req.staff()).role.can(.managesUsers), comparedWith: previous?.number,
                changes: changes.map { builder.describe($0, in: tables) },
                tables: tables.enumerated().map { builder.shown($1, anchor: "t\($0 + 1)") }))
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let record = try await release(req)
        do {
            try await req.haven.releases.approve(record, by: try req.staff(), on: req.db)
        } catch let refusal as StatisticsReleases.Refusal {
            throw Abort(refusal == .notAllowed ? .forbidden : .conflict, reason: req.t(refusal.messageKey))
        }
        return await req.seeOther("/app/statistics/releases/\(record.number)", notice: "statistics_release_approved")
    }

    private func release(_ req: Request) async throws -> StatisticsRelease {
        guard let number = req.parameters.get("number").flatMap({ Int($0) }),
            let record = try await req.haven.releases.find(number, on: req.db)
        else { throw Abort(.notFound) }
        return record
    }

    static func period(_ req: Request, _ record: StatisticsRelease) -> String {
        switch (record.periodFrom.isEmpty, record.periodTo.isEmpty) {
        case (true, true): return req.t("statistics_period_all")
        case (false, true): return record.periodFrom + " –"
        case (true, false): return "– " + record.periodTo
        case (false, false): return record.periodFrom + " – " + record.periodTo
        }
    }

    private func page(_ req: Request, input: ReleaseInput) async throws -> StatisticsReleasesPage {
        let rows = try await req.haven.releases.all(on: req.db).map { record in
            StatisticsReleasesPage.Row(
                number: record.number, period: Self.period(req, record), threshold: record.threshold, made: Day.today(record.createdAt),
                state: record.approvedAt.map { Day.today($0) + " " + req.t("statistics_release_approved_short") }
                    ?? req.t("statistics_release_draft"))
        }
        return StatisticsReleasesPage(
            chrome: await .make(for: req, titleKey: "statistics_releases_title"), rows: rows,
            from: .text("from", label: req.t("incidents_from"), state: FieldState(value: input.from ?? ""), maxLength: 10),
            to: .text("to", label: req.t("incidents_to"), state: FieldState(value: input.to ?? ""), maxLength: 10),
            threshold: .text(
                "threshold", label: req.t("statistics_threshold"),
                state: FieldState(value: input.threshold ?? String(req.haven.statistics.threshold)),
                hint: req.t("statistics_threshold_hint"), maxLength: 3, inputMode: "numeric"))
    }
}
