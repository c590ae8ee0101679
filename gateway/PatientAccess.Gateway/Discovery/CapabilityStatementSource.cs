using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Proxy;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Discovery;

/// <summary>
/// The store's CapabilityStatement (its resources and search parameters are the truth) with the
/// SMART security section added: the SMART-on-FHIR service and the oauth-uris extension. Cached,
/// since it changes only when the store is redeployed.
/// </summary>
internal sealed class CapabilityStatementSource(IHttpClientFactory http, IOptions<ProxyOptions> proxy, IOptions<TokenOptions> tokens, TimeProvider time)
{
    public const string HttpClientName = "capability";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private (string Json, DateTimeOffset Until)? _cached;

    /// <summary>The document, or null when the store cannot be asked right now.</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.Until > time.GetUtcNow())
        {
            return cached.Json;
        }

        try
        {
            var audience = new Uri(tokens.Value.Audience);
            using var client = http.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(proxy.Value.FhirStoreUrl), "/r4/metadata"));
            // The store writes its base URL from these, as for proxied requests.
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", audience.Authority);
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", audience.Scheme);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await client.SendAsync(request, cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(cts.Token))?.AsObject();
            if (document is null)
            {
                return null;
            }

            AddSecurity(document, tokens.Value.Issuer.TrimEnd('/'));
            var json = document.ToJsonString();
            _cached = (json, time.GetUtcNow() + CacheFor);
            return json;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    internal static void AddSecurity(JsonObject document, string issuer)
    {
        if (document["rest"] is not JsonArray { Count: > 0 } rest || rest[0] is not JsonObject server)
        {
            server = new JsonObject { ["mode"] = "server" };
            document["rest"] = new JsonArray(server);
        }

        server["security"] = new JsonObject
        {
            ["cors"] = true,
            ["service"] = new JsonArray(new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject
                {
                    ["system"] = "http://terminology.hl7.org/CodeSystem/restful-security-service",
                    ["code"] = "SMART-on-FHIR",
                }),
            }),
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                ["extension"] = new JsonArray(
                    Uri("authorize", issuer + "/oauth2/authorize"),
                    Uri("token", issuer + "/oauth2/token"),
                    Uri("revoke", issuer + "/oauth2/revoke"),
                    Uri("introspect", issuer + "/oauth2/introspect"),
                    Uri("manage", issuer + "/member/apps")),
            }),
        };
    }

    private static JsonObject Uri(string name, string value) => new() { ["url"] = name, ["valueUri"] = value };
}
