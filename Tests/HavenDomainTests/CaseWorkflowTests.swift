import HavenDomain
import Testing

@Suite("Case workflow")
struct CaseWorkflowTests {
    @Test("the usual path new → triage → open → waiting → open → closed is accepted")
    func usualPath() throws {
        try CaseWorkflow.check(from: .new, to: .triage, reason: nil)
        try CaseWorkflow.check(from: .triage, to: .open, reason: nil)
        try CaseWorkflow.check(from: .open, to: .waiting, reason: nil)
        try CaseWorkflow.check(from: .waiting, to: .open, reason: nil)
        try CaseWorkflow.check(from: .open, to: .closed, reason: .resolved)
        try CaseWorkflow.check(from: .closed, to: .open, reason: nil)
    }

    @Test("illegal changes are refused with their reason")
    func refusals() {
        #expect(throws: CaseWorkflow.Refusal.closedMustBeReopened) { try CaseWorkflow.check(from: .closed, to: .waiting, reason: nil) }
        #expect(throws: CaseWorkflow.Refusal.closedMustBeReopened) { try CaseWorkflow.check(from: .closed, to: .triage, reason: nil) }
        #expect(throws: CaseWorkflow.Refusal.closingNeedsReason) { try CaseWorkflow.check(from: .open, to: .closed, reason: nil) }
        #expect(throws: CaseWorkflow.Refusal.reasonOnlyWhenClosing) { try CaseWorkflow.check(from: .open, to: .waiting, reason: .declined) }
        #expect(throws: CaseWorkflow.Refusal.unchanged) { try CaseWorkflow.check(from: .open, to: .open, reason: nil) }
        #expect(throws: CaseWorkflow.Refusal.notAllowed) { try CaseWorkflow.check(from: .new, to: .waiting, reason: nil) }
        #expect(throws: CaseWorkflow.Refusal.notAllowed) { try CaseWorkflow.check(from: .waiting, to: .triage, reason: nil) }
    }

    @Test("every status can be closed with a reason, except a closed case")
    func closing() throws {
        for status in CaseStatus.allCases where status != .closed {
            for reason in ClosingReason.allCases { try CaseWorkflow.check(from: status, to: .closed, reason: reason) }
        }
        #expect(throws: CaseWorkflow.Refusal.closedMustBeReopened) { try CaseWorkflow.check(from: .closed, to: .closed, reason: .resolved) }
    }

    @Test("case codes are pseudonymous, typed in any case, and refused when malformed")
    func codes() {
        let code = CaseCode.random()
        #expect(code.hasPrefix("C-") && code.count == 8)
        #expect(CaseCode.normalized(code.lowercased()) == code)
        #expect(CaseCode.normalized("c-7kq2m9") == "C-7KQ2M9")
        #expect(CaseCode.normalized("7KQ2MO") == "C-7KQ2M0")
        #expect(CaseCode.normalized("C-7KQ2M") == nil)
        #expect(CaseCode.normalized("C-7KQ2MU") == nil)
    }
}

@Suite("Money")
struct MoneyTests {
    @Test("amounts are read with up to two decimals, either separator, and a three-letter currency")
    func parsing() {
        #expect(Money(parsing: "1500.50", currency: "mdl") == Money(minorUnits: 150_050, currency: "MDL"))
        #expect(Money(parsing: "1 500,5", currency: "EUR") == Money(minorUnits: 150_050, currency: "EUR"))
        #expect(Money(parsing: "0", currency: "RUB")?.description == "0.00 RUB")
        #expect(Money(parsing: "12.05", currency: "USD")?.description == "12.05 USD")
        for bad in [
            ("", "EUR"), ("-5", "EUR"), ("1.234", "EUR"), ("1.2.3", "EUR"), ("abc", "EUR"), ("10", "EURO"), ("10", "E1R"),
            ("99999999999", "EUR"), ("١٢", "EUR"),
        ] {
            #expect(Money(parsing: bad.0, currency: bad.1) == nil, "\(bad)")
        }
    }
}
