namespace PatientAccess.Monitor.Search;

/// <summary>A parsed AuditEvent search: every list is ORed within, the parameters ANDed.</summary>
internal sealed record AuditQuery
{
    public IReadOnlyList<DateCondition> Dates { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Agents { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Patients { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Outcomes { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Subtypes { get; init; } = [];

    /// <summary>Addresses: FHIR string search, so each value matches addresses starting with it, unless <see cref="AddressExact"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Addresses { get; init; } = [];

    public bool AddressExact { get; init; }

    public int Count { get; init; } = AuditQueryParser.DefaultCount;

    public AuditCursor? After { get; init; }

    /// <summary>The query's own parameters, without the cursor, for the self and next links.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];
}
