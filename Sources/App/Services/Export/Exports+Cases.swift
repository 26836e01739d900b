import Fluent
import Foundation
import HavenDomain

extension Exports {
    /// An amount in its currency's major units with two decimals (`-0.50`).
    static func amount(_ money: Money) -> String {
        let units = abs(money.minorUnits)
        return (money.minorUnits < 0 ? "-" : "") + "\(units / 100)." + String(format: "%02d", units % 100)
    }

    /// The cases `staff` holds a key for, with notes, tasks and services.
    func caseTables(for staff: SignedInStaff, opened: inout [OpenedRecord], on db: any Database) async throws -> [CSVTable] {
        var caseTable = CSVTable(
            name: "cases",
            columns: [
                "code", "pseudonym", "name", "contact", "notes", "status", "closing_reason", "risk", "needs", "consents_to_services",
                "consents_to_sharing", "consents_to_statistics", "opened_at", "last_activity_at", "incidents",
            ])
        var notes = CSVTable(name: "case_notes", columns: ["case_code", "written_at", "body"])
        var tasks = CSVTable(name: "case_tasks", columns: ["case_code", "title", "due_on", "done"])
        var services = CSVTable(
            name: "case_services",
            columns: ["case_code", "need", "provider", "status", "starts_on", "ends_on", "cost", "currency", "budget_line"])
        let held = try await access.held(.case, by: staff, on: db)
        let records = try await Case.query(on: db).filter(\.$id ~~ held.recordIDs).sort(\.$code).all()
        for record in records {
            guard let key = try held.key(for: try record.requireID()) else { continue }
            let openedCase = try await cases.open(record, key: key, on: db)
            opened.append((Case.schema, try record.requireID()))
            let requester = openedCase.requester
            caseTable.append([
                record.code, requester.pseudonym, requester.name, requester.contact, requester.notes, record.status.rawValue,
                record.closingReason?.rawValue ?? "", record.risk.rawValue, record.needs, Self.yesNo(record.consentsToServices),
                Self.yesNo(record.consentsToSharing), Self.yesNo(record.consentsToStatistics), Self.moment(record.openedAt),
                Self.moment(record.lastActivityAt), openedCase.incidents.map(\.code).joined(separator: ";"),
            ])
            for note in openedCase.notes { notes.append([record.code, Self.moment(note.writtenAt), note.body]) }
            for task in openedCase.tasks { tasks.append([record.code, task.title, task.dueOn, Self.yesNo(task.isDone)]) }
            for service in openedCase.services {
                services.append([
                    record.code, service.need.rawValue, service.provider, service.status.rawValue, service.startsOn ?? "",
                    service.endsOn ?? "",
                    service.cost.map(Self.amount) ?? "",
                    service.cost?.currency ?? "", service.budgetLine?.rawValue ?? "",
                ])
            }
        }
        return [caseTable, notes, tasks, services]
    }
}
