using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>
/// Introspects prepared access tokens round-robin, authenticated as the confidential app that
/// owns them (a client may only introspect its own tokens; others' answer inactive).
/// </summary>
internal sealed class IntrospectCall : ITokenCall
{
    private readonly SmartEndpoints _endpoints;
    private readonly DemoClient _client;
    private readonly IReadOnlyList<string> _accessTokens;

    public IntrospectCall(SmartEndpoints endpoints, DemoClient client, IReadOnlyList<string> accessTokens)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(accessTokens);
        if (accessTokens.Count == 0)
        {
            throw new ArgumentException("Introspection needs at least one access token.", nameof(accessTokens));
        }

        _endpoints = endpoints;
        _client = client;
        _accessTokens = accessTokens;
    }

    public string ScenarioName => "introspect";

    public string StepName => "POST " + Endpoint.AbsolutePath;

    public Uri Endpoint => _endpoints.Introspect;

    /// <summary>Round-robin never runs out, so no instance reports this.</summary>
    public string EmptyKind => TokenErrorKinds.NoAccessToken;

    public HttpRequestMessage? NextRequest(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TokenRequests.Introspect(_endpoints, _client, _accessTokens[(int)(context.InstanceNumber % _accessTokens.Count)]);
    }

    public StepResult Judge(int status, byte[] body) => TokenAnswer.JudgeIntrospection(status, body);
}
