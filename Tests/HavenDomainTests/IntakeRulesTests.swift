import HavenDomain
import Testing

@Suite("Report submissions")
struct IntakeRulesTests {
    @Test("a narrative is all a report needs")
    func minimal() {
        #expect(ReportSubmission(kind: .other, narrative: "Something happened").problems.isEmpty)
    }

    @Test("missing or over-long text is named by field")
    func problems() {
        #expect(ReportSubmission(kind: .help, narrative: " \n ").problems == ["narrative": .narrativeMissing])
        #expect(
            ReportSubmission(kind: .help, narrative: String(repeating: "ж", count: 20_001)).problems == ["narrative": .narrativeTooLong])
        let long = String(repeating: "x", count: 201)
        let submission = ReportSubmission(kind: .violation, narrative: "ok", country: long, city: "Chișinău", when: long, contact: long)
        #expect(submission.problems == ["country": .fieldTooLong, "when": .fieldTooLong, "contact": .fieldTooLong])
    }

    @Test("needs keep the casework vocabulary's stable codes")
    func needCodes() {
        #expect(Need.allCases.count == 13)
        #expect(Need(rawValue: "relocation_abroad") == .relocationAbroad)
        #expect(Need.visaAsylum.labelKey == "need_visa_asylum")
    }
}
