using System.Net.Mail;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Reads the options that name the authserver, the data folder, the app and the member.</summary>
internal static class SmartTargetParser
{
    public static IReadOnlyList<string> Names { get; } = ["--authserver", "--data", "--client", "--scope", "--aud", "--email", "--client-id", "--clients"];

    public static SmartTargetOptions Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var allowRemote = args.Has("--allow-remote");
        var authServer = CliValues.ParseUrl(
            "--authserver", args.Required("--authserver", "give the authorization server's base URL, e.g. --authserver http://127.0.0.1:5001"), allowRemote);
        if (authServer.Query.Length > 0 || authServer.Fragment.Length > 0)
        {
            throw new CliUsageException($"--authserver: '{authServer}' must be a base URL without query or fragment");
        }

        var data = args.Required("--data", "give the stack's data folder, which holds demo-clients.json and outbox/ (./run.sh uses .data)");
        if (!Directory.Exists(data))
        {
            throw new CliUsageException($"--data: '{data}' is not a folder");
        }

        if (!File.Exists(Path.Combine(data, DemoClients.FileName)))
        {
            throw new CliUsageException($"--data: '{data}' has no {DemoClients.FileName}; give the data folder of the running stack (./run.sh uses .data)");
        }

        var client = args.Single("--client") is { } clientText
            ? CliValues.ParseChoice("--client", clientText, ["confidential", "public"]) == "public" ? ClientKind.Public : ClientKind.Confidential
            : ClientKind.Confidential;
        var scope = args.Single("--scope") ?? SmartTargetOptions.DefaultScope;
        if (string.IsNullOrWhiteSpace(scope) || scope.Any(char.IsControl))
        {
            throw new CliUsageException("--scope: must be space-separated scopes, e.g. --scope \"launch/patient openid patient/*.read\"");
        }

        var audience = args.Required(
            "--aud",
            "give the FHIR base URL the authserver protects (./run.sh's is http://localhost:5000/r4); the authserver's discovery does not advertise it");
        if (!UrlPolicy.IsHttpUrl(audience, out _))
        {
            throw new CliUsageException($"--aud: '{audience}' is not an absolute http:// or https:// URL");
        }

        var clientId = args.Single("--client-id");
        if (clientId is not null && (clientId.Length is 0 or > 200 || clientId.Any(char.IsControl)))
        {
            throw new CliUsageException($"--client-id: '{clientId}' is not a client id");
        }

        var clients = args.Single("--clients");
        if (clients is not null && (clientId is null || !File.Exists(clients)))
        {
            throw new CliUsageException(clientId is null
                ? "--clients: give --client-id too (the app to launch, from that file)"
                : $"--clients: '{clients}' is not a file");
        }

        var email = args.Single("--email") ?? MemberIdentity.DefaultEmail;
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new CliUsageException($"--email: '{email}' is not an e-mail address like name@example.com");
        }

        return new SmartTargetOptions
        {
            AuthServer = authServer,
            DataDirectory = Path.GetFullPath(data),
            Client = client,
            ClientId = clientId,
            ClientsFile = clients is null ? null : Path.GetFullPath(clients),
            Scope = scope.Trim(),
            Audience = audience,
            Email = email,
            AllowRemote = allowRemote,
        };
    }
}
