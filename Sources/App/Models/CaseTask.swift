import Fluent
import Foundation
import HavenDomain

/// A task on a case with a due date (a court hearing, a visa appointment); its title is sealed.
final class CaseTask: Model, @unchecked Sendable {
    static let schema = "case_tasks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var caseFile: Case
    @Field(key: "title_sealed") var titleSealed: Data
    /// The day it is due, as `yyyy-MM-dd` (clear: the overdue view needs it).
    @Field(key: "due_on") var dueOn: String
    @Field(key: "is_done") var isDone: Bool

    init() {}

    init(id: UUID, caseID: UUID, titleSealed: Data, dueOn: String) {
        self.id = id
        self.$caseFile.id = caseID
        self.titleSealed = titleSealed
        self.dueOn = dueOn
        self.isDone = false
    }
}
