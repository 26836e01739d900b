import HavenDomain
import Vapor

/// Tasks and services of an opened case.
extension CasesController {
    /// What the task forms post.
    struct TaskInput: Content {
        var title: String?
        var dueOn: String?
        var task: UUID?
    }

    /// What a service's change and removal forms post.
    struct ServiceChangeInput: Content {
        var service: UUID?
        var status, amount, currency, budgetLine: String?
    }

    /// A typed cost: `.some(nil)` for none, nil when the amount or currency does not parse.
    static func cost(_ amount: String?, _ currency: String?) -> Money?? {
        let amount = (amount ?? "").trimmingCharacters(in: .whitespaces)
        guard !amount.isEmpty else { return .some(nil) }
        return Money(parsing: amount, currency: currency ?? "").map { .some($0) }
    }

    @Sendable func editTask(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let input = try req.content.decode(TaskInput.self)
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let taskID = input.task else { throw Abort(.notFound) }
        guard !title.isEmpty, title.count <= ReportSubmission.maximumShortField, let day = input.dueOn.flatMap(Day.normalized) else {
            return try await again(req, record, key: key, staff: staff) {
                $0.task = FieldState(value: title, error: req.t("case_task_invalid"))
            }
        }
        guard try await req.haven.cases.updateTask(taskID, title: title, dueOn: day, of: record, key: key, by: staff, on: req.db)
        else { throw Abort(.notFound) }
        return await notice(req, "case_task_saved", code: record.code)
    }

    @Sendable func removeTask(req: Request) async throws -> Response {
        let (record, _, staff) = try await opened(req)
        guard let taskID = try req.content.decode(TaskInput.self).task,
            try await req.haven.cases.removeTask(taskID, of: record, by: staff, on: req.db)
        else { throw Abort(.notFound) }
        return await notice(req, "case_task_removed", code: record.code)
    }

    @Sendable func changeService(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let input = try req.content.decode(ServiceChangeInput.self)
        let cost = Self.cost(input.amount, input.currency)
        guard let serviceID = input.service else { throw Abort(.notFound) }
        guard let status = ServiceStatus(rawValue: input.status ?? ""), let cost else {
            return try await again(req, record, key: key, staff: staff) {
                $0.service = FieldState(value: "", error: req.t("case_service_invalid"))
            }
        }
        guard
            try await req.haven.cases.updateService(
                serviceID, status: status, cost: cost, budgetLine: input.budgetLine.flatMap(BudgetLine.init(rawValue:)), of: record,
                by: staff, on: req.db)
        else { throw Abort(.notFound) }
        return await notice(req, "case_service_saved", code: record.code)
    }

    @Sendable func removeService(req: Request) async throws -> Response {
        let (record, _, staff) = try await opened(req)
        guard let serviceID = try req.content.decode(ServiceChangeInput.self).service,
            try await req.haven.cases.removeService(serviceID, of: record, by: staff, on: req.db)
        else { throw Abort(.notFound) }
        return await notice(req, "case_service_removed", code: record.code)
    }

    /// What the service form posts.
    struct ServiceInput: Content {
        var need, provider, status, startsOn, endsOn, amount, currency, budgetLine: String?
    }

    @Sendable func addTask(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let input = try req.content.decode(TaskInput.self)
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= ReportSubmission.maximumShortField, let day = input.dueOn.flatMap(Day.normalized) else {
            return try await again(req, record, key: key, staff: staff) {
                $0.task = FieldState(value: title, error: req.t("case_task_invalid"))
            }
        }
        try await req.haven.cases.addTask(title, dueOn: day, to: record, key: key, by: staff, on: req.db)
        return await notice(req, "case_task_added", code: record.code)
    }

    @Sendable func completeTask(req: Request) async throws -> Response {
        let (record, _, staff) = try await opened(req)
        guard let taskID = try req.content.decode(TaskInput.self).task,
            try await req.haven.cases.completeTask(taskID, of: record, by: staff, on: req.db)
        else { throw Abort(.notFound) }
        return await notice(req, "case_task_done", code: record.code)
    }

    @Sendable func addService(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let input = try req.content.decode(ServiceInput.self)
        let provider = (input.provider ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let cost = Self.cost(input.amount, input.currency)
        let startsOn = (input.startsOn ?? "").isEmpty ? nil : input.startsOn.flatMap(Day.normalized)
        let endsOn = (input.endsOn ?? "").isEmpty ? nil : input.endsOn.flatMap(Day.normalized)
        guard let need = Need(rawValue: input.need ?? ""), let status = ServiceStatus(rawValue: input.status ?? ""),
            !provider.isEmpty, provider.count <= ReportSubmission.maximumShortField,
            let cost, (input.startsOn ?? "").isEmpty || startsOn != nil, (input.endsOn ?? "").isEmpty || endsOn != nil
        else {
            return try await again(req, record, key: key, staff: staff) {
                $0.service = FieldState(value: provider, error: req.t("case_service_invalid"))
            }
        }
        try await req.haven.cases.addService(
            need: need, provider: provider, status: status, startsOn: startsOn, endsOn: endsOn, cost: cost,
            budgetLine: input.budgetLine.flatMap(BudgetLine.init(rawValue:)), to: record, key: key, by: staff,
            on: req.db)
        return await notice(req, "case_service_added", code: record.code)
    }
}
