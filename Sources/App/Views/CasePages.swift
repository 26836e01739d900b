import Foundation
import HavenDomain
import Vapor

/// A vocabulary whose terms appear in menus: a stable code and a localisation key.
protocol MenuTerm: CaseIterable, RawRepresentable where RawValue == String {
    var labelKey: String { get }
}

extension CaseStatus: MenuTerm {}
extension RiskLevel: MenuTerm {}
extension ClosingReason: MenuTerm {}
extension Need: MenuTerm {}
extension ServiceStatus: MenuTerm {}
extension BudgetLine: MenuTerm {}

/// A code and a localised name, for menus.
struct Choice: Encodable {
    let code: String
    let name: String
    var isChosen = false
}

/// `/app/cases`: the cases sealed to me, filters, counts per status, find by code.
struct CaseListPage: Encodable {
    /// One case's line.
    struct Row: Encodable {
        let code: String
        let pseudonym: String
        let statusName: String
        let riskName: String
        let risk: String
        let lastActivity: String
    }

    /// How many cases have one status.
    struct Count: Encodable {
        let statusName: String
        let count: Int
    }

    let chrome: PageChrome
    var cases: [Row]
    var counts: [Count]
    let isOverdueView: Bool
    let inactiveDays: String
    let statuses: [Choice]
    let risks: [Choice]
    let canCreate: Bool
    var code = FieldState()
}

/// `/app/cases/new`: requester, needs, risk, consent, first note.
struct CaseFormPage: Encodable {
    let chrome: PageChrome
    var pseudonym = FieldState()
    var name = FieldState()
    var contact = FieldState()
    var notes = FieldState()
    var firstNote = FieldState()
    var needs: [Choice]
    var risks: [Choice]
    var consentsToServices = false
    var consentsToSharing = false
    var consentsToStatistics = false
}

/// `/app/cases/:code`: one case, opened for this staff member.
struct CasePage: Encodable {
    /// A note.
    struct Note: Encodable {
        let body: String
        let writtenAt: String
    }

    /// A timeline line.
    struct Event: Encodable {
        let text: String
        let happenedAt: String
    }

    /// A task.
    struct Task: Encodable {
        let id: String
        let title: String
        let dueOn: String
        let isDone: Bool
        let isOverdue: Bool
    }

    /// A service.
    struct Service: Encodable {
        let needName: String
        let provider: String
        let statusName: String
        let dates: String
        let cost: String
        let budgetLineName: String
    }

    /// An incident the case concerns.
    struct LinkedIncident: Encodable {
        let code: String
        let title: String
    }

    /// A staff member holding the case key.
    struct Holder: Encodable {
        let id: String
        let isSelf: Bool
    }

    let chrome: PageChrome
    let code: String
    let requester: Requester
    let statusName: String
    let closingReasonName: String
    let riskName: String
    let needs: [String]
    let consents: [String]
    let notes: [Note]
    let events: [Event]
    let holders: [Holder]
    let nextStatuses: [Choice]
    let closingReasons: [Choice]
    let fromReport: Bool
    let tasks: [Task]
    let services: [Service]
    let caseNeeds: [Choice]
    let serviceStatuses: [Choice]
    let budgetLines: [Choice]
    let isClosed: Bool
    let consentsToStatistics: Bool
    let incidents: [LinkedIncident]
    var note = FieldState()
    var task = FieldState()
    var service = FieldState()
    var status = FieldState()
    var assignee = FieldState()
    var incident = FieldState()
}
