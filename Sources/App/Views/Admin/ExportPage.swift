/// `/app/admin/export`: what an export holds, the format, and the password asked again.
struct ExportPage: Page {
    static let template = "admin/export"

    let chrome: PageChrome
    let formats: [Choice]
    let password: FormField
}
