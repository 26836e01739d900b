/// A recorded incident that already holds the same news: the same text, or half its three-word runs.
struct IngestDuplicate: Sendable {
    let code: String
    let title: String
    let isExact: Bool
}
