import HavenDomain

/// Keyword and phrase rules, in English, Russian and Romanian, that suggest incident types; kept as data next to the
/// vocabulary. A rule fires when every one of its groups has a word starting with one of the group's stems (folded);
/// its weight adds to the type's score.
struct TypeRule: Sendable {
    let code: String
    let groups: [[String]]
    let weight: Double
}
