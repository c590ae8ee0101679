using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PatientAccess.Gateway.Tokens;

/// <summary>
/// The authserver's signing keys by kid. Read once at start, again in the background when older
/// than <see cref="TokenOptions.JwksMaxAgeSeconds"/>, and on demand for an unknown kid, but never
/// more often than <see cref="TokenOptions.JwksMinimumRefreshSeconds"/>. Only RSA keys meant for
/// signatures (and for RS256, when they say) are kept: the algorithm is pinned, not negotiated.
/// </summary>
public sealed partial class JwksCache(IHttpClientFactory http, IOptions<TokenOptions> options, TimeProvider time, ILogger<JwksCache> logger) : IDisposable
{
    public const string HttpClientName = "jwks";

    private readonly TokenOptions _options = options.Value;
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private volatile Dictionary<string, SecurityKey> _keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _attemptedAt = DateTimeOffset.MinValue;

    /// <summary>The key for <paramref name="kid"/>, fetching the set if it is unknown and a fetch is allowed now.</summary>
    public async ValueTask<SecurityKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(kid, out var key))
        {
            if (time.GetUtcNow() - _fetchedAt > TimeSpan.FromSeconds(_options.JwksMaxAgeSeconds))
            {
                _ = RefreshAsync(CancellationToken.None);
            }

            return key;
        }

        await RefreshAsync(cancellationToken);
        return _keys.GetValueOrDefault(kid);
    }

    /// <summary>Fetches the key set unless one was attempted within the minimum interval.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // Everyone waits for a fetch in progress before looking at the interval: a request that
        // arrives during the first fetch must see its keys, not conclude from the interval that
        // nothing new can be had (that answered valid tokens 401 right after a replica started).
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _attemptedAt < TimeSpan.FromSeconds(_options.JwksMinimumRefreshSeconds))
            {
                return;
            }

            _attemptedAt = time.GetUtcNow();
            using var client = http.CreateClient(HttpClientName);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(5));
            var json = await client.GetStringAsync(new Uri(_options.EffectiveJwksUrl), cts.Token);
            _keys = Parse(json);
            _fetchedAt = time.GetUtcNow();
            LogFetched(logger, _keys.Count, _options.EffectiveJwksUrl);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or FormatException)
        {
            LogFetchFailed(logger, _options.EffectiveJwksUrl, ex.Message);
        }
        finally
        {
            _fetch.Release();
        }
    }

    public void Dispose() => _fetch.Dispose();

    internal static Dictionary<string, SecurityKey> Parse(string json)
    {
        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the JWKS has no keys array");
        }

        foreach (var jwk in array.EnumerateArray())
        {
            if (Text(jwk, "kty") != "RSA" || Text(jwk, "kid") is not { Length: > 0 } kid
                || Text(jwk, "use") is not (null or "sig") || Text(jwk, "alg") is not (null or SecurityAlgorithms.RsaSha256)
                || Text(jwk, "n") is not { Length: > 0 } n || Text(jwk, "e") is not { Length: > 0 } e)
            {
                continue;
            }

            keys[kid] = new JsonWebKey { Kty = "RSA", Kid = kid, N = n, E = e, Use = "sig", Alg = SecurityAlgorithms.RsaSha256 };
        }

        return keys;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} signing keys from {Url}")]
    private static partial void LogFetched(ILogger logger, int count, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the signing keys from {Url}: {Error}")]
    private static partial void LogFetchFailed(ILogger logger, string url, string error);
}
