import HavenDomain
import Testing

@Suite("Default vocabularies")
struct VocabularyTests {
    @Test("every list has unique codes, every term three non-empty labels, every parent exists", arguments: Vocabulary.all.map(\.name))
    func wellFormed(name: String) throws {
        let vocabulary = try #require(Vocabulary.all.first { $0.name == name })
        #expect(!vocabulary.terms.isEmpty)
        #expect(Set(vocabulary.terms.map(\.code)).count == vocabulary.terms.count)
        for term in vocabulary.terms {
            for language in Language.allCases { #expect(!term.label(language).isEmpty, "\(term.code) \(language)") }
            #expect(term.label(.ru) != term.label(.en) || term.label(.en).count <= 6, "\(term.code) lacks a Russian label")
            if let parent = term.parent { #expect(vocabulary.term(parent)?.parent == nil, "\(term.code)'s parent \(parent)") }
        }
        #expect(Set(Vocabulary.all.map(\.name)).count == Vocabulary.all.count)
    }

    @Test("incident types: eleven families V1–V10 and V11, each type under its family, each mapped to an Annual Review heading")
    func incidentTypes() throws {
        let types = Vocabulary.incidentTypes
        #expect(types.roots.map(\.code) == (1...11).map { "V\($0)" })
        #expect(types.roots.map { types.children(of: $0.code).count } == [8, 4, 6, 6, 5, 4, 6, 7, 5, 4, 4])
        for family in types.roots {
            let children = types.children(of: family.code)
            #expect(!children.isEmpty)
            #expect(children.allSatisfy { $0.code.hasPrefix(family.code + ".") })
        }
        #expect(types.terms.allSatisfy { !$0.headings.isEmpty })
        #expect(types.term("V4.1")?.label(.ru) == "Административное дело о «пропаганде ЛГБТ»")
        #expect(types.term("V4.1")?.headings.first == .freedomOfExpression)
        #expect(types.term("V5.2")?.headings == [.freedomOfAssembly])
        #expect(types.term("V7.1")?.label(.ro) == "Violență domestică sau în familie")
    }

    @Test("ODIHR: only criminal offences with a bias motive count as hate crimes")
    func hateCrimes() {
        let types = Vocabulary.incidentTypes
        let crimes = Set(types.terms.filter { $0.parent != nil && $0.isODIHRHateCrime }.map(\.code))
        #expect(crimes == Set((1...8).map { "V1.\($0)" } + ["V2.1", "V2.2", "V2.3", "V5.2", "V7.1", "V7.6"]))
    }

    @Test("Annual Review headings have labels in every language and stable codes")
    func headings() {
        #expect(AnnualReviewHeading.allCases.count == 24)
        for heading in AnnualReviewHeading.allCases {
            for language in Language.allCases { #expect(!heading.label(language).isEmpty) }
        }
        #expect(AnnualReviewHeading(rawValue: "freedom_of_assembly")?.label(.en) == "Freedom of assembly")
        #expect(AnnualReviewHeading.biasMotivatedViolence.label(.ru) == "Насилие на почве ненависти")
    }
}
