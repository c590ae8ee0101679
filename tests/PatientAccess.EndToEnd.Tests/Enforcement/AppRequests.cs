using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// What an app sends through the gateway with a member's token: reads, writes, bursts, scans, and
/// calls from abroad. Each request says where its user is (X-Forwarded-For, believed from the
/// loopback proxy the test stack trusts).
/// </summary>
internal sealed class AppRequests(HttpClient gateway)
{
    /// <summary>A US address (the app's users) and foreign ones (GB and another; the country database's test entries).</summary>
    public const string UsAddress = "8.8.8.8";
    public const string ForeignAddress = "81.2.69.142";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<HttpStatusCode> SendAsync(string accessToken, HttpMethod method, string target, string address = UsAddress) =>
        (await SendForBodyAsync(accessToken, method, target, address)).Status;

    /// <summary>The answer's status and body (an OperationOutcome when refused).</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendForBodyAsync(string accessToken, HttpMethod method, string target, string address = UsAddress)
    {
        using var request = new HttpRequestMessage(method, new Uri(target, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("X-Forwarded-For", address);
        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = new StringContent("""{"resourceType":"Observation","status":"final","code":{"text":"x"}}""", Encoding.UTF8, "application/fhir+json");
        }

        using var response = await gateway.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A well-behaved app's turn: the member's record, claims and coverage, one page each.</summary>
    public async Task<HttpStatusCode[]> ReadOwnAsync(MemberGrant grant) =>
    [
        await SendAsync(grant.AccessToken, HttpMethod.Get, $"/r4/Patient/{grant.Patient}"),
        await SendAsync(grant.AccessToken, HttpMethod.Get, $"/r4/ExplanationOfBenefit?patient={grant.Patient}&_count=10"),
        await SendAsync(grant.AccessToken, HttpMethod.Get, $"/r4/Coverage?patient={grant.Patient}"),
    ];

    /// <summary>Write attempts (create, update, delete): every one refused.</summary>
    public async Task<HttpStatusCode[]> WritesAsync(MemberGrant grant, int count)
    {
        var methods = new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete };
        var answers = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            var method = methods[i % methods.Length];
            answers[i] = await SendAsync(grant.AccessToken, method, method == HttpMethod.Post ? "/r4/Observation" : $"/r4/Observation/write-{i}");
        }

        return answers;
    }

    /// <summary>All at once, far past the token's and app's limits.</summary>
    public async Task<HttpStatusCode[]> BurstAsync(MemberGrant grant, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => SendAsync(grant.AccessToken, HttpMethod.Get, $"/r4/Patient/{grant.Patient}")));

    /// <summary>Reads from a foreign address: refused by the US-only rule (after the token validated, so attributed to the app).</summary>
    public async Task<HttpStatusCode[]> FromAbroadAsync(MemberGrant grant, int count)
    {
        var answers = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            answers[i] = await SendAsync(grant.AccessToken, HttpMethod.Get, $"/r4/Patient/{grant.Patient}", ForeignAddress);
        }

        return answers;
    }

    /// <summary>Scanning: reads of many distinct ids that do not exist.</summary>
    public async Task<HttpStatusCode[]> ScanAsync(MemberGrant grant, int count)
    {
        var answers = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            answers[i] = await SendAsync(grant.AccessToken, HttpMethod.Get, $"/r4/Observation/scan-{Guid.NewGuid():N}");
        }

        return answers;
    }
}
