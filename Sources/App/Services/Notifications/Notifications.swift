import Fluent
import Foundation
import HavenDomain
import SQLKit

/// What waits for a staff member, worked out from the records when asked (nothing is stored): new reports, cases
/// given to them that they have not opened since, tasks falling due, hearings in the coming week, publications waiting
/// for review. Each kind only for a role that can act on it.
struct Notifications: Sendable {
    let access: RecordAccess
    let intake: Intake
    let incidents: Incidents

    /// Tasks due within this many days (and overdue ones) are shown.
    static let taskHorizonDays = 3
    /// Hearings within this many days are shown.
    static let hearingHorizonDays = 7
    /// A case given this long ago and never opened no longer counts as new.
    static let givenHorizon: TimeInterval = 30 * 86_400

    /// Everything waiting, in a fixed order; kinds with nothing waiting are left out.
    func waiting(for staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws -> [WaitingItem] {
        var items: [WaitingItem] = []
        let role = staff.role
        if role.triagesIntake {
            items.append(.init(kind: .newReports, count: try await intake.unreadCount(for: staff, on: db), path: "/app/inbox?unread=yes"))
        }
        if role.runsCases {
            let given = try await casesGiven(to: staff, now: now, on: db)
            items.append(.init(kind: .casesGiven, count: given.count, path: given.count == 1 ? "/app/cases/\(given[0])" : "/app/cases"))
            items.append(.init(kind: .tasksDue, count: try await tasksDue(for: staff, now: now, on: db), path: "/app/cases?view=overdue"))
        }
        if role.readsDocumentation {
            items.append(.init(kind: .hearingsSoon, count: try await hearingsSoon(for: staff, now: now, on: db), path: "/app/hearings"))
        }
        if role.publishes {
            let inReview = try await Publication.query(on: db).filter(\.$status == .inReview).count()
            items.append(.init(kind: .publicationsInReview, count: inReview, path: "/app/publications?status=in_review"))
        }
        return items.filter { $0.count > 0 }
    }

    /// How many things wait in all (the navigation's count).
    func count(for staff: SignedInStaff, on db: any Database) async throws -> Int {
        try await waiting(for: staff, on: db).reduce(0) { $0 + $1.count }
    }

    /// Codes of the cases given to the staff member (by someone else) that they have not opened since.
    func casesGiven(to staff: SignedInStaff, now: Date, on db: any Database) async throws -> [String] {
        let events = try await CaseEvent.query(on: db).filter(\.$kind == .assigned).filter(\.$detail == staff.id.uuidString)
            .filter(\.$happenedAt > now.addingTimeInterval(-Self.givenHorizon)).all()
        var latest: [UUID: Date] = [:]
        for event in events where event.$actor.id != staff.id {
            latest[event.$caseFile.id] = max(latest[event.$caseFile.id] ?? .distantPast, event.happenedAt)
        }
        guard !latest.isEmpty else { return [] }
        let held = try await access.held(.case, ids: Array(latest.keys), by: staff, on: db)
        let readings = try await AuditEntry.query(on: db).filter(\.$actor == staff.actor).filter(\.$action == "case.read")
            .filter(\.$targetID ~~ latest.keys.map(\.uuidString)).all()
        var lastRead: [String: Int64] = [:]
        for entry in readings { lastRead[entry.targetID] = max(lastRead[entry.targetID] ?? .min, entry.occurredAt) }
        let unopened = latest.filter { caseID, given in
            held.contains(caseID) && (lastRead[caseID.uuidString] ?? .min) < Int64(given.timeIntervalSince1970)
        }.map(\.key)
        guard !unopened.isEmpty else { return [] }
        return try await Case.query(on: db).filter(\.$id ~~ unopened).sort(\.$code).all().map(\.code)
    }

    /// Open tasks of the staff member's cases that are overdue or due within the horizon.
    func tasksDue(for staff: SignedInStaff, now: Date, on db: any Database) async throws -> Int {
        let ids = try await access.held(.case, by: staff, on: db).recordIDs
        guard !ids.isEmpty else { return 0 }
        let horizon = Day.today(now.addingTimeInterval(Double(Self.taskHorizonDays) * 86_400))
        return try await CaseTask.query(on: db).filter(\.$caseFile.$id ~~ ids).filter(\.$isDone == false).filter(\.$dueOn <= horizon)
            .count()
    }

    /// Hearings from today to the horizon in incidents the staff member can read.
    func hearingsSoon(for staff: SignedInStaff, now: Date, on db: any Database) async throws -> Int {
        let horizon = Day.today(now.addingTimeInterval(Double(Self.hearingHorizonDays) * 86_400))
        let soon = try await incidents.proceedings.upcoming(from: Day.today(now), on: db).filter { $0.day <= horizon }
        let restricted = soon.compactMap { $0.incident.isRestricted ? $0.incident.id : nil }
        let held = try await access.held(.incident, ids: restricted, by: staff, on: db)
        return soon.filter { item in !item.incident.isRestricted || item.incident.id.map(held.contains) == true }.count
    }

    /// Who has a task or a hearing falling due within the horizons, for the daily notice by e-mail: the holders of
    /// cases with such a task (if their role runs cases), and those who read documentation for a hearing of a clear
    /// incident (or hold the key of a restricted one). Worked out without anyone's private key.
    func withSomethingDue(now: Date, on db: any Database) async throws -> Set<UUID> {
        let users = try await User.query(on: db).filter(\.$status == .active).all()
        let roles = Dictionary(users.compactMap { user in user.id.map { ($0, user.role) } }, uniquingKeysWith: { first, _ in first })
        var due: Set<UUID> = []
        let taskHorizon = Day.today(now.addingTimeInterval(Double(Self.taskHorizonDays) * 86_400))
        let caseIDs = try await CaseTask.query(on: db).filter(\.$isDone == false).filter(\.$dueOn <= taskHorizon).all()
            .map { $0.$caseFile.id.uuidString }
        for holder in try await holders(.case, of: Set(caseIDs), on: db) where roles[holder]?.runsCases == true { due.insert(holder) }
        let hearingHorizon = Day.today(now.addingTimeInterval(Double(Self.hearingHorizonDays) * 86_400))
        let soon = try await incidents.proceedings.upcoming(from: Day.today(now), on: db).filter { $0.day <= hearingHorizon }
        let readers = Set(roles.filter { $0.value.readsDocumentation }.keys)
        if soon.contains(where: { !$0.incident.isRestricted }) { due.formUnion(readers) }
        let restricted = Set(soon.compactMap { $0.incident.isRestricted ? $0.incident.id?.uuidString : nil })
        due.formUnion(try await holders(.incident, of: restricted, on: db).intersection(readers))
        return due
    }

    private func holders(_ kind: RecordKind, of recordIDs: Set<String>, on db: any Database) async throws -> Set<UUID> {
        guard !recordIDs.isEmpty else { return [] }
        let grants = try await KeyGrant.query(on: db).filter(\.$recordTable == kind.table).filter(\.$recordID ~~ Array(recordIDs)).all()
        return Set(grants.compactMap { $0.$holder.id })
    }
}
