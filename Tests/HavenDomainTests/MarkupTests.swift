import HavenDomain
import Testing

@Suite struct MarkupTests {
    @Test func rendersTheSmallMarkup() {
        let html = Markup.html(
            """
            ## What happened
            On **June 8** a court in *Khabarovsk* ruled.
            It was the first hearing.

            - fined
            - expert opinion
            1. appeal
            2. cassation

            > We will appeal.
            > — the lawyer

            Read [the ruling](https://example.org/ruling?a=1&b=2) or [our page](/incidents).
            """)
        #expect(
            html == """
                <h3>What happened</h3>
                <p>On <strong>June 8</strong> a court in <em>Khabarovsk</em> ruled.<br>
                It was the first hearing.</p>
                <ul><li>fined</li><li>expert opinion</li></ul>
                <ol><li>appeal</li><li>cassation</li></ol>
                <blockquote><p>We will appeal.<br>
                — the lawyer</p></blockquote>
                <p>Read <a href="https://example.org/ruling?a=1&amp;b=2" rel="noopener noreferrer">the ruling</a> or <a href="/incidents" rel="noopener noreferrer">our page</a>.</p>
                """)
    }

    @Test func everyAuthorCharacterIsEscapedAndUnsafeLinksStayText() {
        let attacks = [
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "[click](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](https://a.org/\"onmouseover=\"alert(1))", "[x](//evil.example/)",
            "**<b>bold</b>**", "*<i onclick=x>*", "# <h1>", "> <iframe src=x>", "- <svg onload=alert(1)>", "'single' & \"double\"",
        ]
        for attack in attacks {
            let html = Markup.html(attack)
            #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<iframe") && !html.contains("<svg"), "\(attack)")
            #expect(
                !html.lowercased().contains("href=\"javascript") && !html.contains("href=\"data:") && !html.contains("href=\"//"),
                "\(attack)")
            #expect(!html.contains("<b>") && !html.contains("<i ") && !html.contains("<h1>"), "\(attack)")
            #expect(!html.contains(" onerror=") || html.contains("&quot;&gt;&lt;img"), "\(attack)")
        }
        #expect(Markup.html("'single' & \"double\"") == "<p>&#39;single&#39; &amp; &quot;double&quot;</p>")
        #expect(Markup.html("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>")
    }

    @Test func theDocumentTreeCarriesFormattingAsFlagsAndOnlySafeLinks() {
        let blocks = Markup.document("## Title\n**Bold *both* here** and [site](/incidents)\nnext line\n\n- [x](javascript:alert(1))")
        #expect(blocks.map(\.kind) == ["heading", "paragraph", "list"] && blocks[0].level == 3)
        #expect(
            blocks[1].items == [
                [
                    MarkupRun(text: "Bold ", isStrong: true), MarkupRun(text: "both", isStrong: true, isEmphasis: true),
                    MarkupRun(text: " here", isStrong: true),
                    MarkupRun(text: " and "),
                    MarkupRun(text: "site", link: "/incidents"), MarkupRun(isBreak: true), MarkupRun(text: "next line"),
                ]
            ])
        #expect(blocks[2].items == [[MarkupRun(text: "[x](javascript:alert(1))")]])
    }

    @Test func plainTextDropsTheMarkup() {
        #expect(
            Markup.plainText("## Title\n**Bold** and [a link](https://x.org) *here*\n\n- one\n- two")
                == "Title\n\nBold and a link here\n\none two")
        #expect(Markup.isSafeLink("mailto:info@example.org") && !Markup.isSafeLink("vbscript:x") && !Markup.isSafeLink("https://a b"))
    }
}

@Suite struct PublicationRulesTests {
    @Test func slugsAreReadableAsciiInEveryScript() {
        #expect(Slug.make("Equality march in Chișinău: “Fără Frică de Iubire”") == "equality-march-in-chisinau-fara-frica-de-iubire")
        #expect(Slug.make("Активист из Хабаровска оштрафован") == "aktivist-iz-khabarovska-oshtrafovan")
        #expect(Slug.make("!!!") == "publication")
        #expect(Slug.make(String(repeating: "word ", count: 40)).count <= 80)
        #expect(!Slug.make(String(repeating: "word ", count: 40)).hasSuffix("-"))
    }

    @Test func translationsFallBackToTheOriginal() {
        let title = Translations(["en": "Statement", "ru": "Заявление", "ro": "  "])
        #expect(title.text(in: "ru", original: "en") == ("Заявление", false))
        #expect(title.text(in: "ro", original: "en") == ("Statement", true))
        #expect(title.languages == ["en", "ru"])
    }

    @Test func theWorkflowKeepsPublishingToThoseWhoMay() {
        #expect(PublicationWorkflow.allows(from: .draft, to: .inReview, canPublish: false))
        #expect(!PublicationWorkflow.allows(from: .inReview, to: .published, canPublish: false))
        #expect(PublicationWorkflow.allows(from: .inReview, to: .published, canPublish: true))
        #expect(!PublicationWorkflow.allows(from: .published, to: .unpublished, canPublish: false))
        #expect(!PublicationWorkflow.allows(from: .published, to: .draft, canPublish: true))
        #expect(PublicationWorkflow.allows(from: .unpublished, to: .draft, canPublish: false))
    }

    @Test func aDraftNamesItsProblems() {
        var draft = PublicationDraft()
        draft.title = Translations(["ru": "Заявление"])
        draft.date = "2020-07-01"
        draft.countries = ["RU", "XX"]
        draft.categories = ["freedom_of_expression", "nonsense"]
        draft.participants = "about 350"
        let problems = draft.problems(languages: ["en", "ru", "ro"])
        #expect(
            problems == [
                "title.en": .originalMissing, "countries": .unknownCountry, "categories": .unknownCategory, "participants": .notACount,
            ])
        draft.originalLanguage = "ru"
        draft.countries = ["RU"]
        draft.categories = ["freedom_of_expression"]
        draft.participants = "350"
        #expect(draft.problems(languages: ["en", "ru", "ro"]).isEmpty)
        draft.date = "1 July"
        #expect(draft.problems(languages: ["en", "ru", "ro"]) == ["date": .notADay])
    }
}

@Suite struct LinearMarkupAgreesWithTheOldParser {
    /// Random texts over the characters markup gives meaning to, with a fixed seed so a failure can be replayed.
    static func texts(count: Int) -> [String] {
        var generator = SeededGenerator(seed: 20_261_201)
        let pieces = [
            "*", "**", "_", "[", "]", "(", ")", "](", "[a](https://a.org)", "[b](/x)", "[c](javascript:x)", " ", "\n", "\n\n",
            "> ", "- ", "1. ", "## ", "  ", "word", "Кишинёв", "e\u{301}", "\"", "<", "&",
        ]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func theSameTreeAndPlainTextForTenThousandRandomTexts() {
        for text in Self.texts(count: 10_000) {
            #expect(Markup.document(text) == ReferenceMarkup.document(text), "\(text.debugDescription)")
            #expect(Markup.plainText(text) == ReferenceMarkup.plainText(text), "\(text.debugDescription)")
        }
    }
}

/// A small deterministic random number generator (SplitMix64) for reproducible random tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
