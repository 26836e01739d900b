import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

/// Published text changes only through someone who may publish.
@Suite("Publication review")
struct PublicationReviewTests {
    @Test(
        "a coordinator's edit of a published text waits as a proposal; the site and the feed keep the published text until an editor approves"
    )
    func proposalThenApproval() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "cora@example.org", role: .coordinator, by: admin)
            _ = try await haven.addUser(email: "eda@example.org", role: .editor, by: admin)
            let slug = try await writePublication(admin, publicationFields(title: "Published title", body: "Published body."))
            let coordinator = try await haven.signedInBrowser(email: "cora@example.org")
            let editor = try await haven.signedInBrowser(email: "eda@example.org")
            let visitor = haven.browser()
            #expect(try await visitor.get("/p/\(slug)").body.contains("Published body."))

            let form = try await coordinator.get("/app/publications/\(slug)")
            #expect(form.body.contains("wait for an editor"))
            let proposed = try await coordinator.submit(
                "/app/publications/\(slug)",
                pairs: publicationFields(
                    title: "Rewritten title",
                    body: "Rewritten body."))
            #expect(proposed.status == .seeOther)
            for path in ["/p/\(slug)", "/feed.atom", "/"] {
                let page = try await visitor.get(path)
                #expect(!page.body.contains("Rewritten") && page.body.contains("Published"), "\(path) changed before review")
            }
            #expect(try await PublicationProposal.query(on: haven.db).count() == 1)

            let review = try await editor.get("/app/publications/\(slug)/proposal")
            #expect(review.status == .ok && review.body.contains("Published body.") && review.body.contains("Rewritten body."))
            let mine = try await coordinator.get("/app/publications/\(slug)/proposal")
            #expect(mine.status == .ok && !mine.body.contains("/proposal/approve"))
            #expect(try await coordinator.submit("/app/publications/\(slug)/proposal/approve", [:]).status == .forbidden)
            #expect(try await editor.submit("/app/publications/\(slug)/proposal/approve", [:], csrf: .some(nil)).status == .forbidden)
            #expect(!(try await visitor.get("/p/\(slug)")).body.contains("Rewritten"))

            #expect(try await editor.submit("/app/publications/\(slug)/proposal/approve", [:]).status == .seeOther)
            #expect(try await visitor.get("/p/\(slug)").body.contains("Rewritten body."))
            #expect(try await visitor.get("/feed.atom").body.contains("Rewritten title"))
            #expect(try await PublicationProposal.query(on: haven.db).count() == 0)
            #expect(try await editor.submit("/app/publications/\(slug)/proposal/approve", [:]).status == .notFound)
            let actions = try await PublicationRevision.query(on: haven.db).all().map(\.action)
            #expect(actions.contains("proposed") && actions.contains("approved"))
        }
    }

    @Test("a rejected proposal changes nothing; an editor's own edit goes live at once; a draft stays freely editable by a coordinator")
    func rejectionAndDirectEdits() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "cora@example.org", role: .coordinator, by: admin)
            let slug = try await writePublication(admin, publicationFields(title: "Published title", body: "Published body."))
            let coordinator = try await haven.signedInBrowser(email: "cora@example.org")
            _ = try await coordinator.submit("/app/publications/\(slug)", pairs: publicationFields(body: "Unwanted body."))
            #expect(try await admin.submit("/app/publications/\(slug)/proposal/reject", [:]).status == .seeOther)
            #expect(try await PublicationProposal.query(on: haven.db).count() == 0)
            #expect(!(try await haven.browser().get("/p/\(slug)")).body.contains("Unwanted"))
            #expect(try await admin.submit("/app/publications/\(slug)/proposal/reject", [:]).status == .notFound)

            #expect(
                try await admin.submit("/app/publications/\(slug)", pairs: publicationFields(body: "Own body of the editor.")).status
                    == .seeOther)
            #expect(try await haven.browser().get("/p/\(slug)").body.contains("Own body of the editor."))

            let draft = try await writePublication(coordinator, publicationFields(title: "A draft"), publish: false)
            #expect(
                try await coordinator.submit(
                    "/app/publications/\(draft)", pairs: publicationFields(title: "A draft", body: "Edited draft.")
                )
                .status == .seeOther)
            #expect(try await PublicationProposal.query(on: haven.db).count() == 0)
            let record = try #require(try await Publication.find(on: haven.db, slug: draft))
            #expect(try await haven.app.haven.publishing.open(record, on: haven.db).draft.body.values["en"] == "Edited draft.")
        }
    }
}
