import Vapor

/// Every route Haven serves.
func routes(_ app: Application) throws {
    try app.register(collection: HealthController())
    try app.register(collection: SetupController())
    try app.register(collection: SessionController())
    try app.register(collection: WelcomeController())
    try app.register(collection: LanguageController())
    try app.register(collection: IntakeController())
    try app.register(collection: PublicIncidentsController())
    try app.register(collection: PublicSiteController())
    try app.register(collection: FeedController())
    let staff = app.grouped(RequireSignedIn())
    try staff.register(collection: DashboardController())
    try staff.register(collection: AccountController())
    try staff.register(collection: InboxController())
    try staff.register(collection: CasesController())
    try staff.register(collection: PersonsController())
    try staff.register(collection: IncidentImportController())
    try staff.register(collection: IncidentsController(evidenceMaximumBytes: app.haven.configuration.evidenceMaximumBytes))
    try staff.register(collection: AdminUsersController())
    try staff.register(collection: AdminVocabulariesController())
    try staff.register(collection: AdminSiteController())
    try staff.register(collection: AdminBackupsController())
    try staff.register(collection: AdminExportController())
    try staff.register(collection: PublicationsController())
    try staff.register(collection: IngestController())
}
