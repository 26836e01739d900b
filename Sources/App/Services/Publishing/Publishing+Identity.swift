import Fluent
import Foundation
import HavenDomain
import Vapor

/// Administrators' edits of the organisation's public identity and logo.
extension Publishing {
    /// Why a logo was refused.
    enum LogoProblem: Error, Equatable {
        /// Not a PNG, JPEG or WebP image by its bytes (SVG is refused: it can carry scripts and remote references).
        case notAnImage
        case tooLarge
    }

    /// Saves the identity (the caller has checked `problems`), audited, and shows it at once on every page.
    func saveIdentity(_ identity: SiteIdentity, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws {
        try await saveSitePage(
            "identity", content: try JSONEncoder().encode(identity), action: "site.identity", by: staff, now: now, on: db)
    }

    /// Stores a logo without its metadata; refuses anything but a well-formed PNG, JPEG or WebP within the size limit.
    func saveLogo(_ bytes: Data, by staff: SignedInStaff, now: Date = Date(), on db: any Database) async throws {
        guard bytes.count <= SiteLogo.maximumBytes else { throw LogoProblem.tooLarge }
        let mediaTypes: [ImageMetadata.Format: String] = [.png: "image/png", .jpeg: "image/jpeg", .webp: "image/webp"]
        guard let format = ImageMetadata.format(of: bytes), let mediaType = mediaTypes[format],
            let clean = ImageMetadata.stripped(Array(bytes))
        else { throw LogoProblem.notAnImage }
        let logo = SiteLogo(mediaType: mediaType, bytes: Data(clean))
        try await saveSitePage("logo", content: try JSONEncoder().encode(logo), action: "site.logo", by: staff, now: now, on: db)
    }

    /// Removes the logo.
    func removeLogo(by staff: SignedInStaff, on db: any Database) async throws {
        try await audit.transaction(on: db) { tx, audit in
            try await SitePage.query(on: tx).filter(\.$id == "logo").delete()
            try await audit.append(actor: staff.actor, action: "site.logo.remove", table: SitePage.schema, id: "logo")
        }
        try await identity.reload(on: db)
        publicPages.invalidate()
    }

    private func saveSitePage(
        _ name: String, content: Data, action: String, by staff: SignedInStaff, now: Date, on db: any Database
    ) async throws {
        let record = try await SitePage.find(name, on: db) ?? SitePage()
        record.id = name
        record.content = content
        record.updatedAt = now
        try await audit.transaction(on: db) { tx, audit in
            try await record.save(on: tx)
            try await audit.append(actor: staff.actor, action: action, table: SitePage.schema, id: name)
        }
        try await identity.reload(on: db)
        publicPages.invalidate()
    }
}
