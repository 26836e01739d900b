import Vapor

/// Codes shown once after a form made them: the form keeps them in the (server-side) session and redirects; the page
/// that shows them takes them out again, so a reload or the back button shows nothing.
extension Request {
    /// Keeps codes for the next page to show, with the localisation keys of its title and of the sentence above them.
    func keepCodesToShow(_ codes: [String], titleKey: String, introKey: String) async {
        var session = await session()
        session.codesToShow = codes
        session.codesTitleKey = titleKey
        session.codesIntroKey = introKey
        await saveSession(session)
    }

    /// The kept codes, shown once; a redirect to `otherwise` when there are none.
    func showKeptCodes(continuePath: String, continueKey: String, otherwise: String) async throws -> Response {
        var session = await session()
        guard let codes = session.codesToShow, let title = session.codesTitleKey, let intro = session.codesIntroKey else {
            return seeOther(otherwise)
        }
        session.codesToShow = nil
        session.codesTitleKey = nil
        session.codesIntroKey = nil
        await saveSession(session)
        return try await render(
            SecretCodesPage(
                chrome: await .make(for: self, titleKey: title),
                intro: t(intro), codes: codes.map(GroupedCode.init), continuePath: continuePath, continueLabel: t(continueKey)))
    }
}
