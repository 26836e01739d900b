import HavenDomain
import Vapor

/// A publication's history, and edits waiting for a publisher.
extension PublicationsController {
    @Sendable func revisions(req: Request) async throws -> Response {
        let staff = try req.require(.writesPublications)
        let record = try await publication(req)
        let names = try await req.haven.colleagues.names(for: staff, on: req.db)
        var previous: PublicationSnapshot?
        var views: [PublicationRevisionsPage.Revision] = []
        for revision in try await req.haven.publishing.history(of: record, on: req.db) {
            views.append(
                .init(
                    changedAt: req.moment(revision.changedAt), actor: names.name(of: revision.actorID),
                    action: PublicationStatus(rawValue: revision.action).map { req.t($0.labelKey) }
                        ?? req.t("publication_action_\(revision.action)"),
                    changes: Self.differences(from: previous, to: revision.snapshot, req: req)))
            // A proposal or a rejection did not change the text: the next revision compares with what was published.
            if !["proposed", "rejected"].contains(revision.action) { previous = revision.snapshot }
        }
        return try await req.render(
            PublicationRevisionsPage(
                chrome: await .make(for: req, titleKey: "publication_revisions_title"), slug: record.slug,
                revisions: views.reversed()))
    }

    @Sendable func proposal(req: Request) async throws -> Response {
        let staff = try req.require(.writesPublications)
        let publishing = req.haven.publishing
        let record = try await publication(req)
        guard let pending = try await publishing.proposal(of: record, on: req.db) else { throw Abort(.notFound) }
        let current = try await publishing.open(record, on: req.db).draft
        let names = try await req.haven.colleagues.names(for: staff, on: req.db)
        let published = PublicationSnapshot(draft: current, status: record.status, publishedAt: record.publishedAt)
        let proposed = PublicationSnapshot(draft: pending.draft, status: record.status, publishedAt: record.publishedAt)
        return try await req.render(
            PublicationProposalPage(
                chrome: await .make(for: req, titleKey: "publication_proposal_title"), slug: record.slug,
                author: names.name(of: pending.authorID),
                proposedAt: req.moment(pending.proposedAt), changes: Self.differences(from: published, to: proposed, req: req),
                canDecide: staff.role.can(.publishes)))
    }

    @Sendable func approveProposal(req: Request) async throws -> Response {
        let staff = try req.require(.publishes)
        let record = try await publication(req)
        guard try await req.haven.publishing.approve(record, by: staff, on: req.db) else { throw Abort(.notFound) }
        return await notice(req, "publication_proposal_approved", slug: record.slug)
    }

    @Sendable func rejectProposal(req: Request) async throws -> Response {
        let staff = try req.require(.publishes)
        let record = try await publication(req)
        guard try await req.haven.publishing.reject(record, by: staff, on: req.db) else { throw Abort(.notFound) }
        return await notice(req, "publication_proposal_rejected", slug: record.slug)
    }

    /// The fields that differ between two snapshots, as text before and after (everything, for the first).
    static func differences(from old: PublicationSnapshot?, to new: PublicationSnapshot, req: Request) -> [PublicationRevisionsPage.Change]
    {
        func fields(_ snapshot: PublicationSnapshot?) -> [(String, String)] {
            guard let snapshot else { return [] }
            let draft = snapshot.draft
            var fields: [(String, String)] = [
                (req.t("publication_field_status"), req.t(snapshot.status.labelKey)),
                (req.t("publication_field_kind"), req.t(draft.kind.labelKey)),
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
                (
                    req.t("publication_signatories"),
                    draft.signatories.isEmpty ? "" : "\(draft.signatories.count): " + draft.signatories.joined(separator: "; ")
                ),
                (req.t("publication_venue"), draft.venue), (req.t("publication_participants"), draft.participants),
            ]
            return fields
        }
        let before = Dictionary(fields(old), uniquingKeysWith: { a, _ in a })
        return fields(new).filter { before[$0.0] != $0.1 && !(before[$0.0] == nil && $0.1.isEmpty) }
            .map { .init(field: $0.0, before: before[$0.0] ?? "", after: $0.1) }
    }
}
