using System.Globalization;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// A second gateway replica beside run.sh's, configured as run.sh configures its own (same Redis,
/// store, authserver keys and revocation feed, the test stack's settings) with a data folder and
/// audit spool of its own: two replicas, as a plan runs them behind a load balancer.
/// </summary>
internal static class ExtraGateway
{
    public static async Task<ServiceProcess> StartAsync(EnforcementServices stack, string name)
    {
        var ports = stack.Ports;
        var authserver = ports["PA_AUTHSERVER_PORT"].ToString(CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string>(stack.ServiceSettings)
        {
            ["Service__DataDirectory"] = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(stack.DataDirectory)!, name)).FullName,
            ["Redis__ConnectionString"] = "127.0.0.1:" + ports["PA_REDIS_PORT"].ToString(CultureInfo.InvariantCulture),
            ["Proxy__FhirStoreUrl"] = "http://127.0.0.1:" + ports["PA_FHIRSTORE_PORT"].ToString(CultureInfo.InvariantCulture),
            ["MemberContext__Keys__0"] = stack.Secret("member-context.key"),
            ["Revocation__FeedKey"] = stack.Secret("revocation-feed.key"),
            ["Revocation__AuthServerUrl"] = "http://127.0.0.1:" + authserver,
            ["Tokens__Issuer"] = "http://localhost:" + authserver,
            ["Tokens__Audience"] = stack.Audience,
            ["Tokens__JwksUrl"] = $"http://127.0.0.1:{authserver}/.well-known/jwks.json",
            ["Audit__Replica"] = name,
            ["Audit__SpoolFile"] = name + "-audit.spool",
        };
        var process = ServiceProcess.Start(ServiceName.Gateway, settings);
        if (!await process.WaitReadyAsync(TimeSpan.FromSeconds(120)))
        {
            var output = process.Output;
            await process.DisposeAsync();
            throw new InvalidOperationException($"the extra gateway did not become ready:\n{output}");
        }

        return process;
    }
}
