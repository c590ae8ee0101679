using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Http;

namespace PatientAccess.LoadTests.Scenarios;

/// <summary>
/// The built-in "http-get" scenario: one GET per instance, round-robin over the given URLs. A 2xx
/// answer is ok, any other status a failure under its code; requests that get no answer fail with
/// the transport error (for example "connection-error"). With <c>checkFhir</c>, a 2xx answer whose
/// body is not valid FHIR R4 fails as "invalid-fhir" (see <see cref="FhirBodyCheck"/>).
/// </summary>
internal sealed class HttpGetScenario : IDisposable
{
    public const string ScenarioName = "http-get";
    public const string StepName = "GET";

    private readonly IReadOnlyList<Uri> _urls;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;
    private readonly HttpClient _client = HttpClients.ForLoad();
    private readonly bool _checkFhir;

    public HttpGetScenario(IReadOnlyList<Uri> urls, IReadOnlyList<KeyValuePair<string, string>> headers, bool checkFhir = false)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(headers);
        if (urls.Count == 0)
        {
            _client.Dispose();
            throw new ArgumentException("At least one URL is needed.", nameof(urls));
        }

        _urls = urls;
        _headers = headers;
        _checkFhir = checkFhir;
        Scenario = new Scenario(ScenarioName, [new Step(StepName, GetAsync)]);
    }

    public Scenario Scenario { get; }

    public void Dispose() => _client.Dispose();

    /// <summary>True if the header can be sent on a GET request (content headers such as Content-Type cannot).</summary>
    internal static bool IsValidRequestHeader(string name, string value)
    {
        // Line breaks would let a value smuggle in a second header.
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return false;
        }

        using var probe = new HttpRequestMessage();
        return probe.Headers.TryAddWithoutValidation(name, value);
    }

    private static async Task<StepResult> JudgeFhirAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return await JudgeAsync(response, cancellationToken);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return FhirBodyCheck.IsValid(body)
            ? StepResult.Ok((int)response.StatusCode, body.Length)
            : StepResult.Error(FhirBodyCheck.ErrorKind, body.Length);
    }

    private static async Task<StepResult> JudgeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await HttpStep.CountBodyAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        return response.IsSuccessStatusCode ? StepResult.Ok(status, bytes) : StepResult.Fail(status, bytes);
    }

    private async Task<StepResult> GetAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var url = _urls[(int)(context.InstanceNumber % _urls.Count)];
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await HttpStep.SendAsync(_client, request, _checkFhir ? JudgeFhirAsync : JudgeAsync, cancellationToken);
    }
}
