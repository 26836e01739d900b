import Fluent
import Foundation
import HavenDomain
import Testing
import Vapor

@testable import App

@Suite("Incident search and filters")
struct IncidentSearchTests {
    /// Codes listed on a page of `/app/incidents`.
    func codes(_ page: Browser.Page) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"<td data-label="[^"]*"><a href="/app/incidents/(I-[0-9A-Z]{6})">"#)
        return Set(
            regex.matches(in: page.body, range: NSRange(page.body.startIndex..., in: page.body)).map {
                String(page.body[Range($0.range(at: 1), in: page.body)!])
            })
    }

    @Test(
        "search folds diacritics and ё, matches Cyrillic by prefix, never finds restricted text; filters combine",
        arguments: TestDatabase.all)
    func searchAndFilters(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let khabarovsk = try await recordIncident(admin)
            let march = try await recordIncident(
                admin,
                incidentFields(
                    title: "Equality march in Chișinău passes safely", victim: "Participant A", types: ["V5.2"],
                    extra: [
                        ("description", "About 350 participants; counter-protesters shouted."), ("country", "MD"), ("city", "Chișinău"),
                        ("region", ""),
                        ("startDate", "2019-05-19"), ("sources[0][title]", "March report"), ("confidentiality", "public"),
                        ("acts[0][perpetratorType]", "mob"),
                        ("verification", "unverified"),
                    ]))
            let restricted = try await recordIncident(
                admin,
                incidentFields(
                    title: "Secret Chișinău testimony ёлка", confidentiality: "restricted", victim: "Witness B",
                    extra: [
                        ("country", "MD"), ("startDate", "2021"), ("description", "restricted words zanzibar"),
                    ]))
            func search(_ query: String) async throws -> Set<String> {
                codes(try await admin.get("/app/incidents?" + query))
            }
            #expect(try await search("q=Chisinau") == [march])
            #expect(try await search("q=CHIȘINĂU+equality") == [march])
            #expect(try await search("q=хабаровск") == [khabarovsk])
            #expect(try await search("q=хабаров") == [khabarovsk])
            #expect(try await search("q=zanzibar").isEmpty)
            #expect(try await search("q=елка").isEmpty)
            #expect(try await search("q=court+ruling") == [khabarovsk])
            #expect(try await search("q=%22+OR+*").isEmpty)
            #expect(try await search("country=MD") == [march, restricted])
            #expect(try await search("type=V4") == [khabarovsk, restricted])
            #expect(try await search("type=V5.2") == [march])
            #expect(try await search("heading=freedom_of_assembly") == [march])
            #expect(try await search("from=2020&to=2020-12") == [khabarovsk])
            #expect(try await search("from=2020-06-30&to=2020-06-30") == [khabarovsk])
            #expect(try await search("to=2019") == [march])
            #expect(try await search("confidentiality=restricted") == [restricted])
            #expect(try await search("verification=unverified") == [march])
            #expect(try await search("perpetrator=mob") == [march])
            #expect(try await search("perpetrator=judiciary") == [khabarovsk])
            #expect(try await search("country=MD&q=chisinau") == [march])
            let list = try await admin.get("/app/incidents?country=MD")
            #expect(list.body.contains("Incidents found: 2") && !list.body.contains("Secret"))
            #expect(list.body.contains("Restricted incident"))
        }
    }

    @Test("pages of twenty, with the total and links that keep the filters")
    func pagination() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            for number in 1...25 {
                _ = try await recordIncident(
                    admin,
                    incidentFields(
                        title: "Raid number \(number)", victim: "",
                        extra: [
                            ("startDate", String(format: "2020-01-%02d", number)), ("acts[0][victim]", ""), ("acts[0][type]", ""),
                            ("acts[0][date]", ""),
                            ("acts[0][placeType]", ""), ("acts[0][status]", ""), ("acts[0][consequences]", ""),
                            ("acts[0][perpetratorType]", ""),
                        ]))
            }
            let first = try await admin.get("/app/incidents?q=raid&country=RU")
            #expect(codes(first).count == 20 && first.body.contains("Incidents found: 25"))
            let next = try #require(first.firstMatch(#"<a href="([^"]+)" rel="next">"#)).replacingOccurrences(of: "&amp;", with: "&")
            #expect(next.contains("q=raid") && next.contains("country=RU") && next.contains("page=2"))
            let second = try await admin.get(next)
            #expect(codes(second).count == 5 && codes(second).isDisjoint(with: codes(first)))
            let dated = try await admin.get("/app/incidents?country=RU")
            #expect(dated.body.contains("Raid number 25") && !dated.body.contains("Raid number 5<"))
        }
    }

    @Test("the index-sorted, date-walk, ranked and newest-first paths agree on totals and pages", arguments: TestDatabase.all)
    func pathsAgree(database: TestDatabase) async throws {
        try await withHaven(database) { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let countries = ["RU", "MD", "RU", "KZ"]
            for number in 0..<12 {
                _ = try await recordIncident(
                    admin,
                    incidentFields(
                        title: "Raid \(number) police", confidentiality: ["public", "internal", "restricted"][number % 3],
                        victim: number % 3 == 0 ? ["Ana", "Boris", "Carmen", "Denis"][number / 3] : "",
                        types: number % 2 == 0 ? ["V3.1"] : ["V4.1", "V4"],
                        extra: [
                            ("country", countries[number % 4]), ("startDate", "20\(10 + number)-0\(1 + number % 9)"),
                            ("endDate", number == 5 ? "2024" : ""),
                            ("verification", number % 4 == 0 ? "verified" : "unverified"), ("acts[0][type]", number % 3 == 0 ? "V3.1" : ""),
                            ("acts[0][date]", ""),
                            ("acts[0][placeType]", ""), ("acts[0][status]", ""), ("acts[0][consequences]", ""),
                            ("acts[0][perpetratorType]", number % 3 == 0 ? "police" : ""),
                        ]))
            }
            func filter(_ change: (inout IncidentFilter) -> Void) -> IncidentFilter {
                var filter = IncidentFilter()
                change(&filter)
                return filter
            }
            let filters = [
                filter { $0.country = "RU" }, filter { $0.type = "V4" },
                filter {
                    $0.from = "2014-03"
                    $0.to = "2019"
                },
                filter { $0.from = "2016" }, filter { $0.to = "2013-12-31" },
                filter {
                    $0.heading = "police_and_law_enforcement"
                    $0.verification = .verified
                },
                filter { $0.perpetratorType = "police" }, filter { $0.onlyPublic = true },
                filter {
                    $0.confidentiality = .restricted
                    $0.country = "RU"
                },
                filter {
                    $0.page = 2
                    $0.type = "V3.1"
                },
                filter {
                    $0.type = "V3.1"
                    $0.from = "2012-03"
                    $0.to = "2020-05"
                },
            ]
            for filter in filters {
                let sorted = try await IncidentQuery.run(filter, on: haven.db)
                let walked = try await IncidentQuery.run(filter, on: haven.db, limits: .init(ranking: 0, sorting: 0))
                #expect(sorted.total == walked.total && sorted.rows.map(\.code) == walked.rows.map(\.code), "\(filter)")
                #expect(sorted.total > 0 || filter.page > 1, "\(filter)")
            }
            let everything = try await IncidentQuery.run(filter { $0.from = "2000" }, on: haven.db)
            #expect(everything.total == 12 && everything.rows.map(\.startDate) == everything.rows.map(\.startDate).sorted(by: >))
            let ranked = try await IncidentQuery.run(filter { $0.text = "raid police" }, on: haven.db)
            let newest = try await IncidentQuery.run(
                filter { $0.text = "raid police" }, on: haven.db, limits: .init(ranking: 0, sorting: 0))
            #expect(ranked.isRanked && !newest.isRanked && ranked.total == 8 && newest.total == 8)
            #expect(Set(ranked.rows.map(\.code)) == Set(newest.rows.map(\.code)))
            #expect(newest.rows.map(\.seq) == newest.rows.map(\.seq).sorted(by: >))
        }
    }
}
