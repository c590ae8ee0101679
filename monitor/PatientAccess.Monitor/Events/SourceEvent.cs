namespace PatientAccess.Monitor.Events;

/// <summary>
/// One event as a producer wrote it, before it becomes an AuditEvent: a gateway request
/// (<see cref="Producer"/> <c>gateway</c>) or an authserver authorization event (<c>authserver</c>,
/// with <see cref="Type"/>). Fields a producer does not write are null.
/// </summary>
internal sealed record SourceEvent
{
    public const string Gateway = "gateway";
    public const string AuthServer = "authserver";

    /// <summary>The event id duplicates are dropped by: the gateway's UUIDv7, or <c>authserver-</c> and the stream entry id.</summary>
    public required string Id { get; init; }

    public required string Producer { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>The authserver's event type (<c>grant.approved</c>, <c>code.reused</c>...); <c>request</c> for the gateway.</summary>
    public required string Type { get; init; }

    public string? ClientId { get; init; }

    public string? Member { get; init; }

    public string? Patient { get; init; }

    public string? TokenId { get; init; }

    public string? GrantId { get; init; }

    public string? RequestId { get; init; }

    public string? Method { get; init; }

    public string? Route { get; init; }

    public string? ResourceType { get; init; }

    /// <summary>The FHIR id of the resource read, when the route names one (never sent by today's gateway; kept for the entity).</summary>
    public string? ResourceId { get; init; }

    public string? QueryShape { get; init; }

    public int? Status { get; init; }

    public long? Bytes { get; init; }

    public double? DurationMilliseconds { get; init; }

    public string? ClientAddress { get; init; }

    public string? Country { get; init; }

    /// <summary><c>allow</c> or <c>refuse</c> (gateway).</summary>
    public string? Decision { get; init; }

    /// <summary>The refusal reason (gateway) or the event's detail (authserver).</summary>
    public string? Reason { get; init; }

    /// <summary>The producing replica (gateway) or service.</summary>
    public string? Replica { get; init; }
}
