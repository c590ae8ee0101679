using System.Collections.Concurrent;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>
/// One server per backend for the portal's tests, of their own: every in-process request comes
/// from the same (unknown) client address, so the per-address limit on code e-mails is raised here
/// (the per-address-and-e-mail limit, which one test checks, keeps its default).
/// </summary>
internal static class DeveloperHosts
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<AuthServerHost>>> Hosts = new(StringComparer.Ordinal);

    public static Task<AuthServerHost> ForAsync(AuthBackends backends, string backend) =>
        Hosts.GetOrAdd(backend, b => new Lazy<Task<AuthServerHost>>(() => backends.FreshAsync(b, new Dictionary<string, string?>
        {
            ["DeveloperPortal:CodeSendsPerAddress"] = "100000",
        }))).Value;
}
