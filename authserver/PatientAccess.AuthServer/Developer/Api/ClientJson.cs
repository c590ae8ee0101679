using System.Globalization;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Evidence;

namespace PatientAccess.AuthServer.Developer.Api;

/// <summary>How the API shows an app and its evidence. Never the secret: that appears only in the answer that made it.</summary>
internal static class ClientJson
{
    public static JsonObject Describe(ClientRecord client, AuthServerOptions server, bool withGuide)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        var body = new JsonObject
        {
            ["client_id"] = client.ClientId,
            ["name"] = client.Name,
            ["client_type"] = ClientInput.NameOf(client.Type),
            ["status"] = client.Status.ToString().ToLowerInvariant(),
            ["redirect_uris"] = new JsonArray([.. client.RedirectUris.Select(u => JsonValue.Create(u))]),
            ["website"] = client.Website,
            ["logo_uri"] = client.LogoUri,
            ["scope"] = string.Join(' ', client.AllowedScopes),
            ["created_at"] = Time(client.CreatedAt),
            ["production_access_url"] = server.IssuerBase + Pages.DeveloperPage.ClientPath(client.ClientId) + "/production",
        };
        if (withGuide)
        {
            var guide = LaunchGuide.For(client, server);
            body["demo_authorization"] = new JsonObject
            {
                ["authorize_url"] = guide.AuthorizeUrl,
                ["code_verifier"] = guide.CodeVerifier,
                ["state"] = guide.State,
                ["redirect_uri"] = guide.RedirectUri,
                ["token_url"] = guide.TokenUrl,
                ["note"] = "real apps use the standard SMART App Launch flow with PKCE; sandbox apps can authorize demo members only",
            };
        }

        return body;
    }

    /// <summary>The demo evidence and the monitor's read counts; <c>fhir_reads_state</c> says why the counts are null when they are.</summary>
    public static JsonObject Evidence(string clientId, DemoEvidenceSummary summary, MonitorReadsResult reads)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reads);
        var available = reads.State == MonitorReadsResult.Available;
        return new JsonObject
        {
            ["client_id"] = clientId,
            ["successful_demo_token_exchanges"] = summary.Exchanges,
            ["demo_members"] = summary.Members,
            ["last_exchange_at"] = summary.LastExchangeAt is { } at ? Time(at) : null,
            ["fhir_reads_by_resource_type"] = available ? new JsonObject([.. reads.Reads.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))]) : null,
            ["fhir_reads_total"] = available ? reads.Total : null,
            ["fhir_reads_state"] = reads.State,
        };
    }

    private static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
