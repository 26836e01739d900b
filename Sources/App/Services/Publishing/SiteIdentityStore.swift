import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import NIOConcurrencyHelpers

/// The organisation's public identity and logo, kept in memory (every public page shows them) and reloaded after
/// every edit; the database holds them as site pages `identity` and `logo`.
final class SiteIdentityStore: Sendable {
    private struct State: Sendable {
        var identity = SiteIdentity()
        var organisationName = "Haven"
        var logo: SiteLogo?
        var logoTag = ""
    }

    private let state = NIOLockedValueBox(State())

    /// The identity as it is now.
    var identity: SiteIdentity { state.withLockedValue { $0.identity } }

    /// The logo, if one was uploaded, with a tag that changes when it does (for its address and ETag).
    var logo: (logo: SiteLogo, tag: String)? {
        state.withLockedValue { state in state.logo.map { ($0, state.logoTag) } }
    }

    /// The name shown on the public site in a language: the one set for it, else the organisation's name from setup.
    func name(in language: Language) -> String {
        state.withLockedValue { state in
            let name = SiteIdentity.text(state.identity.name, in: language.rawValue)
            return name.isEmpty ? state.organisationName : name
        }
    }

    /// Reads the identity, the logo and the organisation's name from the database.
    func reload(on db: any Database) async throws {
        let identity = try await SitePage.find("identity", on: db).map { try JSONDecoder().decode(SiteIdentity.self, from: $0.content) }
        let logo = try await SitePage.find("logo", on: db).map { try JSONDecoder().decode(SiteLogo.self, from: $0.content) }
        let name = try await Organisation.current(on: db)?.name ?? "Haven"
        state.withLockedValue {
            $0.identity = identity ?? SiteIdentity()
            $0.organisationName = name
            $0.logo = logo
            $0.logoTag = logo.map { String(SHA256.hash(data: $0.bytes).hexString.prefix(16)) } ?? ""
        }
    }
}
