namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// When an app last got a token (code exchanged or refresh): for <c>GET /admin/clients</c>. In a
/// table of its own, never a column on <c>clients</c>: older databases gain it through
/// Storage/SchemaUpgrade, which adds tables but never columns.
/// </summary>
internal sealed class ClientUsageRecord
{
    public required string ClientId { get; set; }

    /// <summary>Unix seconds of the last token issued or refreshed.</summary>
    public long LastUsedAt { get; set; }
}
