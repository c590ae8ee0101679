using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Revocation;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// Each client's bucket: a configuration override, else the app registry's
/// <c>rate_limit_burst</c>/<c>rate_limit_per_second</c> (read in the background from the
/// authserver's admin API and cached), else the default. Looking a client up never delays a request.
/// </summary>
public sealed partial class ClientLimits(
    IOptions<RateLimitOptions> options,
    IOptions<RevocationOptions> authServer,
    IHttpClientFactory http,
    TimeProvider time,
    ILogger<ClientLimits> logger)
{
    public const string HttpClientName = "client-registry";
    private const int MaxCachedClients = 100_000;

    private readonly RateLimitOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, CachedLimit> _registry = new(StringComparer.Ordinal);

    public BucketLimit For(string clientId)
    {
        if (_options.Clients.TryGetValue(clientId, out var configured))
        {
            return configured;
        }

        if (!_options.UseClientRegistry)
        {
            return _options.Client;
        }

        var now = time.GetUtcNow();
        if (_registry.TryGetValue(clientId, out var cached) && cached.Until > now)
        {
            return cached.Limit ?? _options.Client;
        }

        if (_registry.Count > MaxCachedClients)
        {
            _registry.Clear();
        }

        // Hold the slot for a short while so one client's burst starts one lookup, not hundreds.
        _registry[clientId] = new CachedLimit(cached?.Limit, now + TimeSpan.FromSeconds(30));
        _ = LookUpAsync(clientId);
        return cached?.Limit ?? _options.Client;
    }

    private async Task LookUpAsync(string clientId)
    {
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{authServer.Value.AuthServerUrl.TrimEnd('/')}/admin/clients/{Uri.EscapeDataString(clientId)}/rate-limit"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authServer.Value.FeedKey);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await client.SendAsync(request, cts.Token);
            BucketLimit? limit = null;
            if (response.IsSuccessStatusCode)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token));
                limit = Parse(document.RootElement);
            }

            _registry[clientId] = new CachedLimit(limit, time.GetUtcNow() + TimeSpan.FromSeconds(_options.RegistryCacheSeconds));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            LogLookupFailed(logger, clientId, ex.Message);
        }
    }

    internal static BucketLimit? Parse(JsonElement client) =>
        client.TryGetProperty("rate_limit_burst", out var burst) && burst.TryGetInt32(out var b) && b > 0
        && client.TryGetProperty("rate_limit_per_second", out var rate) && rate.TryGetDouble(out var r) && r > 0
            ? BucketLimit.Of(b, r)
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the rate limit of client {ClientId} from the registry: {Error}")]
    private static partial void LogLookupFailed(ILogger logger, string clientId, string error);

    private sealed record CachedLimit(BucketLimit? Limit, DateTimeOffset Until);
}
