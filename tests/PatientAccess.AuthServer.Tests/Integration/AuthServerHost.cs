using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientAccess.AuthServer.Clients;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration;

/// <summary>The authorization server in-process on one database (a SQLite file or a PostgreSQL database) and a real Redis.</summary>
internal sealed class AuthServerHost : WebApplicationFactory<Program>
{
    public const string ResourceServerId = "gateway";
    public const string ResourceServerSecret = "test-gateway-introspection-secret";
    private readonly Dictionary<string, string?> _settings;

    static AuthServerHost()
    {
        // Each host would otherwise watch appsettings.json with an inotify instance of its own; a
        // run keeps dozens of hosts and the user limit (128 by default) is shared with every other
        // process of the user, so a busy machine ran out. Tests never change the file.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public AuthServerHost(string backend, string dataDirectory, string? postgresConnectionString, string redisConnectionString, IDictionary<string, string?>? extra = null)
    {
        Backend = backend;
        DataDirectory = dataDirectory;
        ConnectionString = postgresConnectionString;
        _settings = new Dictionary<string, string?>
        {
            ["Service:Port"] = "5999",
            ["Service:DataDirectory"] = dataDirectory,
            ["Database:Provider"] = backend,
            ["Database:ConnectionString"] = postgresConnectionString ?? string.Empty,
            ["Redis:ConnectionString"] = redisConnectionString,
            ["Redis:TimeoutMilliseconds"] = "500",
            ["Admin:ApiKeyHashes:0"] = TestKeys.OperatorHash,
            ["Introspection:ResourceServers:0:Id"] = ResourceServerId,
            ["Introspection:ResourceServers:0:SecretHash"] = Protocol.Secrets.HexHash(ResourceServerSecret),
            ["SigningKeys:CheckSeconds"] = "3600",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Backend { get; }

    public string DataDirectory { get; }

    /// <summary>The PostgreSQL database's connection string; null on SQLite (the file is in the data folder).</summary>
    public string? ConnectionString { get; }

    public MutableTimeProvider Clock { get; } = new();

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that does not follow redirects: the tests read every Location themselves.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient Admin()
    {
        var client = Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Operator);
        return client;
    }

    /// <summary>The demo clients' credentials as seeding wrote them.</summary>
    public DemoCredentials Demo()
    {
        _ = Services;
        var array = JsonNode.Parse(File.ReadAllText(Path.Combine(DataDirectory, DemoClientSeeder.FileName)))!.AsArray();
        var confidential = array.First(n => (string)n!["client_id"]! == DemoClientSeeder.ConfidentialClientId)!;
        return new DemoCredentials(
            DemoClientSeeder.ConfidentialClientId,
            (string)confidential["client_secret"]!,
            DemoClientSeeder.PublicClientId,
            (string)confidential["redirect_uris"]![0]!);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
