import HavenDomain
import Testing

@Suite struct SearchTextTests {
    @Test func foldsRomanianDiacriticsCyrillicYoAndCase() {
        #expect(SearchText.fold("Chișinău, Şişcani!") == "chisinau siscani")
        #expect(SearchText.fold("Ёжик в тумане") == "ежик в тумане")
        #expect(SearchText.fold("Хабаровский  край") == "хабаровскии краи")
        #expect(SearchText.fold("Chisinau") == SearchText.fold("CHIȘINĂU"))
    }

    @Test func buildsPrefixExpressionsAndDropsSyntax() {
        #expect(SearchText.fts5Expression("Хабаровск суд") == "\"хабаровск\"* AND \"суд\"*")
        #expect(SearchText.tsqueryExpression("Chișinău march") == "chisinau:* & march:*")
        #expect(SearchText.fts5Expression("\" OR * NEAR(") == "\"or\" AND \"near\"*")
        #expect(SearchText.fts5Expression("и в суд") == "\"и\" AND \"в\" AND \"суд\"*")
        #expect(SearchText.fts5Expression("  ::: ") == nil)
        #expect(SearchText.tsqueryExpression("!&|") == nil)
        #expect(SearchText.queryWords(String(repeating: "a ", count: 20)).count == 8)
    }
}

@Suite struct RecordCodeTests {
    @Test func readsTypedCodesAndRefusesOthers() {
        let code = RecordCode.random(prefix: "P")
        #expect(code.hasPrefix("P-") && code.count == 8)
        #expect(RecordCode.normalized(code.lowercased(), prefix: "P") == code)
        #expect(RecordCode.normalized("p-7kq2mo", prefix: "P") == "P-7KQ2M0")
        #expect(RecordCode.normalized("I-7KQ2M9", prefix: "P") == nil)
        #expect(RecordCode.normalized("P-7KQ2M", prefix: "P") == nil)
        #expect(RecordCode.normalized("P-7KQ2MU", prefix: "P") == nil)
    }
}

@Suite struct IncidentDraftTests {
    private func valid() -> IncidentDraft {
        var draft = IncidentDraft()
        draft.title = "Activist fined for “propaganda”"
        draft.startDate = "2020-06-08"
        draft.country = "ru"
        draft.types = ["V4.1"]
        return draft
    }

    @Test func aCompleteDraftHasNoProblems() {
        var draft = valid()
        draft.endDate = "2020-06"
        draft.victims = "1"
        var act = ActDraft()
        act.victim = "P-7KQ2M9"
        act.type = "V4.1"
        act.status = "fined"
        act.perpetratorType = "judiciary"
        draft.acts = [act, ActDraft()]
        var source = SourceDraft()
        source.title = "Court ruling"
        source.url = "https://example.org/ruling"
        draft.sources = [source]
        #expect(draft.problems(terms: .shipped).isEmpty)
        #expect(draft.filledActs.count == 1)
    }

    @Test func namesEveryProblemByField() {
        var draft = IncidentDraft()
        draft.startDate = "2020-02-30"
        draft.endDate = "later"
        draft.country = "ZZ"
        draft.types = ["V99"]
        draft.victims = "-3"
        draft.participants = "many"
        draft.reliability = "very"
        var act = ActDraft()
        act.type = "V1.3"
        act.date = "2020-13"
        draft.acts = [act]
        var source = SourceDraft()
        source.title = "Post"
        source.url = "javascript:alert(1)"
        draft.sources = [source]
        let problems = draft.problems(terms: .shipped)
        #expect(problems["title"] == .missing)
        #expect(problems["startDate"] == .notADate)
        #expect(problems["endDate"] == .notADate)
        #expect(problems["country"] == .unknownCountry)
        #expect(problems["types"] == .unknownTerm)
        #expect(problems["victims"] == .notACount)
        #expect(problems["participants"] == .notACount)
        #expect(problems["reliability"] == .unknownTerm)
        #expect(problems["acts.0.victim"] == .missing)
        #expect(problems["acts.0.date"] == .notADate)
        #expect(problems["sources.0.url"] == .notALink)
    }

    @Test func endMayNotPrecedeStartButAMonthContainsItsDays() {
        var draft = valid()
        draft.startDate = "2020-02-10"
        draft.endDate = "2020-02"
        #expect(draft.problems(terms: .shipped)["endDate"] == nil)
        draft.endDate = "2020-01"
        #expect(draft.problems(terms: .shipped)["endDate"] == .endBeforeStart)
    }
}

@Suite struct VocabularyEditTests {
    @Test func relabelsRetiresAndAddsWithoutChangingCodes() {
        let edited = Vocabulary.incidentTypes.applying([
            VocabularyEdit(code: "V1.3", labels: [.ro: "Atac fizic"]),
            VocabularyEdit(code: "V1.8", isRetired: true),
            VocabularyEdit(code: "V1.90", parent: "V1", labels: [.en: "Acid attack"]),
        ])
        #expect(edited.term("V1.3")?.label(.ro) == "Atac fizic")
        #expect(edited.term("V1.3")?.label(.en) == "Physical assault")
        #expect(edited.term("V1.8")?.isRetired == true)
        #expect(!edited.offered.contains { $0.code == "V1.8" })
        #expect(edited.term("V1.90")?.label(.ru) == "Acid attack")
        #expect(edited.term("V1.90")?.headings == [.biasMotivatedViolence])
        #expect(edited.children(of: "V1").last?.code == "V1.90")
        #expect(Vocabulary.incidentTypes.term("V1.8")?.isRetired == false)
    }
}

@Suite struct FacetTokenTests {
    @Test func anIncidentHasItsAttributesYearsAndMonths() {
        let tokens = FacetTokens.tokens(
            country: "RU", confidentiality: .public, verification: .partlyVerified,
            facets: ["type:V4.1", "family:V4", "heading:freedom_of_expression", "perpetrator:security_services"],
            from: "2019-11-01", to: "2020-02-29")
        #expect(
            tokens == [
                "c_ru", "k_public", "v_partly_verified", "f_v4", "h_freedom_of_expression", "p_security_services", "t_v4_1",
                "y_2019", "y_2020", "m_2019_11", "m_2019_12", "m_2020_01", "m_2020_02",
            ])
    }

    @Test func rangesUseWholeYearsWhereTheyCanAndMonthsElsewhere() throws {
        let expression = FacetTokens.expression(
            country: "md", confidentiality: nil, verification: .verified, facets: ["family:V5"],
            from: PartialDate(parsing: "2018-11-15"), to: PartialDate(parsing: "2020-02"))
        #expect(
            expression == #""c_md" AND "v_verified" AND "f_v5" AND ("m_2018_11" OR "m_2018_12" OR "y_2019" OR "m_2020_01" OR "m_2020_02")"#)
        #expect(FacetTokens.expression(country: nil, confidentiality: nil, verification: nil, facets: [], from: nil, to: nil) == nil)
        let open = try #require(
            FacetTokens.expression(
                country: nil, confidentiality: nil, verification: nil, facets: [],
                from: PartialDate(parsing: "2099"), to: nil))
        #expect(open == #"("y_2099" OR "y_2100")"#)
        #expect(
            FacetTokens.expression(
                country: nil, confidentiality: nil, verification: nil, facets: [],
                from: PartialDate(parsing: "2021"), to: PartialDate(parsing: "2020")) == #""y_none""#)
        let bounds = try #require(FacetTokens.monthBounds(from: PartialDate(parsing: "2020-06-30"), to: PartialDate(parsing: "2020-06-30")))
        #expect(bounds.from == "2020-06-01" && bounds.to == "2020-06-30")
    }
}

@Suite struct ProceedingDraftTests {
    @Test func aFineNeedsAnAmountAndACurrencyDetentionNeedsDays() {
        var draft = ProceedingDraft()
        draft.court = "Central District Court of Khabarovsk"
        draft.law = "Code of Administrative Offences"
        draft.article = "6.21"
        draft.penalty = .fine
        draft.fineAmount = "50 000"
        draft.fineCurrency = "rub"
        #expect(draft.problems.isEmpty)
        #expect(draft.fine == Money(minorUnits: 5_000_000, currency: "RUB"))
        draft.fineCurrency = "roubles"
        #expect(draft.problems == ["fineCurrency": .notACurrency])
        draft.fineAmount = "a lot"
        #expect(draft.problems == ["fineAmount": .notAnAmount])
        draft.penalty = .detention
        draft.detentionDays = "0"
        #expect(draft.problems == ["detentionDays": .notADays])
        draft.detentionDays = "15"
        draft.appealDeadline = "2020-02-30"
        #expect(draft.problems == ["appealDeadline": .notADay])
        draft.court = " "
        #expect(draft.problems["court"] == .missing)
    }

    @Test func theNextHearingIsTheEarliestFromToday() {
        var draft = ProceedingDraft()
        draft.hearings = [Hearing(day: "2026-12-10"), Hearing(day: "2026-11-01", outcome: "adjourned"), Hearing(day: "2026-11-30")]
        #expect(draft.nextHearing(onOrAfter: "2026-11-25")?.day == "2026-11-30")
        #expect(draft.nextHearing(onOrAfter: "2027-01-01") == nil)
    }
}
