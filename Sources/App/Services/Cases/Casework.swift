import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Cases: creation (also from a report), opening for the staff they are sealed to, lists, the workflow, access, tasks,
/// services, linked incidents and erasure.
struct Casework: Sendable {
    let audit: AuditLog
    let access: RecordAccess
    let intake: Intake
    let handover: ReportHandover
    let scrubber: RemovedTextScrubber

    static func requesterBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: Case.schema, recordID: id.uuidString, field: "requester")
    }
    static func noteBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: CaseNote.schema, recordID: id.uuidString, field: "body") }
    static func taskBinding(_ id: UUID) -> FieldBinding { FieldBinding(table: CaseTask.schema, recordID: id.uuidString, field: "title") }
    static func serviceBinding(_ id: UUID) -> FieldBinding {
        FieldBinding(table: CaseService.schema, recordID: id.uuidString, field: "provider")
    }

    /// Creates a case with a fresh key, sealed to its creator and the recovery key; returns its code.
    func create(_ new: NewCase, by creator: SignedInStaff, now: Date = Date(), on db: any Database) async throws -> String {
        guard let user = try await User.find(creator.id, on: db) else { throw Abort(.unauthorized) }
        let id = UUID()
        let key = SymmetricKey(size: .bits256)
        let requester = String(decoding: try JSONEncoder().encode(new.requester), as: UTF8.self)
        var code = CaseCode.random()
        while try await Case.find(on: db, code: code) != nil { code = CaseCode.random() }
        let draft = new.draft
        let record = Case(
            id: id, code: code, risk: new.risk, needs: draft.needs,
            consents: (draft.consentsToServices, draft.consentsToSharing, draft.consentsToStatistics),
            requesterSealed: try FieldCipher.seal(requester, with: key, binding: Self.requesterBinding(id)),
            sourceReportID: new.sourceReportID, at: now)
        let firstNote = draft.firstNote.trimmingCharacters(in: .whitespacesAndNewlines)
        let noteID = UUID()
        let note =
            firstNote.isEmpty
            ? nil
            : CaseNote(
                id: noteID, caseID: id, authorID: creator.id,
                bodySealed: try FieldCipher.seal(firstNote, with: key, binding: Self.noteBinding(noteID)), at: now)
        try await audit.transaction(on: db) { tx, audit in
            try await record.create(on: tx)
            try await access.seal(key, of: .case(id), to: [(creator.id, user.publicKey)], on: tx)
            try await note?.create(on: tx)
            if let reportID = new.sourceReportID, let reportKey = new.sourceReportKey {
                try await handover.link(reportID, reportKey: reportKey, to: .case(id), sharedWith: key, now: now, on: tx)
            }
            try await CaseEvent(caseID: id, actorID: creator.id, kind: new.sourceReportID == nil ? .opened : .triaged, at: now).create(
                on: tx)
            try await audit.append(
                actor: creator.actor, action: new.sourceReportID == nil ? "case.create" : "case.create.from-report",
                table: Case.schema, id: id.uuidString, at: now)
        }
        return code
    }

    /// Whether a case code exists (find by code).
    func exists(code: String, on db: any Database) async throws -> Bool {
        try await Case.find(on: db, code: code) != nil
    }

    /// The case with a code and its key for a staff member; 404 for an unknown code, 403 (audited) without a key copy.
    func record(code typed: String?, for staff: SignedInStaff, reason: String, on db: any Database) async throws -> (Case, SymmetricKey) {
        guard let code = typed.flatMap(CaseCode.normalized), let record = try await Case.find(on: db, code: code) else {
            throw Abort(.notFound)
        }
        let key = try await access.requireKey(
            of: .case(try record.requireID()), for: staff, deniedAction: "case.read.denied", reason: reason, on: db)
        return (record, key)
    }

    /// A case's requester, opened with its key.
    func requester(of record: Case, key: SymmetricKey) throws -> Requester {
        let sealed = try FieldCipher.open(record.requesterSealed, with: key, binding: Self.requesterBinding(record.requireID()))
        return try JSONDecoder().decode(Requester.self, from: Data(sealed.utf8))
    }

    /// Opens a case's requester, notes, tasks, services, timeline, holders and linked incidents with its key.
    func open(_ record: Case, key: SymmetricKey, on db: any Database) async throws -> OpenedCase {
        let id = try record.requireID()
        let requester = try self.requester(of: record, key: key)
        let notes = try await CaseNote.query(on: db).filter(\.$caseFile.$id == id).sort(\.$writtenAt).all().map { note in
            OpenedCase.Note(
                body: try FieldCipher.open(note.bodySealed, with: key, binding: Self.noteBinding(try note.requireID())),
                writtenAt: note.writtenAt)
        }
        let tasks = try await CaseTask.query(on: db).filter(\.$caseFile.$id == id).sort(\.$dueOn).all().map { task in
            let taskID = try task.requireID()
            return OpenedCase.Task(
                id: taskID, title: try FieldCipher.open(task.titleSealed, with: key, binding: Self.taskBinding(taskID)),
                dueOn: task.dueOn, isDone: task.isDone)
        }
        let services = try await CaseService.query(on: db).filter(\.$caseFile.$id == id).all().map { service in
            OpenedCase.Service(
                id: try service.requireID(), need: service.need,
                provider: try FieldCipher.open(service.providerSealed, with: key, binding: Self.serviceBinding(service.requireID())),
                status: service.status, startsOn: service.startsOn, endsOn: service.endsOn, cost: service.cost,
                budgetLine: service.budgetLine)
        }
        let events = try await CaseEvent.query(on: db).filter(\.$caseFile.$id == id).sort(\.$happenedAt).all()
        return OpenedCase(
            record: record, requester: requester, notes: notes, tasks: tasks, services: services, events: events,
            holders: try await access.holders(of: .case(id), on: db), incidents: try await incidents(of: record, on: db), key: key)
    }

    /// One page of the cases sealed to a staff member, most recently active first; only the page's requesters are opened.
    func list(_ filter: CaseFilter, for staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws -> CaseListing {
        let held = try await access.held(.case, by: staff, on: db)
        var ids = held.recordIDs
        if filter.onlyOverdue {
            ids = try await CaseTask.query(on: db).filter(\.$isDone == false).filter(\.$dueOn < Day.today(now)).filter(
                \.$caseFile.$id ~~ ids
            ).all()
                .map(\.$caseFile.id)
        }
        var query = Case.query(on: db).filter(\.$id ~~ Array(Set(ids)))
        if let status = filter.status { query = query.filter(\.$status == status) }
        if let risk = filter.risk { query = query.filter(\.$risk == risk) }
        if filter.inactiveDays > 0 {
            query = query.filter(\.$lastActivityAt < now.addingTimeInterval(-Double(filter.inactiveDays) * 86_400)).filter(
                \.$status != .closed)
        }
        let total = try await query.count()
        let page = min(max(1, filter.page), max(1, (total + CaseFilter.pageSize - 1) / CaseFilter.pageSize))
        let records = try await query.sort(\.$lastActivityAt, .descending).range(
            ((page - 1) * CaseFilter.pageSize)..<(page * CaseFilter.pageSize)
        ).all()
        let rows = try records.compactMap { record -> CaseListing.Row? in
            let id = try record.requireID()
            guard let key = try held.key(for: id) else { return nil }
            let requester = try self.requester(of: record, key: key)
            return CaseListing.Row(
                code: record.code, pseudonym: requester.pseudonym, status: record.status, risk: record.risk,
                lastActivityAt: record.lastActivityAt)
        }
        return CaseListing(rows: rows, total: total, page: page)
    }

    /// How many cases there are in each status (coordinators see this without opening any case).
    func countsByStatus(on db: any Database) async throws -> [(status: CaseStatus, count: Int)] {
        var counts: [(CaseStatus, Int)] = []
        for status in CaseStatus.allCases { counts.append((status, try await Case.query(on: db).filter(\.$status == status).count())) }
        return counts
    }

    /// A staff member's open cases and overdue tasks, for the dashboard.
    func workload(for staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws -> (open: Int, overdueTasks: Int) {
        let ids = try await access.held(.case, by: staff, on: db).recordIDs
        let open = try await Case.query(on: db).filter(\.$id ~~ ids).filter(\.$status != .closed).count()
        let overdue = try await CaseTask.query(on: db).filter(\.$caseFile.$id ~~ ids).filter(\.$isDone == false).filter(
            \.$dueOn < Day.today(now)
        ).count()
        return (open, overdue)
    }

    /// Adds a sealed note.
    func addNote(_ text: String, to record: Case, key: SymmetricKey, by staff: SignedInStaff, now: Date = Date(), on db: any Database)
        async throws
    {
        let noteID = UUID()
        let note = CaseNote(
            id: noteID, caseID: try record.requireID(), authorID: staff.id,
            bodySealed: try FieldCipher.seal(text, with: key, binding: Self.noteBinding(noteID)), at: now)
        try await recordChange(record, event: .note, action: "case.note", by: staff, now: now, on: db) { tx in try await note.create(on: tx)
        }
    }

    /// Runs a change with its timeline line, the case's activity date and the audit entry, in one transaction.
    func recordChange(
        _ record: Case, event: CaseEvent.Kind, detail: String = "", action: String, by staff: SignedInStaff, now: Date = Date(),
        on db: any Database, _ change: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        let caseID = try record.requireID()
        record.lastActivityAt = now
        try await audit.transaction(on: db) { tx, audit in
            try await change(tx)
            try await record.save(on: tx)
            try await CaseEvent(caseID: caseID, actorID: staff.id, kind: event, detail: detail, at: now).create(on: tx)
            try await audit.append(actor: staff.actor, action: action, table: Case.schema, id: caseID.uuidString, at: now)
        }
    }

    /// Audits a staff member's reading of a case.
    func recordReading(_ record: Case, by staff: SignedInStaff, on db: any Database) async throws {
        try await audit.append(on: db, actor: staff.actor, action: "case.read", table: Case.schema, id: record.requireID().uuidString)
    }
}

extension Casework {
    /// Triage: a case from an anonymous report the staff member holds, with the report's needs and contact; the report
    /// stays in the inbox, and its thread goes with the case to whoever is given it.
    func create(fromReport reportID: UUID, by staff: SignedInStaff, pseudonymPrefix: String, reason: String, on db: any Database)
        async throws -> String
    {
        let opened = try await intake.peek(reportID, for: staff, reason: reason, on: db)
        var draft = CaseDraft()
        draft.pseudonym = pseudonymPrefix + " " + Moment.text(opened.receivedAt)
        draft.contact = opened.submission.contact
        draft.notes = opened.submission.narrative
        draft.needs = opened.submission.needs
        return try await create(
            NewCase(draft: draft, risk: .moderate, sourceReportID: reportID, sourceReportKey: opened.key), by: staff, on: db)
    }
}
