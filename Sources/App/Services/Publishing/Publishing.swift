import Fluent
import Foundation
import HavenDomain
import SQLKit
import Vapor

/// Publications: writing, the workflow, revisions, signatories, incident links and the search index.
struct Publishing: Sendable {
    let audit: AuditLog
    let publicPages: PublicPages
    /// The organisation's public identity, which this service's edits reload.
    let identity: SiteIdentityStore

    /// Why a status change was refused.
    enum Refusal: Error, Equatable {
        case notAllowed, needsPublisher

        var messageKey: String { self == .notAllowed ? "publication_refused_not_allowed" : "publication_refused_needs_publisher" }
    }

    /// What became of an edit.
    enum EditOutcome: Equatable {
        /// The text changed.
        case saved
        /// The publication is published or scheduled and the editor may not publish: the edit waits for a publisher.
        case proposed
    }

    /// The publication with a slug; 404 for none.
    func record(slug: String?, on db: any Database) async throws -> Publication {
        guard let slug, let record = try await Publication.find(on: db, slug: slug) else { throw Abort(.notFound) }
        return record
    }

    /// How many publications the staff list shows at once.
    static let staffPageSize = 50

    /// One page of the staff list, most recently changed first, optionally of one status and kind; with how many match.
    func list(status: PublicationStatus?, kind: PublicationKind? = nil, page: Int = 1, on db: any Database) async throws -> (
        rows: [ListedPublication], total: Int, page: Int, pageCount: Int
    ) {
        var query = Publication.query(on: db)
        if let status { query = query.filter(\.$status == status) }
        if let kind { query = query.filter(\.$kind == kind) }
        let total = try await query.count()
        let pages = max(1, (total + Self.staffPageSize - 1) / Self.staffPageSize)
        let page = min(max(1, page), pages)
        let records = try await query.sort(\.$updatedAt, .descending).sort(\.$seq, .descending)
            .range(((page - 1) * Self.staffPageSize)..<(page * Self.staffPageSize)).all()
        return (try records.map(ListedPublication.init), total, page, pages)
    }

    /// The languages publications may be written in, in order.
    func languages(on db: any Database) async throws -> [ContentLanguage] {
        try await ContentLanguage.query(on: db).sort(\.$position).all()
    }

    /// Every signatory recorded so far, by name.
    func signatories(on db: any Database) async throws -> [Signatory] {
        try await Signatory.query(on: db).sort(\.$name).all()
    }

    /// How many revisions a publication has.
    func revisionCount(of record: Publication, on db: any Database) async throws -> Int {
        try await PublicationRevision.query(on: db).filter(\.$publication.$id == record.requireID()).count()
    }

    /// Linked incident codes that are not public incidents (they cannot be linked from a public text).
    func unknownIncidents(_ codes: [String], on db: any Database) async throws -> [String] {
        var unknown: [String] = []
        for code in codes {
            guard let normalized = RecordCode.normalized(code, prefix: "I"),
                let incident = try await Incident.find(on: db, code: normalized),
                incident.confidentiality == .public
            else {
                unknown.append(code)
                continue
            }
        }
        return unknown
    }

    /// Stores a new draft; returns its slug.
    func create(_ draft: PublicationDraft, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws -> String {
        let record = Publication()
        record.id = UUID()
        record.status = .draft
        record.createdAt = now
        return try await audit.transaction(on: db) { tx, audit in
            record.seq = try await Counters.next("publications", on: tx)
            let base = Slug.make(draft.title.text(in: draft.originalLanguage, original: draft.originalLanguage).text)
            var slug = base
            var number = 2
            while try await Publication.find(on: tx, slug: slug) != nil {
                slug = "\(base)-\(number)"
                number += 1
            }
            record.slug = slug
            try await write(record, draft, isNew: true, on: tx, now: now)
            try await revise(record, draft, action: "create", by: staff.id, on: tx, now: now)
            try await audit.append(
                actor: staff.actor, action: "publication.create", table: Publication.schema, id: record.requireID().uuidString, at: now)
            return slug
        }
    }

    /// Saves an edit (the slug stays, so links keep working). An edit of a published or scheduled publication by
    /// someone who may not publish is kept as the publication's proposal instead (replacing an earlier one), and the
    /// site keeps the published text until a publisher approves it.
    func edit(_ record: Publication, _ draft: PublicationDraft, by staff: SignedInStaff, now: Date = Date(), on db: any Database)
        async throws
        -> EditOutcome
    {
        let id = try record.requireID()
        if PublicationWorkflow.editNeedsReview(status: record.status, canPublish: staff.role.can(.publishes)) {
            let proposal = PublicationProposal()
            proposal.$publication.id = id
            proposal.$author.id = staff.id
            proposal.draft = try JSONEncoder().encode(draft)
            proposal.proposedAt = now
            try await audit.transaction(on: db) { tx, audit in
                try await PublicationProposal.query(on: tx).filter(\.$publication.$id == id).delete()
                try await proposal.create(on: tx)
                try await revise(record, draft, action: "proposed", by: staff.id, on: tx, now: now)
                try await audit.append(
                    actor: staff.actor, action: "publication.propose", table: Publication.schema, id: id.uuidString, at: now)
            }
            return .proposed
        }
        try await audit.transaction(on: db) { tx, audit in
            try await write(record, draft, isNew: false, on: tx, now: now)
            try await revise(record, draft, action: "edit", by: staff.id, on: tx, now: now)
            try await audit.append(actor: staff.actor, action: "publication.update", table: Publication.schema, id: id.uuidString, at: now)
        }
        publicPages.invalidate()
        return .saved
    }

    /// Moves a publication along the workflow; publishing needs a role that publishes and takes a moment (default now).
    func changeStatus(
        of record: Publication, to status: PublicationStatus, publishAt: Date?, by staff: SignedInStaff, now: Date = Date(),
        on db: any Database
    ) async throws {
        guard PublicationWorkflow.next(after: record.status).contains(status) else { throw Refusal.notAllowed }
        guard PublicationWorkflow.allows(from: record.status, to: status, canPublish: staff.role.can(.publishes)) else {
            throw Refusal.needsPublisher
        }
        let draft = try await open(record, on: db).draft
        record.status = status
        if status == .published { record.publishedAt = publishAt ?? now }
        record.updatedAt = now
        try await audit.transaction(on: db) { tx, audit in
            try await record.save(on: tx)
            try await Self.index(record, draft, on: tx)
            try await revise(record, draft, action: status.rawValue, by: staff.id, on: tx, now: now)
            try await audit.append(
                actor: staff.actor, action: "publication.status.\(status.rawValue)", table: Publication.schema,
                id: record.requireID().uuidString, at: now)
        }
        publicPages.invalidate()
        if status == .published, let moment = record.publishedAt, moment > now { publicPages.expire(at: moment) }
    }

    /// Tells the page cache when the next scheduled publication appears (at start).
    func scheduleExpiry(now: Date = Date(), on db: any Database) async throws {
        if let next = try await Publication.query(on: db).filter(\.$status == .published).filter(\.$publishedAt > now)
            .sort(\.$publishedAt).first()?.publishedAt
        {
            publicPages.expire(at: next)
        }
    }

    /// The publication as the editor shows it.
    func open(_ record: Publication, on db: any Database) async throws -> OpenedPublication {
        let id = try record.requireID()
        let content = try JSONDecoder().decode(PublicationContent.self, from: record.content)
        let signatories = try await PublicationSignatory.query(on: db).filter(\.$publication.$id == id).sort(\.$position).with(\.$signatory)
            .all()
            .map(\.signatory.name)
        let links = try await PublicationIncident.query(on: db).filter(\.$publication.$id == id).all().map(\.$incident.id)
        let incidents = try await Incident.query(on: db).filter(\.$id ~~ links).sort(\.$startFrom, .descending).all()
        var draft = PublicationDraft()
        draft.kind = record.kind
        draft.originalLanguage = record.originalLanguage
        draft.title = content.title
        draft.summary = content.summary
        draft.body = content.body
        draft.date = record.date
        draft.countries = Publication.codes(record.countries)
        draft.categories = Publication.codes(record.categories)
        draft.incidents = incidents.map(\.code)
        draft.signatories = signatories
        draft.venue = content.venue
        draft.participants = content.participants.map(String.init) ?? ""
        return OpenedPublication(record: record, draft: draft, content: content, signatories: signatories, incidents: incidents)
    }

    func write(_ record: Publication, _ draft: PublicationDraft, isNew: Bool, on tx: any Database, now: Date) async throws {
        let content = PublicationContent(
            title: draft.title, summary: draft.summary, body: draft.body, venue: draft.venue,
            participants: Int(draft.participants.trimmingCharacters(in: .whitespaces)))
        record.kind = draft.kind
        record.originalLanguage = draft.originalLanguage
        record.content = try JSONEncoder().encode(content)
        record.date = draft.date
        record.countries = Publication.list(draft.countries.map { $0.uppercased() }.sorted())
        record.categories = Publication.list(draft.categories.sorted())
        record.languages = Publication.list(draft.title.languages.sorted())
        record.updatedAt = now
        if isNew { try await record.create(on: tx) } else { try await record.save(on: tx) }
        let id = try record.requireID()
        try await PublicationSignatory.query(on: tx).filter(\.$publication.$id == id).delete()
        for (position, name) in draft.signatories.enumerated() {
            let signatory = try await signatory(named: name, on: tx)
            try await PublicationSignatory(publicationID: id, signatoryID: signatory.requireID(), position: position).create(on: tx)
        }
        try await PublicationIncident.query(on: tx).filter(\.$publication.$id == id).delete()
        for code in draft.incidents {
            guard let normalized = RecordCode.normalized(code, prefix: "I"),
                let incident = try await Incident.find(on: tx, code: normalized)
            else { continue }
            try await PublicationIncident(publicationID: id, incidentID: incident.requireID()).create(on: tx)
        }
        try await Self.index(record, draft, on: tx)
    }

    /// The signatory with this name (ignoring case and diacritics), made on first use.
    private func signatory(named name: String, on tx: any Database) async throws -> Signatory {
        let key = SearchText.fold(name)
        if let existing = try await Signatory.query(on: tx).filter(\.$nameKey == key).first() { return existing }
        let signatory = Signatory(name: name.trimmingCharacters(in: .whitespacesAndNewlines))
        try await signatory.create(on: tx)
        return signatory
    }

    func revise(_ record: Publication, _ draft: PublicationDraft, action: String, by userID: UUID, on tx: any Database, now: Date)
        async throws
    {
        let revision = PublicationRevision()
        revision.$publication.id = try record.requireID()
        revision.$actor.id = userID
        revision.action = action
        revision.snapshot = try JSONEncoder().encode(
            PublicationSnapshot(draft: draft, status: record.status, publishedAt: record.publishedAt))
        revision.changedAt = now
        try await revision.create(on: tx)
    }

    /// Puts a publication's words (every language, signatories, venue) and filter words in the search index.
    static func index(_ record: Publication, _ draft: PublicationDraft, on tx: any Database) async throws {
        let texts = [draft.title, draft.summary].flatMap { $0.values.values } + draft.body.values.values.map(Markup.plainText)
        let document = SearchText.fold((texts + draft.signatories + [draft.venue]).joined(separator: " "))
        let facets =
            (["k_\(record.kind.rawValue)", "s_\(record.status.rawValue)"] + draft.countries.map { "c_" + $0.lowercased() }
            + draft.categories.map { "g_" + $0 } + draft.title.languages.sorted().map { "l_" + $0 }).joined(separator: " ")
        try await SearchIndex(tx, table: "publication_search").replace(seq: record.seq, document: document, facets: facets)
    }
}
