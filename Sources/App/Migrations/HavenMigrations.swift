import Fluent

/// Every migration in the order it runs. A backup records the names of those applied to it, and a restore runs
/// exactly those before it loads the rows, then the rest.
enum HavenMigrations {
    static let all: [any Migration] = [
        M001_CreateOrganisations(), M002_CreateUsers(), M003_CreateCredentialCodes(),
        M004_CreateKeyGrants(), M005_CreateAuditEntries(), M006_AddIntakeRecipients(), M007_CreateReports(),
        M008_CreateCases(), M009_CreateCaseTasksAndServices(), M010_CreateIncidents(), M011_CreatePersons(),
        M012_CreateActsAndSources(), M013_CreateEvidence(), M014_CreateIncidentRevisions(), M015_CreateVocabularyEdits(),
        M016_CreateIncidentSearch(), M017_CreateProceedings(), M018_CreateCaseIncidents(),
        M019_CreatePublications(), M020_RepairSearchIndexes(), M021_CoarsenPersonTimes(),
        M022_AddDisplayNames(), M023_AddAccessIndexes(), M024_CreatePublicationProposals(), M025_CreateBackupsAndCounters(),
        M026_CreateProceedingRevisions(),
        M027_CreateReportLinks(),
        M028_AddRecoveryCodes(),
        M029_CreateMergedRecords(),
        M030_AddNoticeAddresses(),
        M031_CreateStatisticsReleases(),
    ]

    /// The names Fluent records for them.
    static var names: [String] { all.map(\.name) }
}
