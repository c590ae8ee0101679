using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Which authserver to launch against, as which demo app and member: shared by <c>launch</c> and <c>token</c>.</summary>
internal sealed record SmartTargetOptions
{
    public const string DefaultScope = "launch/patient openid fhirUser offline_access patient/*.read";

    public required Uri AuthServer { get; init; }

    /// <summary>The stack's data folder: demo-clients.json and the outbox of e-mailed codes.</summary>
    public required string DataDirectory { get; init; }

    public ClientKind Client { get; init; } = ClientKind.Confidential;

    /// <summary>Another app than the demo ones (<c>--client-id</c>), found in <see cref="ClientsFile"/>; null: the demo app of <see cref="Client"/>.</summary>
    public string? ClientId { get; init; }

    /// <summary>Where <see cref="ClientId"/>'s credentials are (<c>--clients</c>; default the data folder's demo-clients.json).</summary>
    public string? ClientsFile { get; init; }

    public string Scope { get; init; } = DefaultScope;

    /// <summary>The FHIR base URL the tokens are for (SMART <c>aud</c>).</summary>
    public required string Audience { get; init; }

    public string Email { get; init; } = MemberIdentity.DefaultEmail;

    public bool AllowRemote { get; init; }

    public SmartEndpoints Endpoints => new(AuthServer);

    public string Outbox => Path.Combine(DataDirectory, "outbox");

    /// <summary>The app's credentials: the named app's, or the demo app's of the chosen kind.</summary>
    public DemoClient LoadClient() => ClientId is null
        ? DemoClients.Load(DataDirectory, Client)
        : DemoClients.LoadById(ClientsFile ?? Path.Combine(DataDirectory, DemoClients.FileName), ClientId);
}
