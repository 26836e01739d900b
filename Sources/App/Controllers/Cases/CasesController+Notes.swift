import HavenDomain
import Vapor

/// Notes and linked incidents of an opened case.
extension CasesController {
    /// What the note form posts.
    struct NoteInput: Content {
        var body: String?
    }

    /// What the incident link form posts.
    struct IncidentLinkInput: Content {
        var incident: String?
    }

    @Sendable func addNote(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let text = (try req.content.decode(NoteInput.self).body ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= ReportSubmission.maximumNarrative else {
            return try await again(req, record, key: key, staff: staff) {
                $0.note = FieldState(
                    value: text, error: req.t(text.isEmpty ? "report_problem_narrativeMissing" : "report_problem_narrativeTooLong"))
            }
        }
        try await req.haven.cases.addNote(text, to: record, key: key, by: staff, on: req.db)
        return await notice(req, "case_note_added", code: record.code)
    }

    @Sendable func linkIncident(req: Request) async throws -> Response {
        let (record, key, staff) = try await opened(req)
        let typed = try req.content.decode(IncidentLinkInput.self).incident ?? ""
        guard try await req.haven.cases.link(record, toIncident: typed, by: staff, on: req.db) else {
            return try await again(req, record, key: key, staff: staff) {
                $0.incident = FieldState(value: typed, error: req.t("case_incident_unknown"))
            }
        }
        return await notice(req, "case_incident_linked", code: record.code)
    }
}
