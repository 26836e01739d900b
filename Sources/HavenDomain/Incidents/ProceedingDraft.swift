import Foundation

/// A legal proceeding as typed: court, case number, charge, stage, decision, penalty, appeal deadline and representation.
///
///     var draft = ProceedingDraft()
///     draft.law = "Code of Administrative Offences"; draft.article = "6.21"   // the "propaganda" article
public struct ProceedingDraft: Sendable, Equatable, Codable {
    public var court = ""
    public var caseNumber = ""
    public var law = ""
    public var article = ""
    public var stage = ProceedingStage.firstInstance
    public var decision = ""
    public var penalty = PenaltyKind.none
    /// The fine, in the currency's usual notation (`50000`, `1250.50`).
    public var fineAmount = ""
    public var fineCurrency = ""
    public var detentionDays = ""
    public var appealDeadline = ""
    /// Who represents the defendant; empty when nobody does.
    public var representative = ""
    public var legalAidRefused = false
    public var hearings: [Hearing] = []

    public init() {}

    /// A problem with one field.
    public enum Problem: String, Sendable, Equatable, CaseIterable {
        case missing, tooLong, notADay, notAnAmount, notACurrency, notADays

        public var messageKey: String { "proceeding_problem_\(rawValue)" }
    }

    /// The fine, when the penalty is one and it was typed correctly.
    public var fine: Money? { penalty == .fine ? Money(parsing: fineAmount, currency: fineCurrency) : nil }

    /// The next hearing on or after a day, if any.
    public func nextHearing(onOrAfter day: String) -> Hearing? {
        hearings.filter { $0.day >= day }.min { $0.day < $1.day }
    }

    /// Problems by field name; empty when the proceeding can be stored.
    public var problems: [String: Problem] {
        var problems: [String: Problem] = [:]
        if court.trimmingCharacters(in: .whitespaces).isEmpty { problems["court"] = .missing }
        for (name, value) in [
            ("court", court), ("caseNumber", caseNumber), ("law", law), ("article", article), ("representative", representative),
        ]
        where value.count > 200 {
            problems[name] = .tooLong
        }
        if decision.count > 20_000 { problems["decision"] = .tooLong }
        if !appealDeadline.isEmpty, Day.normalized(appealDeadline) == nil { problems["appealDeadline"] = .notADay }
        if penalty == .fine, fine == nil {
            if Money(parsing: fineAmount, currency: "XXX") == nil {
                problems["fineAmount"] = .notAnAmount
            } else {
                problems["fineCurrency"] = .notACurrency
            }
        }
        if penalty == .detention, Int(detentionDays.trimmingCharacters(in: .whitespaces)).map({ $0 > 0 && $0 < 100_000 }) != true {
            problems["detentionDays"] = .notADays
        }
        return problems
    }
}
