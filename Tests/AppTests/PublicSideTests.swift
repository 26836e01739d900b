import Foundation
import HavenDomain
import HavenTestSupport
import Testing
import Vapor

@testable import App

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("What the public and the person at risk see")
struct PublicSideTests {
    @Test(
        "a shared /p/<slug> link opens in the reader's language (chosen, else the browser's) when a translation exists; a translation without its own summary says so; search links to the translation that matched"
    )
    func languageOfSharedLinks() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let slug = try await writePublication(
                admin,
                publicationFields(
                    title: "Activists detained in Moscow", body: "The police detained twelve activists.",
                    extra: [("title[ru]", "Задержаны активисты в Москве"), ("body[ru]", "Полиция задержала двенадцать активистов.")]))
            let visitor = haven.browser()
            let english = try await visitor.get("/p/\(slug)")
            #expect(english.body.contains("Activists detained in Moscow") && !english.body.contains("Задержаны активисты"))
            let browserRussian = try await visitor.send(.GET, "/p/\(slug)", extraHeaders: ["Accept-Language": "ru-RU,ru;q=0.9"])
            #expect(browserRussian.body.contains("<article lang=\"ru\">") && browserRussian.body.contains("Задержаны активисты в Москве"))
            #expect(browserRussian.body.contains("Полиция задержала двенадцать активистов."))
            // Tor Browser sends en-US whatever the reader speaks: the choice at the top of the page decides.
            let chosen = try await visitor.send(.GET, "/p/\(slug)?lang=ru", extraHeaders: ["Accept-Language": "en-US,en;q=0.5"])
            #expect(chosen.body.contains("Задержаны активисты в Москве") && chosen.body.contains("<html lang=\"ru\">"))
            // The Russian translation has no summary of its own: the English one is shown with a note, in its language.
            #expect(chosen.body.contains("<p class=\"lead\" lang=\"en\">Our position.</p>"))
            #expect(chosen.body.contains("У этого перевода нет своего краткого изложения"))
            #expect(!english.body.contains("class=\"lead\" lang="))
            let romanian = try await visitor.send(.GET, "/p/\(slug)", extraHeaders: ["Accept-Language": "ro"])
            #expect(romanian.body.contains("<article lang=\"en\">"), "no Romanian translation: the original")

            let found = try await visitor.get("/search?q=%D0%B7%D0%B0%D0%B4%D0%B5%D1%80%D0%B6%D0%B0%D0%BD%D1%8B")
            #expect(found.body.contains("href=\"/p/\(slug)/ru\""), "the Russian words matched: the Russian translation")
            let foundEnglish = try await visitor.get("/search?q=detained")
            #expect(foundEnglish.body.contains("href=\"/p/\(slug)\"") && !foundEnglish.body.contains("href=\"/p/\(slug)/ru\""))
        }
    }

    @Test("the language choice and the quick-exit link are at the top of every public and intake page, and on public error pages")
    func languageChoiceAtTop() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let visitor = haven.browser()
            for path in [
                "/", "/incidents", "/about", "/report", "/report/help", "/report/follow-up", "/p/no-such-thing", "/incidents/I-NOPE",
            ] {
                let page = try await visitor.get(path)
                let body = page.body
                let top = try #require(body.range(of: "<div class=\"top-bar\">"), "\(path)")
                let header = body.range(of: "<main id=\"main\">")?.lowerBound ?? body.endIndex
                let bar = body[top.upperBound..<header]
                #expect(bar.contains("class=\"quick-exit\"") && bar.contains("lang=\"ru\""), "\(path): quick exit and languages at the top")
                #expect(bar.contains("Русский") && bar.contains("Română"), "\(path)")
            }
            let missing = try await visitor.get("/p/no-such-thing?lang=ru")
            #expect(missing.status == .notFound && missing.body.contains("<html lang=\"ru\">"))
            #expect(missing.body.contains("href=\"/news\""), "a public 404 keeps the site's menu")
            let staffMissing = try await visitor.get("/app/nothing-here")
            #expect(!staffMissing.body.contains("class=\"top-bar\""), "staff pages have no quick exit")
        }
    }

    @Test("a 403 page keeps the staff language switch for a signed-in user")
    func forbiddenKeepsLanguageSwitch() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await haven.addUser(email: "viewer@example.org", role: .viewer, by: admin)
            let viewer = try await haven.signedInBrowser(email: "viewer@example.org")
            let refused = try await viewer.get("/app/admin/users")
            #expect(refused.status == .forbidden && refused.body.contains("action=\"/language\""))
            #expect(refused.body.contains("name=\"lang\" value=\"ru\""))
        }
    }

    @Test(
        "the receipt never wraps inside a group, offers a printable view, and says who reads the report, how soon it is answered and when it is deleted"
    )
    func receipt() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let visitor = haven.browser()
            _ = try await visitor.get("/report/help")
            let sent = try await visitor.submitMultipart("/report/help", [("narrative", "Please call me back.")])
            let page = try await visitor.follow(sent)
            let code = try #require(page.shownCode)
            let groups = code.split(separator: "-")
            #expect(groups.count >= 6 && groups.allSatisfy { $0.count == 4 || $0 == groups.last })
            #expect(page.body.contains(groups.dropLast().map { $0 + "-<wbr>" }.joined()), "a break only between groups")
            #expect(page.body.contains("deleted for good") && page.body.contains("90 days"))
            #expect(page.body.contains("staff who handle reports can read it"))
            #expect(page.body.contains("action=\"/report/receipt/print\""))

            let printable = try await visitor.submit("/report/receipt/print", ["code": code])
            #expect(printable.status == .ok && printable.shownCode == code)
            #expect(!printable.body.contains("<header class=\"site\">") && printable.body.contains("class=\"quick-exit\""))
            #expect(!printable.body.contains("action=\"/report/receipt/print\""))
            let nonsense = try await visitor.submit("/report/receipt/print", ["code": "<script>"])
            #expect(nonsense.status == .seeOther && nonsense.location == "/report")
            let forged = try await visitor.submit("/report/receipt/print", ["code": code], csrf: .some(nil))
            #expect(forged.status == .forbidden)
        }
    }

    @Test("the organisation's own words about reports appear on the receipt once administrators give them")
    func receiptInOrganisationsWords() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let saved = try await admin.submit(
                "/app/admin/site/identity",
                [
                    "name[en]": "Rainbow Shelter", "name[ru]": "Радужный приют", "tagline[en]": "Help and documentation since 2009",
                    "contact[en]": "press@example.org\nSignal +373 555 0100", "reportReaders[en]": "two trained members of our legal team",
                    "replyTime[en]": "within three working days", "timeZone": "Europe/Chisinau",
                ])
            #expect(saved.status == .seeOther)
            let visitor = haven.browser()
            _ = try await visitor.get("/report/help")
            let receipt = try await visitor.follow(try await visitor.submitMultipart("/report/help", [("narrative", "Hello.")]))
            #expect(receipt.body.contains("two trained members of our legal team") && receipt.body.contains("within three working days"))

            let home = try await visitor.get("/")
            #expect(home.body.contains("Rainbow Shelter") && home.body.contains("Help and documentation since 2009"))
            #expect(home.body.contains("<title>") && !home.body.contains("— Haven</title>"))
            #expect(home.body.contains("press@example.org<br>Signal +373 555 0100"))
            let russian = try await visitor.get("/?lang=ru")
            #expect(russian.body.contains("Радужный приют") && !russian.body.contains(">Rainbow Shelter<"))
            #expect(try await visitor.get("/report").body.contains("— Rainbow Shelter</title>"))
        }
    }

    @Test("identity texts that are too long, an unknown time zone, and a viewer or a forged form change nothing")
    func identityRefusals() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let long = String(repeating: "a", count: SiteIdentity.maximumName + 1)
            let refused = try await admin.submit(
                "/app/admin/site/identity", ["name[ru]": long, "tagline[en]": "Kept", "timeZone": "Mars/Olympus"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("This text is too long."))
            #expect(refused.body.contains("Choose a time zone from the list.") && refused.body.contains("value=\"Kept\""))
            #expect(refused.body.contains("aria-describedby=\"name-ru-error\""))
            #expect(haven.app.haven.siteIdentity.identity == SiteIdentity())
            let forged = try await admin.submit("/app/admin/site/identity", ["name[en]": "Forged"], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            _ = try await haven.addUser(email: "viewer@example.org", role: .viewer, by: admin)
            let viewer = try await haven.signedInBrowser(email: "viewer@example.org")
            #expect(try await viewer.submit("/app/admin/site/identity", ["name[en]": "Viewer's"]).status == .forbidden)
            #expect(haven.app.haven.siteIdentity.identity.name.values.isEmpty)
            #expect(!(try await haven.browser().get("/")).body.contains("Forged"))
        }
    }

    @Test("a logo is served from Haven without its metadata; SVG and other files are refused; the dashboard asks for an about page")
    func logo() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            #expect(try await admin.get("/app").body.contains("Present the organisation</a>"))
            let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".utf8)
            let refusedSVG = try await admin.submitMultipart("/app/admin/site/logo", [], files: [("logo", "logo.svg", svg)])
            #expect(refusedSVG.status == .unprocessableEntity && refusedSVG.body.contains("This is not a PNG, JPEG or WebP image."))
            let png = Data(try Photos.withGPS("png"))
            let uploaded = try await admin.submitMultipart("/app/admin/site/logo", [], files: [("logo", "logo.png", png)])
            #expect(uploaded.status == .seeOther)
            let home = try await haven.browser().get("/")
            let path = try #require(home.firstMatch(#"<img class="logo" src="(/site/logo/[0-9a-f]{16})""#))
            let served = try await haven.browser().get(path)
            #expect(served.status == .ok && served.headers.first(name: .contentType) == "image/png")
            #expect(served.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && served.bytes.count < png.count)
            for marker in Photos.markers { #expect(!String(decoding: served.bytes, as: UTF8.self).contains(marker)) }
            #expect(try await haven.browser().get("/site/logo/0000000000000000").status == .notFound)
            let forged = try await admin.submitMultipart("/app/admin/site/logo/remove", [], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            #expect(try await admin.submit("/app/admin/site/logo/remove", [:]).status == .seeOther)
            #expect(try await haven.browser().get(path).status == .notFound)

            #expect(try await admin.submit("/app/admin/site/about", ["text[en]": "We are a shelter."]).status == .seeOther)
            #expect(!(try await admin.get("/app")).body.contains("Present the organisation"))
        }
    }

    @Test("times are shown in the organisation's time zone with UTC beside them")
    func timeZone() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            _ = try await sendReport(haven, narrative: "A report to see the time of.")
            let utc = try await admin.get("/app/inbox")
            #expect(utc.firstMatch(#"(\d{4}-\d\d-\d\d \d\d:\d\d UTC)"#) != nil)
            #expect(try await admin.submit("/app/admin/site/identity", ["timeZone": "Asia/Tokyo"]).status == .seeOther)
            let tokyo = try await admin.get("/app/inbox")
            let local = try #require(tokyo.firstMatch(#"\d{4}-\d\d-\d\d (\d\d):\d\d Asia/Tokyo \((?:\d{4}-\d\d-\d\d )?\d\d:\d\d UTC\)"#))
            let universal = try #require(
                tokyo.firstMatch(#"\d{4}-\d\d-\d\d \d\d:\d\d Asia/Tokyo \((?:\d{4}-\d\d-\d\d )?(\d\d):\d\d UTC\)"#))
            let shown = "\(local) local, \(universal) UTC"
            #expect((Int(universal)! + 9) % 24 == Int(local)!, "\(shown)")
        }
    }

    @Test("the reporter's thread view speaks the reader's language: labels without “(optional)”, sizes in its units")
    func threadInRussian() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let (code, visitor) = try await sendReport(
                haven, narrative: "Files attached.", files: [("attachments[]", "note.txt", Data(repeating: 65, count: 30))])
            _ = try await visitor.submit("/language", ["lang": "ru", "back": "/report/follow-up"])
            let thread = try await visitor.submitMultipart("/report/follow-up", [("code", code)])
            #expect(thread.status == .ok && thread.body.contains("<dt>Страна</dt>") && thread.body.contains("<dt>Город или место</dt>"))
            #expect(!thread.body.contains("необязательно)</dt>") && !thread.body.contains("(optional)"))
            #expect(thread.body.contains("(30 байт)") && !thread.body.contains("bytes"))
        }
    }

    @Test(
        "a photo sent with a report is stored without its GPS position, device and author; ticking “keep exactly” keeps the file byte for byte",
        arguments: Photos.extensions)
    func photoMetadataRemoved(ext: String) async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let admin = try await haven.signedInBrowser()
            let photo = Data(try Photos.withGPS(ext))
            let form = try await haven.browser().get("/report/help")
            #expect(form.body.contains("name=\"keepFiles\"") && form.body.contains("where and when they were taken"))
            _ = try await sendReport(haven, narrative: "Photo of the bruises, cleaned.", files: [("attachments[]", "photo.\(ext)", photo)])
            _ = try await sendReport(
                haven, narrative: "Photo of the bruises, as taken.", files: [("attachments[]", "original.\(ext)", photo)],
                extra: [("keepFiles", "on")])
            let inbox = try await admin.get("/app/inbox")
            var downloads: [String: Data] = [:]
            for id in Set(TemplateTests.matches(#"href="/app/inbox/([0-9A-F-]{36})""#, in: inbox.body)) {
                let opened = try await admin.get("/app/inbox/\(id)")
                let path = try #require(opened.firstMatch(#"href="(/app/inbox/[0-9A-F-]{36}/attachments/[0-9A-F-]{36})""#))
                downloads[opened.body.contains("cleaned") ? "cleaned" : "kept"] = try await admin.get(path).bytes
            }
            let cleaned = try #require(downloads["cleaned"])
            #expect(downloads["kept"] == photo, "kept exactly as sent")
            #expect(cleaned != photo && ImageMetadata.format(of: cleaned) == ImageMetadata.format(of: photo))
            for marker in Photos.markers { #expect(!String(decoding: cleaned, as: UTF8.self).contains(marker), "\(marker)") }
            #expect(Array(cleaned) == ImageMetadata.stripped(Array(photo)))
        }
    }

    @Test("Atom entries are published on the publication's own date and listed by it; without HAVEN_PUBLIC_URL there is no sitemap")
    func feedDatesAndSitemap() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            #expect(haven.app.startupWarnings.contains { $0.contains("HAVEN_PUBLIC_URL") })
            let admin = try await haven.signedInBrowser()
            _ = try await writePublication(admin, publicationFields(title: "Older by date", extra: [("date", "2019-03-01")]))
            _ = try await writePublication(admin, publicationFields(title: "Newer by date", extra: [("date", "2021-07-15")]))
            _ = try await writePublication(admin, publicationFields(title: "Middle by date", extra: [("date", "2020-01-10")]))
            let visitor = haven.browser()
            let feed = try AtomDocument(try await visitor.get("/feed.atom").bytes)
            #expect(feed.entries.map { $0["title"] ?? "" } == ["Newer by date", "Middle by date", "Older by date"])
            #expect(feed.entries.map { $0["published"] ?? "" } == ["2021-07-15T00:00:00Z", "2020-01-10T00:00:00Z", "2019-03-01T00:00:00Z"])
            let home = try await visitor.get("/")
            let newer = try #require(home.body.range(of: "Newer by date"))
            let older = try #require(home.body.range(of: "Older by date"))
            #expect(newer.lowerBound < older.lowerBound)
            #expect(try await visitor.get("/sitemap.xml").status == .notFound)
        }
        try await withHaven(adjust: { $0.publicURL = URL(string: "https://rights.example.org") }) { haven in
            try await haven.setUp()
            #expect(haven.app.startupWarnings.isEmpty)
            let admin = try await haven.signedInBrowser()
            _ = try await writePublication(admin, publicationFields(title: "News item", kind: "news", extra: [("title[ru]", "Новость")]))
            let sitemap = try await haven.browser().get("/sitemap.xml")
            #expect(sitemap.status == .ok && sitemap.body.contains("<loc>https://rights.example.org/p/news-item/ru</loc>"))
            #expect(!sitemap.body.contains("<loc>/"))
        }
    }
}
