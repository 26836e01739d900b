import Fluent
import Foundation
import HavenVault

extension AuditLog {
    /// One page of entries, newest first, and how many match.
    static func entries(_ filter: AuditFilter, on db: any Database) async throws -> (
        rows: [AuditEntry], total: Int, page: Int, pageCount: Int
    ) {
        var query = AuditEntry.query(on: db)
        if !filter.actor.isEmpty { query = query.filter(\.$actor == filter.actor) }
        if !filter.action.isEmpty {
            let action = filter.action
            query = query.group(.or) { $0.filter(\.$action == action).filter(\.$action =~ (action + ".")) }
        }
        if !filter.record.isEmpty { query = query.filter(\.$targetID == filter.record) }
        let total = try await query.count()
        let pages = max(1, (total + AuditFilter.pageSize - 1) / AuditFilter.pageSize)
        let page = min(max(1, filter.page), pages)
        let rows = try await query.sort(\.$id, .descending).range(((page - 1) * AuditFilter.pageSize)..<(page * AuditFilter.pageSize))
            .all()
        return (rows, total, page, pages)
    }

    /// The actions the log holds, for the filter.
    static func actions(on db: any Database) async throws -> [String] {
        try await AuditEntry.query(on: db).unique().all(\.$action).sorted()
    }
}
