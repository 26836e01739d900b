import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault

/// Corrections of a case's tasks and services after they were saved: edited, removed, done at closing. Each is
/// audited and in the timeline by what changed, never by its content.
extension Casework {
    private func task(_ id: UUID, of record: Case, on db: any Database) async throws -> CaseTask? {
        try await CaseTask.query(on: db).filter(\.$id == id).filter(\.$caseFile.$id == record.requireID()).first()
    }

    private func service(_ id: UUID, of record: Case, on db: any Database) async throws -> CaseService? {
        try await CaseService.query(on: db).filter(\.$id == id).filter(\.$caseFile.$id == record.requireID()).first()
    }

    /// A task's new title and day; false when the case has no such task.
    func updateTask(
        _ id: UUID, title: String, dueOn: String, of record: Case, key: SymmetricKey, by staff: SignedInStaff, on db: any Database
    ) async throws -> Bool {
        guard let task = try await task(id, of: record, on: db) else { return false }
        task.titleSealed = try FieldCipher.seal(title, with: key, binding: Self.taskBinding(id))
        task.dueOn = dueOn
        try await recordChange(record, event: .taskEdited, action: "case.task.update", by: staff, on: db) { tx in
            try await task.save(on: tx)
        }
        await scrubber.scrub(db)
        return true
    }

    /// Removes a task; false when the case has no such task.
    func removeTask(_ id: UUID, of record: Case, by staff: SignedInStaff, on db: any Database) async throws -> Bool {
        guard let task = try await task(id, of: record, on: db) else { return false }
        try await recordChange(record, event: .taskRemoved, action: "case.task.remove", by: staff, on: db) { tx in
            try await task.delete(on: tx)
        }
        await scrubber.scrub(db)
        return true
    }

    /// Marks every open task done, inside a closing (the documenter chose so when closing).
    func completeOpenTasks(of record: Case, by staff: SignedInStaff, on db: any Database) async throws -> Int {
        let open = try await CaseTask.query(on: db).filter(\.$caseFile.$id == record.requireID()).filter(\.$isDone == false).all()
        guard !open.isEmpty else { return 0 }
        try await recordChange(record, event: .taskDone, detail: String(open.count), action: "case.task.done", by: staff, on: db) { tx in
            for task in open {
                task.isDone = true
                try await task.save(on: tx)
            }
        }
        return open.count
    }

    /// How many of a case's tasks are open.
    func openTaskCount(of record: Case, on db: any Database) async throws -> Int {
        try await CaseTask.query(on: db).filter(\.$caseFile.$id == record.requireID()).filter(\.$isDone == false).count()
    }

    /// A service's status, cost and budget line after the fact (delivered, cancelled, what it cost); false when the case
    /// has no such service. The timeline names the fields that changed.
    func updateService(
        _ id: UUID, status: ServiceStatus, cost: Money?, budgetLine: BudgetLine?, of record: Case, by staff: SignedInStaff,
        on db: any Database
    ) async throws -> Bool {
        guard let service = try await service(id, of: record, on: db) else { return false }
        var changed: [String] = []
        if service.status != status { changed.append("status") }
        if service.cost != cost { changed.append("cost") }
        if service.budgetLine != budgetLine { changed.append("budgetLine") }
        guard !changed.isEmpty else { return true }
        service.status = status
        service.costMinorUnits = cost?.minorUnits
        service.costCurrency = cost?.currency
        service.budgetLine = budgetLine
        try await recordChange(
            record, event: .serviceUpdated, detail: changed.joined(separator: ","), action: "case.service.update", by: staff, on: db
        ) { tx in try await service.save(on: tx) }
        return true
    }

    /// Removes a service; false when the case has no such service.
    func removeService(_ id: UUID, of record: Case, by staff: SignedInStaff, on db: any Database) async throws -> Bool {
        guard let service = try await service(id, of: record, on: db) else { return false }
        try await recordChange(record, event: .serviceRemoved, action: "case.service.remove", by: staff, on: db) { tx in
            try await service.delete(on: tx)
        }
        await scrubber.scrub(db)
        return true
    }
}
