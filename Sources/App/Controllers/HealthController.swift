import Vapor

/// `GET /health`: the database answers, and which one it is.
struct HealthController: RouteCollection {
    /// The body of a healthy answer.
    struct Health: Content {
        let status: String
        let database: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    @Sendable func health(req: Request) async throws -> Health {
        _ = try await req.haven.setup.isComplete(on: req.db)
        return Health(status: "ok", database: req.haven.configuration.storage.name)
    }
}
