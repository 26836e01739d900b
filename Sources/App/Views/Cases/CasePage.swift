import Foundation
import HavenDomain
import Vapor

/// `/app/cases/:code`: one case, opened for this staff member.
struct CasePage: Page {
    static let template = "cases/case"

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
        let id: String
        let needName: String
        let provider: String
        let statusName: String
        let dates: String
        let cost: String
        let budgetLineName: String
        /// The values the change form starts from.
        let status: String
        let amount: String
        let currency: String
        let budgetLine: String
    }

    /// An incident the case concerns.
    struct LinkedIncident: Encodable {
        let code: String
        let title: String
    }

    /// A staff member holding the case key.
    struct Holder: Encodable {
        let id: String
        let name: String
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
    /// Colleagues who may run cases and do not hold this one yet, for the give-access menu.
    let colleagues: [Choice]
    var note = FieldState()
    var task = FieldState()
    var service = FieldState()
    var status = FieldState()
    var assignee = FieldState()
    var incident = FieldState()
    /// The case's costs summed by currency and budget line (`1,200.00 MDL — legal aid`).
    var costTotals: [String] = []
    /// Set when closing was asked while tasks are open: the status form asks what happens to them.
    var asksAboutOpenTasks = false
    /// The thread of the report the case was made from, while the report exists.
    var thread: ReportThread?
    var hasThread = false
    var reply = FieldState()
    /// The report's files download through the case.
    let showsDownloads = true
}
