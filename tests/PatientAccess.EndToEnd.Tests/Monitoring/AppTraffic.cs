using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// Traffic through a real gateway from two apps with real tokens. Each app sends from an address of
/// its own (X-Forwarded-For, believed from the loopback proxy the test stack trusts), as two apps'
/// users would; the well-behaved one reads its member's records at a steady pace, the misbehaving
/// one also bursts past its rate limit, reads ids outside its member's compartment, tries writes
/// and calls from abroad. Answers are tallied per app and status for the test's own checks.
/// </summary>
internal sealed class AppTraffic(HttpClient gateway, AppToken good, AppToken bad)
{
    /// <summary>US addresses (the well-behaved app's user, the misbehaving app's) and a foreign one.</summary>
    public const string GoodAddress = "8.8.8.8";
    public const string BadAddress = "8.8.4.4";
    public const string ForeignAddress = "81.2.69.142";

    public ConcurrentDictionary<(string Client, int Status), int> Answers { get; } = new();

    /// <summary>One second's worth of traffic; every <paramref name="round"/> divisible by 3 carries the misbehaviour.</summary>
    public async Task RoundAsync(int round, CancellationToken cancellationToken)
    {
        var work = new List<Task>
        {
            SendAsync(good, HttpMethod.Get, $"/r4/Patient/{good.Patient}", GoodAddress, cancellationToken),
            SendAsync(good, HttpMethod.Get, $"/r4/ExplanationOfBenefit?patient={good.Patient}", GoodAddress, cancellationToken),
            SendAsync(good, HttpMethod.Get, $"/r4/Coverage?patient={good.Patient}", GoodAddress, cancellationToken),
            SendAsync(bad, HttpMethod.Get, $"/r4/Patient/{bad.Patient}", BadAddress, cancellationToken),
        };
        if (round % 3 == 0)
        {
            // A write, and a read from abroad (refused before the token step), one at a time while the
            // token's bucket has refilled: in a burst they would be refused for the rate limit first.
            await SendAsync(bad, HttpMethod.Post, "/r4/Observation", BadAddress, cancellationToken);
            await SendAsync(bad, HttpMethod.Get, $"/r4/Patient/{bad.Patient}", ForeignAddress, cancellationToken);
            // Past the token's rate limit (burst 50, 10 a second by default).
            work.AddRange(Enumerable.Range(0, 40).Select(_ => SendAsync(bad, HttpMethod.Get, $"/r4/Patient/{bad.Patient}", BadAddress, cancellationToken)));
            // Other members' records: outside the token's compartment.
            work.AddRange(Enumerable.Range(0, 4).Select(i => SendAsync(bad, HttpMethod.Get, $"/r4/Patient/not-my-member-{i}", BadAddress, cancellationToken)));
            // Someone with no valid token at all.
            work.Add(SendAsync(bad with { ClientId = "anonymous", AccessToken = "not-a-token" }, HttpMethod.Get, "/r4/Patient/x", BadAddress, cancellationToken));
        }

        await Task.WhenAll(work);
    }

    public int Count(string client, Func<int, bool> status) => Answers.Where(a => a.Key.Client == client && status(a.Key.Status)).Sum(a => a.Value);

    private async Task SendAsync(AppToken app, HttpMethod method, string target, string address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.AccessToken);
        request.Headers.Add("X-Forwarded-For", address);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("""{"resourceType":"Observation","status":"final","code":{"text":"x"}}""", Encoding.UTF8, "application/fhir+json");
        }

        using var response = await gateway.SendAsync(request, cancellationToken);
        Answers.AddOrUpdate((app.ClientId, (int)response.StatusCode), 1, (_, n) => n + 1);
    }
}
