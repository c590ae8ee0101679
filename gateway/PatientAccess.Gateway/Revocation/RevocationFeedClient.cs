using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PatientAccess.Gateway.Revocation;

/// <summary>Reads the authserver's revocation feed from the set's cursor until it has everything.</summary>
public sealed class RevocationFeedClient(IHttpClientFactory http, IOptions<RevocationOptions> options, RevocationSet set)
{
    public const string HttpClientName = "revocation-feed";
    private const int MaxPages = 1000;

    /// <summary>Returns the number of entries applied; throws <see cref="HttpRequestException"/> when the feed cannot be read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = http.CreateClient(HttpClientName);
        var applied = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            var uri = new Uri($"{settings.AuthServerUrl.TrimEnd('/')}/admin/revocations?after={set.Cursor.ToString(CultureInfo.InvariantCulture)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.FeedKey);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(10));
            using var response = await client.SendAsync(request, cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the revocation feed answered {(int)response.StatusCode}", null, response.StatusCode);
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cts.Token), default, cts.Token);
            var root = document.RootElement;
            if (root.TryGetProperty("revocations", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (RevocationEntry.TryParse(item) is { } entry)
                    {
                        set.Apply(entry);
                        applied++;
                    }
                }
            }

            if (root.TryGetProperty("cursor", out var cursor) && cursor.TryGetInt64(out var next))
            {
                set.AdvanceCursor(next);
            }

            if (!root.TryGetProperty("more", out var more) || more.ValueKind != JsonValueKind.True)
            {
                break;
            }
        }

        return applied;
    }
}
