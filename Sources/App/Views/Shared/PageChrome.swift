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
    /// The signed-in role's capabilities by name (`chrome.can.triagesIntake`): the navigation shows only what it opens.
    var can: [String: Bool] = [:]
    let languages: [LanguageChoice]
    /// Where the language switch returns to.
    let path: String
    let notice: String?
    /// Public pages (intake, the public site) show the quick-exit link and no staff navigation.
    let isPublic: Bool
    let quickExitURL: String
    /// The public site's pages carry no session: languages are links, not a form.
    var isPublicSite = false
    /// The organisation's name on public pages (set per language by administrators), "Haven" on staff pages.
    var brand = "Haven"
    /// The logo's address on public pages, when one was uploaded.
    var logoPath: String?
    /// The organisation's short description under its name on the public site.
    var tagline = ""
    /// The organisation's contact lines, in the footer of public pages.
    var contactLines: [String] = []
    /// A page for paper (the printable receipt): the quick-exit link stays, the site's header and footer go.
    var isBare = false
    /// How many things wait for the signed-in staff member (shown beside the dashboard link).
    var waitingCount = 0

    /// The chrome of a page with forms: starts a session if needed and takes (and clears) its one-time notice. For
    /// signed-in staff it counts what waits for them, unless the page counts it itself (`countsWaiting: false`).
    static func make(for request: Request, titleKey: String, countsWaiting: Bool = true) async -> PageChrome {
        var session = await request.session()
        let notice = session.notice.map(request.t)
        if session.notice != nil {
            session.notice = nil
            await request.saveSession(session)
        }
        var chrome = make(for: request, titleKey: titleKey, session: session, notice: notice)
        if countsWaiting, chrome.isSignedIn, !chrome.isPublic, let staff = try? request.staff() {
            chrome.waitingCount = (try? await request.haven.notifications.count(for: staff, on: request.db)) ?? 0
        }
        return chrome
    }

    /// The chrome of a public-site page in a language: no session, no form token, nothing personal, so the page can be
    /// cached and shared.
    static func publicSite(for request: Request, title: String, language: Language) -> PageChrome {
        let table = request.haven.localization.table(language)
        var chrome = PageChrome(
            lang: language.rawValue, title: title, t: table, csrf: "", isSignedIn: false, isAdministrator: false,
            languages: Language.allCases.map { .init(code: $0.rawValue, name: $0.nativeName, isCurrent: $0 == language) },
            path: request.url.path, notice: nil, isPublic: true, quickExitURL: request.haven.configuration.quickExitURL, isPublicSite: true)
        chrome.brandAsOrganisation(request, language)
        return chrome
    }

    /// Public pages carry the organisation's name, description and logo instead of the software's.
    private mutating func brandAsOrganisation(_ request: Request, _ language: Language) {
        let store = request.haven.siteIdentity
        brand = store.name(in: language)
        tagline = SiteIdentity.text(store.identity.tagline, in: language.rawValue)
        logoPath = store.logo.map { "/site/logo/" + $0.tag }
        contactLines = SiteIdentity.text(store.identity.contact, in: language.rawValue).split(whereSeparator: \.isNewline).map(String.init)
    }

    /// The chrome of an error page: no session is started for it. An error on the public site (a 404 on
    /// `/p/…`) keeps the site's menu, the quick-exit link and the language links; one on intake keeps the latter two.
    static func forError(_ request: Request, title: String) -> PageChrome {
        let path = request.url.path
        guard isStaffPath(path) else {
            let language = request.publicLanguage
            var chrome = publicSite(for: request, title: request.haven.localization.string(title, language), language: language)
            chrome.isPublicSite = !path.hasPrefix("/report")
            return chrome
        }
        // A staff error page (a 403) keeps the language switch when a session already exists; none is started.
        return make(for: request, titleKey: title, session: request.staffSession, notice: nil, csrfVisible: request.staffSession != nil)
    }

    /// Paths of staff pages (and of the forms staff use to sign in), as opposed to the public site and intake.
    static func isStaffPath(_ path: String) -> Bool {
        ["/app", "/login", "/logout", "/setup", "/welcome", "/language"].contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    private static func make(
        for request: Request, titleKey: String, session: StaffSession?, notice: String?,
        csrfVisible: Bool = true
    ) -> PageChrome {
        let language = request.language
        let table = request.haven.localization.table(language)
        var chrome = PageChrome(
            lang: language.rawValue, title: table[titleKey] ?? titleKey, t: table,
            csrf: csrfVisible ? session?.csrfToken ?? "" : "",
            isSignedIn: session?.isSignedIn ?? false,
            isAdministrator: session?.role?.managesUsers ?? false,
            languages: Language.allCases.map { .init(code: $0.rawValue, name: $0.nativeName, isCurrent: $0 == language) },
            path: request.url.path, notice: notice,
            isPublic: request.url.path.hasPrefix("/report") || request.url.path.hasPrefix("/incidents"),
            quickExitURL: request.haven.configuration.quickExitURL
        )
        if chrome.isPublic { chrome.brandAsOrganisation(request, language) }
        if let role = session?.role, session?.isSignedIn == true {
            chrome.can = Dictionary(uniqueKeysWithValues: Capability.allCases.map { ($0.rawValue, role.can($0)) })
        }
        return chrome
    }
}
