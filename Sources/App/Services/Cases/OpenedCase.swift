import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// A case opened for one staff member.
struct OpenedCase: Sendable {
    /// A note, opened.
    struct Note: Sendable {
        let body: String
        let writtenAt: Date
    }

    /// A task, opened.
    struct Task: Sendable {
        let id: UUID
        let title: String
        let dueOn: String
        let isDone: Bool
    }

    /// A service, opened.
    struct Service: Sendable {
        let id: UUID
        let need: Need
        let provider: String
        let status: ServiceStatus
        let startsOn: String?
        let endsOn: String?
        let cost: Money?
        let budgetLine: BudgetLine?
    }

    let record: Case
    let requester: Requester
    let notes: [Note]
    let tasks: [Task]
    let services: [Service]
    let events: [CaseEvent]
    let holders: [UUID]
    /// The incidents the case concerns, newest first.
    let incidents: [Incident]
    let key: SymmetricKey
}
