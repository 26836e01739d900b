import Vapor

extension Request {
    /// Whether the signed-in staff member typed their password again before a step an open session alone may not take
    /// (an export, a backup recipient). Limited like sign-in: 429 with `Retry-After` when the budget is used up.
    func confirmsPassword(_ typed: String?, of staff: SignedInStaff) async throws -> Bool {
        if let wait = await takeLimit(.signIn(account: nil)) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(wait)])
        }
        return try await haven.accounts.confirmsPassword(typed ?? "", of: staff.id, on: db)
    }
}
