import HavenDomain
import Vapor

/// What every page's layout needs: language, strings, the form token, who is signed in.
struct PageChrome: Encodable {
    /// A choice in the language switch.
    struct LanguageChoice: Encodable {
        let code: String
        let name: String
        let isCurrent: Bool
    }

    let lang: String
    let title: String
    /// The interface strings of `lang`, read in templates as `chrome.t.key`.
    let t: [String: String]
    /// The session's synchronizer token; empty on pages with no forms (error pages).
    let csrf: String
    let isSignedIn: Bool
    let isAdministrator: Bool
    let languages: [LanguageChoice]
    /// Where the language switch returns to.
    let path: String
    let notice: String?
    /// Public pages (intake, the public site) show the quick-exit link and no staff navigation.
    let isPublic: Bool
    let quickExitURL: String
    /// The public site's pages carry no session: languages are links, not a form.
    var isPublicSite = false

    /// The chrome of a page with forms: starts a session if needed and takes (and clears) its one-time notice.
    static func make(for request: Request, titleKey: String) async -> PageChrome {
        var session = await request.session()
        let notice = session.notice.map(request.t)
        if session.notice != nil {
            session.notice = nil
            await request.saveSession(session)
        }
        return make(for: request, titleKey: titleKey, session: session, notice: notice)
    }

    /// The chrome of a public-site page in a language: no session, no form token, nothing personal, so the page can be
    /// cached and shared.
    static func publicSite(for request: Request, title: String, language: Language) -> PageChrome {
        let table = request.haven.localization.table(language)
        return PageChrome(
            lang: language.rawValue, title: title, t: table, csrf: "", isSignedIn: false, isAdministrator: false,
            languages: Language.allCases.map { .init(code: $0.rawValue, name: $0.nativeName, isCurrent: $0 == language) },
            path: request.url.path, notice: nil, isPublic: true, quickExitURL: request.haven.configuration.quickExitURL, isPublicSite: true)
    }

    /// The chrome of an error page: no session is started, so no form token.
    static func forError(_ request: Request, title: String) -> PageChrome {
        make(for: request, titleKey: title, session: request.staffSession, notice: nil, csrfVisible: false)
    }

    private static func make(
        for request: Request, titleKey: String, session: StaffSession?, notice: String?,
        csrfVisible: Bool = true
    ) -> PageChrome {
        let language = request.language
        let table = request.haven.localization.table(language)
        return PageChrome(
            lang: language.rawValue, title: table[titleKey] ?? titleKey, t: table,
            csrf: csrfVisible ? session?.csrfToken ?? "" : "",
            isSignedIn: session?.isSignedIn ?? false,
            isAdministrator: session?.role?.managesUsers ?? false,
            languages: Language.allCases.map { .init(code: $0.rawValue, name: $0.nativeName, isCurrent: $0 == language) },
            path: request.url.path, notice: notice,
            isPublic: request.url.path.hasPrefix("/report") || request.url.path.hasPrefix("/incidents"),
            quickExitURL: request.haven.configuration.quickExitURL
        )
    }
}
