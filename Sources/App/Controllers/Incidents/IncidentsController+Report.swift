import Vapor

/// The files of the report an incident was made from: downloaded through the incident, and carried into its evidence.
extension IncidentsController {
    @Sendable func downloadReportFile(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req)
        guard let attachmentID = req.parameters.get("attachmentID", as: UUID.self) else { throw Abort(.notFound) }
        let download = try await req.haven.handover.attachment(
            attachmentID, through: .incident(record.requireID()), recordKey: keys.incident, by: staff, on: req.db)
        guard download.isIntact else { throw Abort(.conflict, reason: req.t("evidence_altered")) }
        return Response.streaming(download, logger: req.logger)
    }

    @Sendable func carryReportFile(req: Request) async throws -> Response {
        let (record, keys, staff) = try await Self.opened(req, writing: true)
        guard let attachmentID = req.parameters.get("attachmentID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            _ = try await req.haven.handover.carry(attachmentID, into: record, keys: keys, by: staff, on: req.db)
        } catch EvidenceStore.Failure.altered {
            throw Abort(.conflict, reason: req.t("evidence_altered"))
        }
        return await notice(req, "report_file_carried_notice", code: record.code)
    }
}
