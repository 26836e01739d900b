import Foundation
import HavenDomain
import HavenIngest
import Testing
import Vapor

@testable import App

@Suite("Localisation")
struct LocalizationTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func matches(_ pattern: String, in directory: String, ending: String) throws -> Set<String> {
        let regex = try NSRegularExpression(pattern: pattern)
        var found = Set<String>()
        let base = root.appendingPathComponent(directory)
        let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == ending {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return found
    }

    @Test("every language has exactly the same keys, none empty")
    func sameKeys() throws {
        let localization = try Localization.load()
        let english = Set(localization.table(.en).keys)
        #expect(english.count > 100)
        for language in Language.allCases {
            #expect(Set(localization.table(language).keys) == english, "\(language)")
            #expect(localization.table(language).values.allSatisfy { !$0.isEmpty }, "\(language)")
        }
    }

    @Test("every key a template or the code uses exists in every table")
    func noMissingKey() throws {
        let localization = try Localization.load()
        var used = try matches(#"chrome\.t\.([A-Za-z0-9_]+)"#, in: "Resources/Views", ending: "leaf")
        used.formUnion(
            try matches(
                #"(?:\.t\(|titleKey: |notice = |notice: |noticeAndReturn\(req, |forError\(request, title: )"([A-Za-z0-9_]+)""#,
                in: "Sources/App", ending: "swift"))
        used.formUnion(try matches(#""([a-z]+(?:_[a-z][A-Za-z]*)+)""#, in: "Sources/App/Controllers", ending: "swift"))
        used.formUnion(ReportKind.allCases.map(\.labelKey) + ReportStatus.allCases.map(\.labelKey) + Need.allCases.map(\.labelKey))
        used.formUnion([ReportSubmission.Problem.narrativeMissing, .narrativeTooLong, .fieldTooLong].map(\.messageKey))
        used.formUnion(CaseStatus.allCases.map(\.labelKey) + ClosingReason.allCases.map(\.labelKey) + RiskLevel.allCases.map(\.labelKey))
        used.formUnion(
            [CaseWorkflow.Refusal.unchanged, .closedMustBeReopened, .closingNeedsReason, .reasonOnlyWhenClosing, .notAllowed].map(
                \.messageKey))
        used.formUnion(CaseEvent.Kind.allCases.map { "case_event_\($0.rawValue)" })
        used.formUnion(ServiceStatus.allCases.map(\.labelKey) + BudgetLine.allCases.map(\.labelKey))
        used.formUnion(StaffRole.allCases.map(\.labelKey))
        used.formUnion(AccountStatus.allCases.map { "status_\($0.rawValue)" })
        used.formUnion([PasswordPolicy.Problem.tooShort, .tooLong, .tooCommon, .mismatch].map(\.messageKey))
        used.formUnion(
            Confidentiality.allCases.map(\.labelKey) + VerificationStatus.allCases.map(\.labelKey) + SourceKind.allCases.map(\.labelKey))
        used.formUnion(
            SexualOrientation.allCases.map(\.labelKey) + GenderIdentity.allCases.map(\.labelKey) + IntersexStatus.allCases.map(\.labelKey))
        used.formUnion(Vulnerability.allCases.map(\.labelKey) + IncidentDraft.Problem.allCases.map(\.messageKey))
        used.formUnion(
            PublicationKind.allCases.map(\.labelKey) + PublicationStatus.allCases.map(\.labelKey)
                + PublicationDraft.Problem.allCases.map(\.messageKey))
        used.formUnion(
            [Publishing.Refusal.notAllowed, .needsPublisher].map(\.messageKey)
                + ["create", "edit", "proposed", "approved", "rejected"].map { "publication_action_" + $0 })
        used.formUnion(Capability.allCases.map(\.refusalKey) + CaseDraft.Problem.allCases.map(\.messageKey))
        used.formUnion(RecordKind.allCases.filter { $0.instanceRecordID == nil }.map { "users_sole_\($0.rawValue)" })
        used.formUnion(
            ItemKind.allCases.map { "ingest_kind_\($0.rawValue)" } + PartialDate.Precision.allCases.map { "precision_\($0.rawValue)" })
        used.formUnion(
            ProceedingStage.allCases.map(\.labelKey) + PenaltyKind.allCases.map(\.labelKey)
                + ProceedingDraft.Problem.allCases.map(\.messageKey))
        used.formUnion(["uploaded", "viewed", "downloaded"].map { "custody_\($0)" })
        used.formUnion(VocabularyStore.editable.map { "vocabulary_" + $0.name.replacingOccurrences(of: "-", with: "_") })
        let fields = [
            "title", "description", "startDate", "endDate", "country", "region", "city", "placeDetail", "types", "victims", "participants",
            "detainees", "violationStatus", "reliability", "verification", "confidentiality", "acts", "sources",
        ]
        #expect(Set(Incidents.changedFields(from: IncidentDraft(), to: IncidentDraft.everythingDifferent)) == Set(fields))
        used.formUnion(fields.map { "incident_field_\($0)" })
        #expect(used.count > 80)
        for language in Language.allCases {
            let missing = used.subtracting(localization.table(language).keys)
            #expect(missing.isEmpty, "\(language) lacks \(missing.sorted())")
        }
    }

    @Test("visitors get their browser's language; a chosen language wins and is kept")
    func choice() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let browser = haven.browser()
            browser.headers.replaceOrAdd(name: .acceptLanguage, value: "ru-RU,ru;q=0.9,en;q=0.5")
            let russian = try await browser.get("/login")
            #expect(russian.body.contains("<html lang=\"ru\">") && russian.body.contains("Войти"))
            let chosen = try await browser.submit("/language", ["lang": "ro", "back": "/login"])
            #expect(chosen.status == .seeOther && chosen.location == "/login")
            let romanian = try await browser.follow(chosen)
            #expect(romanian.body.contains("<html lang=\"ro\">") && romanian.body.contains("Autentificare"))
            let offsite = try await browser.submit("/language", ["lang": "en", "back": "//evil.example/"])
            #expect(offsite.location == "/login")
            #expect(try await browser.submit("/language", ["lang": "xx", "back": "/login"]).status == .badRequest)
        }
    }

    @Test("a signed-in user's language is saved and used at the next sign-in")
    func savedPreference() async throws {
        try await withHaven { haven in
            try await haven.setUp()
            let browser = try await haven.signedInBrowser()
            _ = try await browser.submit("/language", ["lang": "ru", "back": "/app"])
            let fresh = haven.browser()
            let signedIn = try await fresh.submit("/login", ["email": "admin@example.org", "password": goodPassword])
            let dashboard = try await fresh.follow(signedIn)
            #expect(dashboard.body.contains("<html lang=\"ru\">") && dashboard.body.contains("Администратор"))
        }
    }
}

extension IncidentDraft {
    /// A draft differing from an empty one in every field, so every revision field name is checked.
    static var everythingDifferent: IncidentDraft {
        var draft = IncidentDraft()
        draft.title = "t"
        draft.description = "d"
        draft.startDate = "2020"
        draft.endDate = "2021"
        draft.country = "MD"
        draft.region = "r"
        draft.city = "c"
        draft.placeDetail = "p"
        draft.types = ["V1"]
        draft.victims = "1"
        draft.participants = "2"
        draft.detainees = "3"
        draft.violationStatus = "likely"
        draft.reliability = "reliable"
        draft.verification = .verified
        draft.confidentiality = .public
        var act = ActDraft()
        act.victim = "v"
        draft.acts = [act]
        var source = SourceDraft()
        source.title = "s"
        draft.sources = [source]
        return draft
    }
}
