import Vapor

/// A page's context: every page has one type, and the type names its template, so no render call names a template.
protocol Page: Encodable {
    /// The Leaf template under `Resources/Views`, e.g. `cases/case`.
    static var template: String { get }
}

extension Request {
    /// Renders a page with its own template.
    func render<P: Page>(_ page: P, status: HTTPResponseStatus = .ok) async throws -> Response {
        try await view.render(P.template, page).encodeResponse(status: status, for: self)
    }
}
