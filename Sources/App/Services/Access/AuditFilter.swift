import Foundation

/// Which audit entries the administrators' page lists: by who, what and which record, a page at a time.
struct AuditFilter: Sendable {
    static let pageSize = 50

    /// A user id, or `console` and the like for actions taken outside a session.
    var actor = ""
    /// An action (`case.update`) or its area (`case`), matching `case.…`.
    var action = ""
    /// A record's id as the entries name it.
    var record = ""
    var page = 1
}
