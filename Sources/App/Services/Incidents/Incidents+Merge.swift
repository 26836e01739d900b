import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// An incident recorded twice becomes one.
extension Incidents {
    /// Why a merge is refused.
    enum MergeRefusal: Error {
        /// Both codes name the same incident.
        case sameIncident
        /// The duplicate is restricted and the survivor is not: its sealed content would become readable to every
        /// documenter.
        case wouldLowerProtection
    }

    /// Merges a duplicate incident into the survivor, irreversibly and in one audited transaction. The survivor keeps
    /// its own fields and gains the duplicate's incident types, acts and sources (sealed again under the survivor's keys),
    /// evidence (file keys sealed again), legal proceedings, links to cases, publications and reports; its previous state
    /// is kept as a revision. The duplicate is deleted with its key copies and index entry, and its code redirects.
    func merge(
        _ duplicate: Incident, keys duplicateKeys: DocumentationKeys, into survivor: Incident, keys survivorKeys: DocumentationKeys,
        by staff: SignedInStaff, now: Date = Date(), on db: any Database
    ) async throws {
        let duplicateID = try duplicate.requireID()
        let survivorID = try survivor.requireID()
        guard duplicateID != survivorID else { throw MergeRefusal.sameIncident }
        guard !duplicate.isRestricted || survivor.isRestricted else { throw MergeRefusal.wouldLowerProtection }
        let taken = try await open(duplicate, keys: duplicateKeys, on: db)
        let kept = try await open(survivor, keys: survivorKeys, on: db)
        let previous = kept.draft
        let change = try await combined(kept, taken, on: db)
        let changed = Self.changedFields(from: previous, to: change.draft)
        try await audit.transaction(on: db) { tx, audit in
            let revisionID = UUID()
            try await IncidentRevision(
                id: revisionID, incidentID: survivorID, actorID: staff.id, changedFields: changed.isEmpty ? ["acts"] : changed,
                previous: try StoredJSON.encode(
                    previous, sealedWith: survivor.isRestricted ? survivorKeys.incident : nil, binding: Self.revisionBinding(revisionID)),
                at: now
            ).create(on: tx)
            let stored = try await write(survivor, change, keys: survivorKeys, isNew: false, on: tx, now: now)
            let keptSources = previous.filledSources.count
            var sourceIDs: [UUID: UUID] = [:]
            for (index, source) in taken.sources.enumerated() where keptSources + index < stored.sources.count {
                sourceIDs[source.id] = UUID(uuidString: stored.sources[keptSources + index].id)
            }
            try await moveFiles(from: duplicate, keys: duplicateKeys, to: survivorID, keys: survivorKeys, sources: sourceIDs, on: tx)
            try await moveLinks(
                from: duplicateID, to: survivorID, duplicateKey: duplicateKeys.incident, survivorKey: survivorKeys.incident, on: tx)
            try await SearchIndex(tx, table: "incident_search").remove(seq: duplicate.seq)
            try await KeyGrant.query(on: tx).filter(\.$recordTable == Incident.schema).filter(\.$recordID == duplicateID.uuidString)
                .delete()
            try await MergedRecord.record(
                table: Incident.schema, merged: duplicateID, code: duplicate.code, into: survivorID, at: now, on: tx)
            try await duplicate.delete(on: tx)
            try await audit.append(
                actor: staff.actor, action: "incident.merge", table: Incident.schema, id: duplicateID.uuidString, at: now)
            try await audit.append(
                actor: staff.actor, action: "incident.update", table: Incident.schema, id: survivorID.uuidString, at: now)
        }
        try await recordedCountries.reload(on: db)
        publicPages.invalidate()
        await scrubber.scrub(db)
    }

    /// The survivor's draft with the duplicate's types, acts (as new rows) and sources appended, persons by record.
    private func combined(_ kept: OpenedIncident, _ taken: OpenedIncident, on db: any Database) async throws -> IncidentChange {
        var draft = kept.draft
        draft.types += taken.types.filter { !draft.types.contains($0) }
        let takenDraft = taken.draft
        draft.acts =
            draft.filledActs
            + takenDraft.filledActs.map { act in
                var row = act
                row.id = ""
                return row
            }
        draft.sources =
            draft.filledSources
            + takenDraft.filledSources.map { source in
                var row = source
                row.id = ""
                return row
            }
        let acts = kept.acts + taken.acts
        let ids = acts.flatMap { [$0.details.victimID] + ($0.details.perpetratorID.map { [$0] } ?? []) }
        let survivors = try await MergedRecord.survivors(table: Person.schema, of: ids, on: db)
        let wanted = Set(ids).union(survivors.values)
        let persons = Dictionary(
            try await Person.query(on: db).filter(\.$id ~~ wanted).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        func person(_ id: UUID) throws -> Person {
            guard let found = persons[id] ?? survivors[id].flatMap({ persons[$0] }) else { throw Abort(.conflict) }
            return found
        }
        return IncidentChange(
            draft: draft, victims: try acts.map { .existing(try person($0.details.victimID)) },
            perpetrators: try acts.map { act in try act.details.perpetratorID.map { .existing(try person($0)) } })
    }

    /// Moves the duplicate's evidence (file keys sealed again under the survivor's container key) and proceedings (sealed
    /// again under the survivor's key when it is restricted) to the survivor.
    private func moveFiles(
        from duplicate: Incident, keys duplicateKeys: DocumentationKeys, to survivorID: UUID, keys survivorKeys: DocumentationKeys,
        sources: [UUID: UUID], on tx: any Database
    ) async throws {
        let duplicateID = try duplicate.requireID()
        let survivorRestricted = survivorKeys.incident != nil
        for evidence in try await Evidence.query(on: tx).filter(\.$incident.$id == duplicateID).all() {
            let fileKey = try EvidenceStore.openKey(of: evidence, with: duplicateKeys.container)
            evidence.keySealed = try EvidenceStore.sealKey(fileKey, evidenceID: evidence.requireID(), with: survivorKeys.container)
            evidence.$incident.id = survivorID
            evidence.$source.id = evidence.$source.id.flatMap { sources[$0] }
            try await evidence.save(on: tx)
        }
        for proceeding in try await Proceeding.query(on: tx).filter(\.$incident.$id == duplicateID).all() {
            let draft = try LegalProceedings.open(proceeding, key: duplicate.isRestricted ? duplicateKeys.incident : nil)
            try LegalProceedings.store(
                draft, in: proceeding, key: survivorRestricted ? survivorKeys.incident : nil, now: proceeding.updatedAt)
            proceeding.$incident.id = survivorID
            try await proceeding.save(on: tx)
        }
        try await ProceedingRevision.query(on: tx).filter(\.$incident.$id == duplicateID).delete()
    }

    /// Moves the duplicate's links to cases, publications and reports to the survivor (once each).
    private func moveLinks(
        from duplicateID: UUID, to survivorID: UUID, duplicateKey: SymmetricKey?, survivorKey: SymmetricKey?, on tx: any Database
    ) async throws {
        let cases = Set(try await CaseIncident.query(on: tx).filter(\.$incident.$id == survivorID).all().map(\.$caseFile.id))
        for link in try await CaseIncident.query(on: tx).filter(\.$incident.$id == duplicateID).all() {
            if cases.contains(link.$caseFile.id) {
                try await link.delete(on: tx)
            } else {
                link.$incident.id = survivorID
                try await link.save(on: tx)
            }
        }
        let publications = Set(
            try await PublicationIncident.query(on: tx).filter(\.$incident.$id == survivorID).all().map(\.$publication.id))
        for link in try await PublicationIncident.query(on: tx).filter(\.$incident.$id == duplicateID).all() {
            if publications.contains(link.$publication.id) {
                try await link.delete(on: tx)
            } else {
                link.$incident.id = survivorID
                try await link.save(on: tx)
            }
        }
        let reports = Set(
            try await ReportLink.query(on: tx).filter(\.$recordTable == Incident.schema).filter(\.$recordID == survivorID).all()
                .map(\.$report.id))
        for link in try await ReportLink.query(on: tx).filter(\.$recordTable == Incident.schema).filter(\.$recordID == duplicateID).all() {
            guard !reports.contains(link.$report.id) else {
                try await link.delete(on: tx)
                continue
            }
            if let sealed = link.keySealed, let duplicateKey {
                let binding = ReportHandover.keyBinding(try link.requireID())
                let reportKey = try FieldCipher.openKey(sealed, with: duplicateKey, binding: binding)
                link.keySealed = try survivorKey.map { try FieldCipher.sealKey(reportKey, with: $0, binding: binding) }
            }
            link.recordID = survivorID
            try await link.save(on: tx)
        }
    }
}
