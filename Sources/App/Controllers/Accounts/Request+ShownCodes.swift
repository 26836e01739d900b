import Vapor

/// Codes shown once after a form made them: the form keeps them in the (server-side) session and redirects; the page
/// that shows them takes them out again, so a reload or the back button shows nothing.
extension Request {
    /// Keeps codes for the next page to show, with the localisation key of the sentence above them.
    func keepCodesToShow(_ codes: [String], introKey: String) async {
        var session = await session()
        session.codesToShow = codes
        session.codesIntroKey = introKey
        await saveSession(session)
    }

    /// The kept codes, shown once; a redirect to `otherwise` when there are none.
    func showKeptCodes(continuePath: String, continueKey: String, otherwise: String) async throws -> Response {
        var session = await session()
        guard let codes = session.codesToShow, let intro = session.codesIntroKey else { return seeOther(otherwise) }
        session.codesToShow = nil
        session.codesIntroKey = nil
        await saveSession(session)
        return try await render(
            SecretCodesPage(
                chrome: await .make(for: self, titleKey: intro.hasPrefix("backup") ? "backup_codes_title" : "recovery_code_title"),
                intro: t(intro), codes: codes.map(GroupedCode.init), continuePath: continuePath, continueLabel: t(continueKey)))
    }
}
