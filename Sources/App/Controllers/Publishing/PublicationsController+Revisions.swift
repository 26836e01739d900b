import Fluent
import HavenDomain
import Vapor

extension PublicationsController {
    @Sendable func revisions(req: Request) async throws -> View {
        _ = try Self.writer(req)
        let record = try await publication(req)
        let revisions = try await PublicationRevision.query(on: req.db).filter(\.$publication.$id == record.requireID()).sort(\.$changedAt).all()
        var previous: PublicationSnapshot?
        var views: [PublicationRevisionsPage.Revision] = []
        for revision in revisions {
            let snapshot = try JSONDecoder().decode(PublicationSnapshot.self, from: revision.snapshot)
            views.append(.init(changedAt: ReportThread.format(revision.changedAt), actor: String(revision.$actor.id?.uuidString.prefix(8) ?? "—"),
                               action: PublicationStatus(rawValue: revision.action).map { req.t($0.labelKey) } ?? req.t("publication_action_\(revision.action)"),
                               changes: Self.differences(from: previous, to: snapshot, req: req)))
            previous = snapshot
        }
        return try await req.view.render("publication-revisions", PublicationRevisionsPage(
            chrome: await .make(for: req, titleKey: "publication_revisions_title"), slug: record.slug, revisions: views.reversed()))
    }

    /// The fields that differ between two snapshots, as text before and after (everything, for the first).
    static func differences(from old: PublicationSnapshot?, to new: PublicationSnapshot, req: Request) -> [PublicationRevisionsPage.Change] {
        func fields(_ snapshot: PublicationSnapshot?) -> [(String, String)] {
            guard let snapshot else { return [] }
            let draft = snapshot.draft
            var fields: [(String, String)] = [
                (req.t("publication_field_status"), req.t(snapshot.status.labelKey)), (req.t("publication_field_kind"), req.t(draft.kind.labelKey)),
                (req.t("publication_field_date"), draft.date), (req.t("publication_field_original"), draft.originalLanguage),
            ]
            for language in draft.title.languages.union(draft.summary.languages).union(draft.body.languages).sorted() {
                fields.append(("\(req.t("publication_field_title")) [\(language)]", draft.title.values[language] ?? ""))
                fields.append(("\(req.t("publication_field_summary")) [\(language)]", draft.summary.values[language] ?? ""))
                fields.append(("\(req.t("publication_field_body")) [\(language)]", draft.body.values[language] ?? ""))
            }
            fields += [
                (req.t("publication_field_countries"), draft.countries.joined(separator: ", ")),
                (req.t("publication_field_categories"), draft.categories.joined(separator: ", ")),
                (req.t("publication_field_incidents"), draft.incidents.joined(separator: ", ")),
                (req.t("publication_signatories"), draft.signatories.isEmpty ? "" : "\(draft.signatories.count): " + draft.signatories.joined(separator: "; ")),
                (req.t("publication_venue"), draft.venue), (req.t("publication_participants"), draft.participants),
            ]
            return fields
        }
        let before = Dictionary(fields(old), uniquingKeysWith: { a, _ in a })
        return fields(new).filter { before[$0.0] != $0.1 && !(before[$0.0] == nil && $0.1.isEmpty) }
            .map { .init(field: $0.0, before: before[$0.0] ?? "", after: $0.1) }
    }
}
