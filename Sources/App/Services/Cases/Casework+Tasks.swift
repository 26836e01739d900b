import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

extension Casework {
    /// Adds a task with a due day (`yyyy-MM-dd`); its title is sealed.
    func addTask(_ title: String, dueOn: String, to record: Case, key: SymmetricKey, by staff: SignedInStaff, on db: any Database)
        async throws
    {
        let taskID = UUID()
        let task = CaseTask(
            id: taskID, caseID: try record.requireID(),
            titleSealed: try FieldCipher.seal(title, with: key, binding: Self.taskBinding(taskID)),
            dueOn: dueOn)
        try await recordChange(record, event: .task, action: "case.task.add", by: staff, on: db) { tx in try await task.create(on: tx) }
    }

    /// Marks a task of this case done; false when there is no such open task.
    func completeTask(_ taskID: UUID, of record: Case, by staff: SignedInStaff, on db: any Database) async throws -> Bool {
        guard let task = try await CaseTask.query(on: db).filter(\.$id == taskID).filter(\.$caseFile.$id == record.requireID()).first(),
            !task.isDone
        else { return false }
        task.isDone = true
        try await recordChange(record, event: .taskDone, action: "case.task.done", by: staff, on: db) { tx in try await task.save(on: tx) }
        return true
    }

    /// Adds a service for one of the case's needs; the provider is sealed, status, dates and cost stay in clear.
    func addService(
        need: Need, provider: String, status: ServiceStatus, startsOn: String?, endsOn: String?, cost: Money?,
        budgetLine: BudgetLine?, to record: Case, key: SymmetricKey, by staff: SignedInStaff, on db: any Database
    ) async throws {
        let serviceID = UUID()
        let service = CaseService(
            id: serviceID, caseID: try record.requireID(), need: need,
            providerSealed: try FieldCipher.seal(provider, with: key, binding: Self.serviceBinding(serviceID)),
            status: status, startsOn: startsOn, endsOn: endsOn, cost: cost, budgetLine: budgetLine)
        try await recordChange(record, event: .service, action: "case.service.add", by: staff, on: db) { tx in
            try await service.create(on: tx)
        }
    }
}
