import Fluent
import Foundation
import HavenDomain

extension Exports {
    /// Incidents (restricted ones only when `staff` holds their key) with their acts, sources, proceedings and evidence,
    /// and every person, opened with the documentation key.
    func documentation(for staff: SignedInStaff, opened: inout [OpenedRecord], on db: any Database) async throws -> [CSVTable] {
        let documentationKey = try await incidents.documentationKey(for: staff, reason: "", on: db)
        let restricted = try await access.held(.incident, by: staff, on: db)
        var tables = DocumentationTables()
        for record in try await Incident.query(on: db).sort(\.$seq).all() {
            var keys = DocumentationKeys(documentation: documentationKey)
            if record.isRestricted {
                guard let key = try restricted.key(for: try record.requireID()) else { continue }
                keys.incident = key
                opened.append((Incident.schema, try record.requireID()))
            }
            let opened = try await incidents.open(record, keys: keys, on: db)
            tables.add(opened, files: try await incidents.files(of: opened, on: db), labels: self)
        }
        for person in try await Person.query(on: db).sort(\.$code).all() {
            let identity = try Persons.open(person, key: documentationKey)
            opened.append((Person.schema, try person.requireID()))
            tables.persons.append([
                person.code, identity.name, identity.otherNames, identity.contacts, identity.dateOfBirth,
                identity.sexualOrientation.rawValue,
                identity.genderIdentity.rawValue, identity.intersexStatus.rawValue,
                identity.vulnerabilities.map(\.rawValue).joined(separator: ";"),
                identity.notes,
            ])
        }
        return [tables.incidents, tables.acts, tables.sources, tables.proceedings, tables.evidence, tables.persons]
    }
}

/// The documentation tables as they fill.
private struct DocumentationTables {
    var incidents = CSVTable(
        name: "incidents",
        columns: [
            "code", "confidentiality", "title", "description", "country", "region", "city", "place_detail", "start_date", "end_date",
            "types",
            "type_labels", "violation_status", "reliability", "verification", "victims", "participants", "detainees", "created_at",
            "updated_at",
        ])
    var acts = CSVTable(
        name: "acts",
        columns: [
            "incident_code", "position", "victim_code", "victim_name", "type", "type_label", "date", "place_type", "status", "consequences",
            "perpetrator_code", "perpetrator_name", "perpetrator_type", "involvement",
        ])
    var sources = CSVTable(
        name: "sources", columns: ["incident_code", "position", "kind", "title", "url", "published_on", "reliability", "connection"])
    var proceedings = CSVTable(
        name: "proceedings",
        columns: [
            "incident_code", "court", "case_number", "law", "article", "stage", "decision", "penalty", "fine_amount", "fine_currency",
            "detention_days", "appeal_deadline", "representative", "legal_aid_refused", "hearings",
        ])
    var evidence = CSVTable(name: "evidence", columns: ["incident_code", "file_name", "content_type", "size", "sha256", "custody"])
    var persons = CSVTable(
        name: "persons",
        columns: [
            "code", "name", "other_names", "contacts", "date_of_birth", "sexual_orientation", "gender_identity", "intersex_status",
            "vulnerabilities", "notes",
        ])

    mutating func add(_ opened: OpenedIncident, files: IncidentFiles, labels: Exports) {
        let record = opened.record
        let code = record.code
        incidents.append([
            code, record.confidentiality.rawValue, opened.narrative.title, opened.narrative.description, record.country,
            opened.narrative.region, opened.narrative.city, opened.narrative.placeDetail, record.startDate, record.endDate ?? "",
            opened.types.joined(separator: ";"), opened.types.map { labels.label("incident-types", $0) }.joined(separator: ";"),
            record.violationStatus, record.reliability, record.verification.rawValue, record.victims.map(String.init) ?? "",
            record.participants.map(String.init) ?? "", record.detainees.map(String.init) ?? "", Exports.moment(record.createdAt),
            Exports.moment(record.updatedAt),
        ])
        for (index, act) in opened.acts.enumerated() {
            let details = act.details
            acts.append([
                code, String(index + 1), act.victim?.code ?? "", act.victim?.name ?? "", details.type,
                labels.label("incident-types", details.type),
                details.date, details.placeType, details.status, details.consequences, act.perpetrator?.code ?? "",
                act.perpetrator?.name ?? "",
                details.perpetratorType, details.degree,
            ])
        }
        for (index, source) in opened.sources.enumerated() {
            let draft = source.draft
            sources.append([
                code, String(index + 1), draft.kind.rawValue, draft.title, draft.url, draft.publishedOn, draft.reliability,
                draft.connection,
            ])
        }
        for proceeding in files.proceedings {
            let draft = proceeding.draft
            proceedings.append([
                code, draft.court, draft.caseNumber, draft.law, draft.article, draft.stage.rawValue, draft.decision, draft.penalty.rawValue,
                draft.fineAmount, draft.fineCurrency, draft.detentionDays, draft.appealDeadline, draft.representative,
                Exports.yesNo(draft.legalAidRefused), draft.hearings.map { "\($0.day) \($0.outcome)" }.joined(separator: ";"),
            ])
        }
        for item in files.evidence {
            evidence.append([
                code, item.about.fileName, item.about.contentType, String(item.size), item.about.sha256,
                item.custody.map { "\(Exports.moment($0.at)) \($0.action.rawValue)" }.joined(separator: ";"),
            ])
        }
    }
}
