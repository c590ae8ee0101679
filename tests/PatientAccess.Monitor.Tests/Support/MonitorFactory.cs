using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>The monitor in process, against the real Redis and database <see cref="MonitorBackends"/> set up, with a clock tests can move.</summary>
internal sealed class MonitorFactory(IDictionary<string, string?> settings, IDictionary<string, string?>? extra = null) : WebApplicationFactory<Program>
{
    public MovableTime Time { get; } = new();

    public string StreamKey => settings["Audit:StreamKey"]!;

    public AuditStore Store => Services.GetRequiredService<AuditStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var all = new Dictionary<string, string?>(settings, StringComparer.Ordinal);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(all));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>A client that presents the staff key.</summary>
    public HttpClient StaffClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StaffKey.Value);
        return client;
    }

    /// <summary>Waits until the store holds <paramref name="count"/> events (the consumer runs in the background).</summary>
    public async Task<bool> StoredAsync(long count, TimeSpan? timeout = null)
    {
        _ = Server; // starts the host, and with it the consumer
        return await PatientAccess.Testing.Eventually.TrueAsync(async () => await Store.CountAsync(CancellationToken.None) >= count,
            timeout ?? TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
    }
}
