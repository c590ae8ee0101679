using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Http;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>
/// A scenario of exactly one measured POST to the token or introspection endpoint per instance.
/// Latency runs to the last byte of the answer, which is then judged (a 200 without what the app
/// needs is a failure).
/// </summary>
internal sealed class TokenEndpointScenario : IDisposable
{
    private readonly ITokenCall _call;
    private readonly HttpClient _client = HttpClients.ForLoad();

    public TokenEndpointScenario(ITokenCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _call = call;
        Scenario = new Scenario(call.ScenarioName, [new Step(call.StepName, PostAsync)]);
    }

    public Scenario Scenario { get; }

    public void Dispose() => _client.Dispose();

    private async Task<StepResult> PostAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        using var request = _call.NextRequest(context);
        if (request is null)
        {
            return StepResult.Error(_call.EmptyKind);
        }

        return await HttpStep.SendAsync(_client, request, async (response, token) =>
        {
            var body = await response.Content.ReadAsByteArrayAsync(token);
            return _call.Judge((int)response.StatusCode, body);
        }, cancellationToken);
    }
}
