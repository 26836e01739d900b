import Foundation
import HavenDomain
import Vapor

/// `/app/admin/audit`: administrators read the audit log: by user (display name), action and record, paged, with the
/// state of its hash chain.
struct AdminAuditController: RouteCollection {
    /// The filters, as the query string carries them.
    struct AuditQuery: Content {
        var actor, action, record: String?
        var page: PageNumber?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(RequireCapability(.managesUsers)).get("app", "admin", "audit", use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let admin = try req.require(.managesUsers)
        let query = try req.query.decode(AuditQuery.self)
        var filter = AuditFilter()
        filter.actor = String((query.actor ?? "").prefix(100))
        filter.action = String((query.action ?? "").prefix(100))
        filter.record = String((query.record ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        filter.page = query.page?.value ?? 1
        let found = try await AuditLog.entries(filter, on: req.db)
        let names = try await req.haven.colleagues.names(for: admin, on: req.db)
        let who = { (actor: String) in UUID(uuidString: actor).map { names.name(of: $0) } ?? actor }
        let people = names.names.map { Choice(code: $0.key.uuidString, name: $0.value.isEmpty ? who($0.key.uuidString) : $0.value) }
            .sorted { $0.name < $1.name }
        return try await req.render(
            AuditLogPage(
                chrome: await .make(for: req, titleKey: "audit_title"),
                rows: found.rows.map { entry in
                    .init(
                        sequence: entry.id ?? 0, when: req.moment(Date(timeIntervalSince1970: TimeInterval(entry.occurredAt))),
                        who: who(entry.actor), actor: entry.actor, action: entry.action, table: entry.targetTable, record: entry.targetID)
                },
                total: found.total, page: found.page, pageCount: found.pageCount,
                previousPage: found.page > 1 ? PageLinks.link(req, page: found.page - 1) : nil,
                nextPage: found.page < found.pageCount ? PageLinks.link(req, page: found.page + 1) : nil,
                people: [Choice(code: "", name: "—")]
                    + people.map { Choice(code: $0.code, name: $0.name, isChosen: $0.code == filter.actor) },
                actions: [Choice(code: "", name: "—")]
                    + (try await AuditLog.actions(on: req.db)).map { Choice(code: $0, name: $0, isChosen: $0 == filter.action) },
                record: filter.record, chainBreak: try await AuditLog.verify(on: req.db).map(\.description)))
    }
}
