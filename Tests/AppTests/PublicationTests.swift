import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Publications")
struct PublicationTests {
    @Test(
        "each seed item's shape: a statement with no incident, a joint statement with 52 signatories and a venue, an event report with participants, news linked to a public incident",
        arguments: TestDatabase.all)
    func seedShapes(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let statement = try await writePublication(admin)
            let page = try await haven.browser().get("/p/\(statement)")
            #expect(
                page.status == .ok && page.body.contains("Statement on the constitutional vote")
                    && page.body.contains("<p>We cannot stay aside.</p>"))
            #expect(!page.body.contains("signatories-heading") && !page.body.contains("/incidents/I-"))

            let names = (1...52).map { "Organisation number \($0)" }
            let joint = try await writePublication(
                admin,
                publicationFields(
                    title: "Russia jeopardises online freedoms worldwide", kind: "joint_statement",
                    extra: [("newSignatories", names.joined(separator: "\n")), ("venue", "UN Human Rights Council, 44th session, Geneva")]))
            let jointPage = try await haven.browser().get("/p/\(joint)")
            #expect(
                jointPage.body.contains("Signatories (52)") && jointPage.body.contains("Organisation number 52")
                    && jointPage.body.contains("44th session"))
            #expect(try await Signatory.query(on: haven.db).count() == 52)

            let march = try await recordIncident(
                admin,
                incidentFields(
                    title: "Equality march in Chișinău", confidentiality: "public", victim: "", types: ["V11.4"],
                    extra: [
                        ("country", "MD"), ("participants", "350"), ("acts[0][type]", ""), ("acts[0][date]", ""),
                        ("acts[0][placeType]", ""),
                        ("acts[0][status]", ""), ("acts[0][consequences]", ""), ("acts[0][perpetratorType]", ""),
                    ]))
            let report = try await writePublication(
                admin,
                publicationFields(
                    title: "The march reached its destination", kind: "event_report",
                    extra: [("participants", "350"), ("incidents", march), ("countries[]", "MD")]))
            let reportPage = try await haven.browser().get("/p/\(report)")
            #expect(reportPage.body.contains("Participants: 350") && reportPage.body.contains("/incidents/\(march)"))

            let internalCode = try await recordIncident(admin, incidentFields(title: "Internal one", victim: "Someone Unknown"))
            let refused = try await admin.submit(
                "/app/publications", pairs: publicationFields(title: "News", kind: "news", extra: [("incidents", internalCode)]))
            #expect(
                refused.status == .unprocessableEntity && refused.body.contains("value=\"\(internalCode)\"")
                    && refused.body.contains("public incidents can be linked"))
            let khabarovsk = try await recordIncident(admin, incidentFields(confidentiality: "public", victim: "Third Person"))
            let news = try await writePublication(
                admin,
                publicationFields(title: "Activist fined in Khabarovsk", kind: "news", extra: [("incidents", khabarovsk.lowercased())]))
            #expect(try await haven.browser().get("/p/\(news)").body.contains("/incidents/\(khabarovsk)"))
            let home = try await haven.browser().get("/")
            for slug in [statement, joint, report, news] { #expect(home.body.contains("/p/\(slug)"), "\(slug)") }
            #expect(try await haven.browser().get("/joint-statements").body.contains("/p/\(joint)"))
            #expect(!(try await haven.browser().get("/joint-statements")).body.contains("/p/\(news)"))
            #expect(try await haven.browser().get("/countries/MD").body.contains("/p/\(report)"))
            #expect(try await haven.browser().get("/categories/freedom_of_expression").body.contains("/p/\(news)"))
        }
    }

    @Test(
        "script, attribute and javascript: attacks in titles, bodies and signatories stay inert on staff pages, public pages and the feed")
    func crossSiteScripting() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let slug = try await writePublication(
                admin,
                publicationFields(
                    title: "<script>alert(1)</script> \"><img src=x onerror=alert(2)>", kind: "joint_statement",
                    body:
                        "Hello <script>alert(3)</script>\n\n\"><img src=x onerror=alert(4)> [click](javascript:alert(5)) [ok](https://example.org/a\"b)",
                    extra: [
                        ("summary[en]", "<svg onload=alert(6)>"),
                        ("newSignatories", "<script>alert(7)</script>\n\"><img src=x onerror=alert(8)>"),
                        ("venue", "<iframe src=javascript:alert(9)>"),
                    ]))
            let pages = ["/app/publications", "/app/publications/\(slug)", "/app/publications/\(slug)/revisions"]
            var bodies = try await pages.asyncMap { try await admin.get($0).body }
            let visitor = haven.browser()
            for path in [
                "/", "/p/\(slug)", "/joint-statements", "/search?q=hello", "/feed.atom", "/joint-statements/feed.atom", "/sitemap.xml",
            ] {
                bodies.append(try await visitor.get(path).body)
            }
            for body in bodies {
                #expect(
                    !body.contains("<script>alert") && !body.contains("<img src=x") && !body.contains("<svg onload")
                        && !body.contains("<iframe"))
                #expect(!body.lowercased().contains("href=\"javascript:") && !body.contains("onerror=alert(2)>"))
            }
            #expect(bodies[3].contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            let feed = try await visitor.get("/feed.atom").body
            #expect(feed.contains("&amp;lt;script&amp;gt;alert(3)") || feed.contains("&lt;script&gt;alert(3)"))
        }
    }

    @Test("the Atom feed is well-formed Atom 1.0 with stable, unique ids and updated dates; each kind has its own")
    func atom() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await writePublication(admin)
            _ = try await writePublication(admin, publicationFields(title: "News item", kind: "news", extra: [("title[ru]", "Новость")]))
            let visitor = haven.browser()
            let response = try await visitor.get("/feed.atom")
            #expect(response.status == .ok && response.headers.first(name: .contentType)?.hasPrefix("application/atom+xml") == true)
            let feed = try AtomDocument(response.bytes)
            #expect(feed.root == "feed" && feed.namespace == "http://www.w3.org/2005/Atom")
            #expect(feed.feedValues["id"]?.isEmpty == false && feed.feedValues["title"]?.isEmpty == false)
            #expect(ISO8601DateFormatter().date(from: feed.feedValues["updated"] ?? "") != nil)
            #expect(feed.entries.count == 2 && Set(feed.entries.map { $0["id"] ?? "" }).count == 2)
            for entry in feed.entries {
                #expect(
                    entry["id"]?.hasPrefix("urn:uuid:") == true && entry["title"]?.isEmpty == false
                        && entry["link"]?.hasPrefix("/p/") == true)
                #expect(ISO8601DateFormatter().date(from: entry["updated"] ?? "") != nil)
            }
            let again = try AtomDocument(try await visitor.get("/feed.atom").bytes)
            #expect(again.entries.map { $0["id"] ?? "" } == feed.entries.map { $0["id"] ?? "" })
            let news = try AtomDocument(try await visitor.get("/news/feed.atom").bytes)
            #expect(news.entries.count == 1 && news.entries.first?["title"] == "News item")
            let russian = try AtomDocument(try await visitor.get("/languages/ru/feed.atom").bytes)
            #expect(
                russian.entries.count == 1 && russian.entries.first?["title"] == "Новость"
                    && russian.entries.first?["id"] != news.entries.first?["id"])
        }
    }

    @Test(
        "translations live in one record: each language has its URL, a missing one falls back with a note, search finds Russian words",
        arguments: TestDatabase.all)
    func translations(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let slug = try await writePublication(
                admin,
                publicationFields(
                    title: "Activist fined in Khabarovsk", kind: "news", body: "The court fined the activist.",
                    extra: [("title[ru]", "Активиста оштрафовали в Хабаровске"), ("body[ru]", "Суд оштрафовал активиста за «пропаганду».")])
            )
            #expect(try await Publication.query(on: haven.db).count() == 1)
            let visitor = haven.browser()
            let english = try await visitor.get("/p/\(slug)")
            #expect(english.body.contains("The court fined the activist.") && english.body.contains("hreflang=\"ru\""))
            let russian = try await visitor.get("/p/\(slug)/ru")
            #expect(
                russian.status == .ok && russian.body.contains("Суд оштрафовал активиста") && russian.body.contains("<article lang=\"ru\">")
            )
            #expect(russian.body.contains("<html lang=\"ru\">"))
            let romanian = try await visitor.get("/p/\(slug)/ro")
            #expect(
                romanian.status == .ok && romanian.body.contains("The court fined the activist.")
                    && romanian.body.contains("class=\"warning\""))
            #expect(try await visitor.get("/p/\(slug)/xx").status == .notFound)
            #expect(try await visitor.get("/languages/ru").body.contains("/p/\(slug)/ru"))
            #expect(try await visitor.get("/search?q=пропаганду").body.contains("/p/\(slug)"))
            #expect(try await visitor.get("/search?q=хабаровск").body.contains("/p/\(slug)"))
            #expect(!(try await visitor.get("/search?q=nonexistentword")).body.contains("/p/\(slug)"))
        }
    }

    @Test(
        "workflow: only editors and administrators publish; scheduled and unpublished texts stay off the site; every change is a revision")
    func workflow() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "coord@example.org", role: .coordinator, by: admin)
            _ = try await haven.addUser(email: "cw@example.org", role: .caseworker, by: admin)
            let caseworker = try await haven.signedInBrowser(email: "cw@example.org")
            #expect(try await caseworker.get("/app/publications").status == .forbidden)
            let coordinator = try await haven.signedInBrowser(email: "coord@example.org")
            let slug = try await writePublication(coordinator, publish: false)
            #expect(try await haven.browser().get("/p/\(slug)").status == .notFound)
            #expect(try await coordinator.submit("/app/publications/\(slug)/status", ["status": "in_review"]).status == .seeOther)
            let refused = try await coordinator.submit("/app/publications/\(slug)/status", ["status": "published"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Only editors and administrators publish"))
            #expect(
                try await admin.submit("/app/publications/\(slug)/status", ["status": "published", "publishAt": "tomorrow"]).status
                    == .unprocessableEntity)
            #expect(
                try await admin.submit("/app/publications/\(slug)/status", ["status": "published", "publishAt": "2099-01-01 09:00"]).status
                    == .seeOther)
            #expect(try await haven.browser().get("/p/\(slug)").status == .notFound)
            #expect(!(try await haven.browser().get("/")).body.contains(slug))
            // Staff see the moment, not "Published", wherever the status shows.
            for path in ["/app/publications", "/app/publications/\(slug)"] {
                let body = try await admin.get(path).body
                #expect(body.contains("Scheduled for 2099-01-01 09:00 UTC"), "\(path)")
            }
            let record = try #require(try await Publication.find(on: haven.db, slug: slug))
            record.publishedAt = Date().addingTimeInterval(-60)
            try await record.save(on: haven.db)
            haven.app.haven.publicPages.invalidate()
            #expect(try await haven.browser().get("/p/\(slug)").status == .ok)
            #expect(
                try await admin.submit("/app/publications/\(slug)", pairs: publicationFields(title: "Statement, corrected")).status
                    == .seeOther)
            #expect(try await admin.submit("/app/publications/\(slug)/status", ["status": "unpublished"]).status == .seeOther)
            #expect(try await haven.browser().get("/p/\(slug)").status == .notFound)
            let revisions = try await admin.get("/app/publications/\(slug)/revisions")
            #expect(revisions.body.contains("Statement on the constitutional vote") && revisions.body.contains("Statement, corrected"))
            #expect(revisions.body.contains("In review") && revisions.body.contains("Unpublished"))
            #expect(try await PublicationRevision.query(on: haven.db).count() == 5)
        }
    }

    @Test("a publication scheduled for a moment appears on its own when the moment comes, although the pages were cached before")
    func scheduled() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let slug = try await writePublication(admin, publish: false)
            let record = try #require(try await Publication.find(on: haven.db, slug: slug))
            let moment = Date().addingTimeInterval(6)
            try await haven.app.haven.publishing.changeStatus(
                of: record, to: .published, publishAt: moment, by: try await haven.staff(), on: haven.db)
            let visitor = haven.browser()
            #expect(!(try await visitor.get("/")).body.contains(slug))
            #expect(try await visitor.get("/p/\(slug)").status == .notFound)
            try await Task.sleep(for: .milliseconds(Int(max(0, moment.timeIntervalSinceNow) * 1000) + 200))
            #expect(try await visitor.get("/").body.contains(slug))
            #expect(try await visitor.get("/p/\(slug)").status == .ok)
        }
    }

    @Test("public pages carry no session, are cached with ETag and Last-Modified, answer 304, and change when a text changes")
    func caching() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let slug = try await writePublication(admin)
            let visitor = haven.browser()
            let first = try await visitor.get("/p/\(slug)")
            let etag = try #require(first.headers.first(name: .eTag))
            #expect(first.headers.first(name: .cacheControl) == "public, max-age=60" && first.headers.first(name: .lastModified) != nil)
            #expect(first.headers[.setCookie].isEmpty && !first.body.contains("name=\"csrf\"") && first.body.contains("quick-exit"))
            let cached = try await visitor.send(.GET, "/p/\(slug)", extraHeaders: ["If-None-Match": etag])
            #expect(cached.status == .notModified && cached.body.isEmpty)
            _ = try await admin.submit("/app/publications/\(slug)", pairs: publicationFields(body: "Changed text."))
            let changed = try await visitor.send(.GET, "/p/\(slug)", extraHeaders: ["If-None-Match": etag])
            #expect(changed.status == .ok && changed.body.contains("Changed text.") && changed.headers.first(name: .eTag) != etag)
            #expect(try await admin.get("/app/publications").headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test("administrators write the about page in each language and add content languages")
    func aboutAndLanguages() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            #expect(
                try await admin.submit(
                    "/app/admin/site/about", pairs: [("text[en]", "## Who we are\nA network."), ("text[ru]", "Мы — сеть.")]
                ).status == .seeOther)
            let about = try await haven.browser().get("/about")
            #expect(about.body.contains("<h3>Who we are</h3>") && about.body.contains("A network."))
            #expect(try await haven.browser().get("/about?lang=ru").body.contains("Мы — сеть."))
            let bad = try await admin.submit("/app/admin/site/languages", ["code": "Kazakh!", "name": "Қазақша"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("value=\"Kazakh!\""))
            #expect(try await admin.submit("/app/admin/site/languages", ["code": "kk", "name": "Қазақша"]).status == .seeOther)
            #expect(try await admin.get("/app/publications/new").body.contains("name=\"title[kk]\""))
            _ = try await haven.addUser(email: "ed@example.org", role: .editor, by: admin)
            let editor = try await haven.signedInBrowser(email: "ed@example.org")
            #expect(try await editor.get("/app/admin/site").status == .forbidden)
        }
    }
}

/// An Atom document read with Foundation's XML parser: the root, the feed's own elements and each entry's.
struct AtomDocument {
    var root = ""
    var namespace = ""
    var feedValues: [String: String] = [:]
    var entries: [[String: String]] = []

    init(_ data: Data) throws {
        let delegate = Reader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? Abort(.internalServerError) }
        root = delegate.root
        namespace = delegate.namespace
        feedValues = delegate.feedValues
        entries = delegate.entries
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var root = "", namespace = "", text = ""
        var feedValues: [String: String] = [:]
        var entries: [[String: String]] = []
        var entry: [String: String]?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if root.isEmpty {
                root = name
                namespace = namespaceURI ?? ""
            }
            if name == "entry" { entry = [:] }
            if name == "link", entry != nil, attributes["rel"] == "alternate" { entry?["link"] = attributes["href"] }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "entry", let finished = entry {
                entries.append(finished)
                entry = nil
            } else if entry != nil {
                if name != "link" { entry?[name] = text }
            } else if name != "link" {
                feedValues[name] = text
            }
        }
    }
}

extension Array {
    /// Maps with an async function, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
