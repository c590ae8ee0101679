using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// What members' apps normally do, for as long as asked: each grant's app opens the member's
/// record now and then, pages through claims and coverage (following the Bundle's next links, as
/// apps page), and refreshes its token once midway (a normal rotation, never a reuse). One to three
/// seconds between a member's requests, the members' timelines interleaved: well under every
/// limit, as real use is. Answers are tallied per app and status.
/// </summary>
internal sealed class BenignTraffic(HttpClient gateway, Uri authserver)
{
    public ConcurrentDictionary<(string ClientId, int Status), int> Answers { get; } = new();

    /// <summary>Each grant's access token now (a new one after its refresh).</summary>
    public ConcurrentDictionary<MemberGrant, string> Tokens { get; } = new();

    /// <summary>Token refreshes per app and status.</summary>
    public ConcurrentDictionary<(string ClientId, int Status), int> Refreshes { get; } = new();

    public async Task RunAsync(IReadOnlyList<MemberGrant> grants, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var end = DateTime.UtcNow + duration;
        await Task.WhenAll(grants.Select((grant, i) => MemberAsync(grant, new Random(i), end, duration / 2, cancellationToken)));
    }

    private async Task MemberAsync(MemberGrant grant, Random random, DateTime end, TimeSpan refreshAfter, CancellationToken cancellationToken)
    {
        var token = grant.AccessToken;
        Tokens[grant] = token;
        var started = DateTime.UtcNow;
        var refreshed = grant.RefreshToken is null;
        // Members do not all start at the same second.
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 3000)), cancellationToken);
        while (DateTime.UtcNow < end)
        {
            if (!refreshed && DateTime.UtcNow - started > refreshAfter)
            {
                token = await RefreshAsync(grant, cancellationToken) ?? token;
                refreshed = true;
                Tokens[grant] = token;
            }

            switch (random.Next(4))
            {
                case 0:
                    await GetAsync(grant, token, $"/r4/Patient/{grant.Patient}", cancellationToken);
                    break;
                case 1:
                    await PageAsync(grant, token, $"/r4/ExplanationOfBenefit?patient={grant.Patient}&_count=5", 3, cancellationToken);
                    break;
                case 2:
                    await PageAsync(grant, token, $"/r4/Coverage?patient={grant.Patient}", 2, cancellationToken);
                    break;
                default:
                    await PageAsync(grant, token, $"/r4/Observation?patient={grant.Patient}&_count=10", 2, cancellationToken);
                    break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 3000)), cancellationToken);
        }
    }

    private async Task PageAsync(MemberGrant grant, string token, string first, int pages, CancellationToken cancellationToken)
    {
        var next = first;
        for (var page = 0; page < pages && next is not null; page++)
        {
            var body = await GetAsync(grant, token, next, cancellationToken);
            var link = body?["link"]?.AsArray().FirstOrDefault(l => (string?)l?["relation"] == "next")?["url"]?.GetValue<string>();
            next = link is null ? null : new Uri(link).PathAndQuery;
            if (next is not null)
            {
                // A person reads a page before asking for the next.
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    private async Task<JsonNode?> GetAsync(MemberGrant grant, string token, string target, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await gateway.SendAsync(request, cancellationToken);
        Answers.AddOrUpdate((grant.App.ClientId, (int)response.StatusCode), 1, (_, n) => n + 1);
        return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) : null;
    }

    /// <summary>A normal refresh (the rotated refresh token is never used again); the new access token, or null.</summary>
    private async Task<string?> RefreshAsync(MemberGrant grant, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = authserver, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("refresh_token", grant.RefreshToken!)]),
        };
        var pair = Uri.EscapeDataString(grant.App.ClientId) + ":" + Uri.EscapeDataString(grant.App.Secret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair)));
        using var response = await http.SendAsync(request, cancellationToken);
        Refreshes.AddOrUpdate((grant.App.ClientId, (int)response.StatusCode), 1, (_, n) => n + 1);
        return response.StatusCode == HttpStatusCode.OK
            ? (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["access_token"]
            : null;
    }
}
