using System.Text.Json.Serialization;

namespace PatientAccess.Gateway.Audit;

/// <summary>
/// One request as security staff and the monitor see it. <see cref="Id"/> is unique per event, so a
/// consumer can drop the duplicates a replay after a crash may produce. No query values and no
/// token: the query's parameter names are enough to see how an app searches. <see cref="ClientId"/>,
/// <see cref="Member"/>, <see cref="Patient"/> and <see cref="TokenId"/> (the token's jti) come only
/// from a token that validated, also on requests refused before the token step (see <see cref="RefusalAttribution"/>).
/// </summary>
public sealed record AuditEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("member")] string? Member,
    [property: JsonPropertyName("patient")] string? Patient,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("route")] string Route,
    [property: JsonPropertyName("resource_type")] string? ResourceType,
    [property: JsonPropertyName("query_shape")] string QueryShape,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("duration_ms")] double DurationMilliseconds,
    [property: JsonPropertyName("client_address")] string? ClientAddress,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("token_id")] string? TokenId,
    [property: JsonPropertyName("replica")] string Replica);
