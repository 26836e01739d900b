import Vapor

/// Every route Haven serves.
func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
    try app.register(collection: SetupController())
    try app.register(collection: SessionController())
    try app.register(collection: WelcomeController())
    try app.register(collection: LanguageController())
    let staff = app.grouped(RequireSignedIn())
    try staff.register(collection: DashboardController())
    try staff.register(collection: AccountController())
    try staff.grouped(RequireAdministrator()).register(collection: AdminUsersController())
}
