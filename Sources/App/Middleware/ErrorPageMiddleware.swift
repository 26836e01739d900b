import HavenDomain
import HavenVault
import Vapor

/// Turns every error into a generic page with a request id; the log gets the detail, never secrets or form content.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await page(for: error, request: request)
        }
    }

    /// The detail of errors whose text Haven writes itself (never user content); other libraries' messages may quote
    /// stored values, so only their type is logged.
    static func loggableDetail(of error: any Error) -> String {
        switch error {
        case let error as VaultError: return error.description
        case let error as AccountError: return error.description
        case let error as ConfigurationError: return error.description
        case let error as CaseWorkflow.Refusal: return error.description
        default: return "-"
        }
    }

    private func page(for error: any Error, request: Request) async -> Response {
        let status: HTTPResponseStatus
        var message: String
        var headers = HTTPHeaders()
        switch error {
        case let abort as any AbortError:
            status = abort.status
            message = abort.reason
            headers = abort.headers
        default:
            status = .internalServerError
            message = ""
        }
        if status.code >= 500, status != .serviceUnavailable {
            request.logger.error(
                "request failed",
                metadata: [
                    "status": "\(status.code)", "error": "\(type(of: error))",
                    "detail": "\(Self.loggableDetail(of: error))",
                ])
            message = request.t("error_generic")
        } else {
            request.logger.info("request refused", metadata: ["status": "\(status.code)"])
            if status == .serviceUnavailable { message = message.isEmpty ? request.t("error_busy") : message }
            if status == .notFound { message = request.t("error_not_found") }
            if message.isEmpty || message == status.reasonPhrase { message = request.t("error_bad_request") }
        }
        let context = ErrorPage(
            chrome: .forError(request, title: "error_title"), status: status.code,
            message: message, requestID: request.id)
        do {
            let response = try await request.view.render(ErrorPage.template, context).encodeResponse(status: status, for: request)
            for (name, value) in headers where name.lowercased() != "content-type" {
                response.headers.replaceOrAdd(name: name, value: value)
            }
            return response
        } catch {
            request.logger.error("error page failed to render", metadata: ["error": "\(type(of: error))"])
            let response = Response(status: status, body: .init(string: "\(status.code) — request \(request.id)"))
            response.headers.contentType = .plainText
            return response
        }
    }
}
