import Fluent
import Foundation
import HavenDomain

/// A service given for a case's need: who provides it (sealed), its status, dates and cost (clear, for statistics).
final class CaseService: Model, @unchecked Sendable {
    static let schema = "case_services"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseFile: Case
    @Enum(key: "need") var need: Need
    @Field(key: "provider_sealed") var providerSealed: Data
    @Enum(key: "status") var status: ServiceStatus
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "cost_minor_units") var costMinorUnits: Int?
    @OptionalField(key: "cost_currency") var costCurrency: String?
    @OptionalEnum(key: "budget_line") var budgetLine: BudgetLine?

    init() {}

    init(
        id: UUID, caseID: UUID, need: Need, providerSealed: Data, status: ServiceStatus, startsOn: String?, endsOn: String?,
        cost: Money?, budgetLine: BudgetLine?
    ) {
        self.id = id
        self.$caseFile.id = caseID
        self.need = need
        self.providerSealed = providerSealed
        self.status = status
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.costMinorUnits = cost?.minorUnits
        self.costCurrency = cost?.currency
        self.budgetLine = budgetLine
    }

    var cost: Money? { costMinorUnits.flatMap { units in costCurrency.map { Money(minorUnits: units, currency: $0) } } }
}
