using System.Text.Json;

namespace PatientAccess.LoadTests.Smart;

/// <summary>
/// Reads <c>demo-clients.json</c>, which the authserver writes once into its data folder: a JSON
/// array of objects with client_id, client_secret (confidential app only) and redirect_uris.
/// </summary>
internal static class DemoClients
{
    public const string FileName = "demo-clients.json";

    // The ids the authserver seeds (authserver Clients/DemoClientSeeder.cs).
    public const string ConfidentialClientId = "demo-confidential-app";
    public const string PublicClientId = "demo-public-app";

    public static DemoClient Load(string dataDirectory, ClientKind kind)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SmartLaunchException($"{path}: cannot read the demo clients: {ex.Message}", ex);
        }

        return Parse(text, kind, path);
    }

    /// <summary>
    /// Another app's credentials, from a file of the same shape (<c>--clients</c>): the entry with
    /// <paramref name="clientId"/>, confidential when it has a client_secret, public otherwise.
    /// </summary>
    public static DemoClient LoadById(string path, string clientId)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SmartLaunchException($"{path}: cannot read the clients: {ex.Message}", ex);
        }

        return Parse(text, null, path, clientId);
    }

    public static DemoClient Parse(string json, ClientKind kind, string source) => Parse(json, kind, source, null);

    private static DemoClient Parse(string json, ClientKind? kind, string source, string? id)
    {
        var clientId = id ?? (kind == ClientKind.Confidential ? ConfidentialClientId : PublicClientId);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new SmartLaunchException($"{source}: expected a JSON array of clients");
            }

            var entry = document.RootElement.EnumerateArray()
                .FirstOrDefault(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("client_id", out var id) && id.ValueEquals(clientId));
            if (entry.ValueKind == JsonValueKind.Undefined)
            {
                throw new SmartLaunchException($"{source}: no client '{clientId}'");
            }

            var secret = entry.TryGetProperty("client_secret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            kind ??= string.IsNullOrEmpty(secret) ? ClientKind.Public : ClientKind.Confidential;
            if (kind == ClientKind.Confidential && string.IsNullOrEmpty(secret))
            {
                throw new SmartLaunchException($"{source}: '{clientId}' has no client_secret");
            }

            var redirect = entry.TryGetProperty("redirect_uris", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(u => u.ValueKind == JsonValueKind.String ? u.GetString() : null).FirstOrDefault(u => u is not null)
                : null;
            // Checked by scheme: on Unix "/cb" parses as an absolute file URI.
            if (redirect is null || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri)
                || (redirectUri.Scheme != Uri.UriSchemeHttp && redirectUri.Scheme != Uri.UriSchemeHttps))
            {
                throw new SmartLaunchException($"{source}: '{clientId}' has no absolute http(s) redirect_uris entry");
            }

            return new DemoClient(clientId, kind == ClientKind.Confidential ? secret : null, redirectUri);
        }
        catch (JsonException ex)
        {
            throw new SmartLaunchException($"{source}: not valid JSON: {ex.Message}", ex);
        }
    }
}
