import HavenDomain
import Vapor

/// The thread of the report a case was made from, for whoever holds the case: replies and the report's files.
extension CasesController {
    /// What the reply form posts.
    struct ReportReplyInput: Content {
        var message: String?
    }

    @Sendable func replyToReport(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let text = (try req.content.decode(ReportReplyInput.self).message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= ReportSubmission.maximumNarrative else {
            return try await again(req, record, key: key, staff: staff) {
                $0.reply = FieldState(
                    value: text, error: req.t(text.isEmpty ? "report_problem_narrativeMissing" : "report_problem_narrativeTooLong"))
            }
        }
        try await req.haven.handover.reply(through: .case(record.requireID()), recordKey: key, text: text, by: staff, on: req.db)
        return await notice(req, "inbox_replied", code: record.code)
    }

    @Sendable func downloadReportFile(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        guard let attachmentID = req.parameters.get("attachmentID", as: UUID.self) else { throw Abort(.notFound) }
        let download = try await req.haven.handover.attachment(
            attachmentID, through: .case(record.requireID()), recordKey: key, by: staff, on: req.db)
        guard download.isIntact else { throw Abort(.conflict, reason: req.t("evidence_altered")) }
        return Response.streaming(download, logger: req.logger)
    }
}
