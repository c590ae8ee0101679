using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using PatientAccess.MemberContext;
using PatientAccess.Testing;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>The store in-process on one database (SQLite file or PostgreSQL database), loaded with the fixture members.</summary>
public sealed class StoreHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly MemberContextCodec _codec = new([TestKeys.MemberContextBytes]);

    public StoreHost(string backend, string dataDirectory, string? postgresConnectionString, IDictionary<string, string?>? settings = null)
    {
        Backend = backend;
        _settings = new Dictionary<string, string?>
        {
            ["Service:Port"] = "5999",
            ["Service:DataDirectory"] = dataDirectory,
            ["Access:MemberContextKeys:0"] = TestKeys.MemberContext,
            ["Access:OperatorKeyHashes:0"] = TestKeys.OperatorHash,
            ["Database:Provider"] = backend,
            ["Database:ConnectionString"] = postgresConnectionString ?? string.Empty,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Backend { get; }

    public string DataDirectory => _settings["Service:DataDirectory"]!;

    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public string? ConnectionString => _settings["Database:ConnectionString"] is { Length: > 0 } text ? text : null;

    /// <summary>A client that reads everything, as an operator.</summary>
    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Operator);
        return client;
    }

    /// <summary>
    /// GET as the gateway would send it for a member: the context signed for exactly this request.
    /// <paramref name="readTypes"/> and <paramref name="searchTypes"/> are the token's allowed types (all by default).
    /// </summary>
    public async Task<HttpResponseMessage> GetAsMemberAsync(string target, string[] patients, string[]? consented = null, TimeSpan? lifetime = null,
        string[]? readTypes = null, string[]? searchTypes = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Add(MemberContextCodec.HeaderName, SignFor("GET", target, patients, consented, lifetime, readTypes, searchTypes));
        return await CreateClient().SendAsync(request);
    }

    /// <summary>POST _search with a form, as the gateway would send it for a member.</summary>
    public async Task<HttpResponseMessage> PostSearchAsMemberAsync(string target, IEnumerable<KeyValuePair<string, string>> form, string[] patients,
        string[]? readTypes = null, string[]? searchTypes = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(MemberContextCodec.HeaderName, SignFor("POST", target, patients, null, null, readTypes, searchTypes));
        return await CreateClient().SendAsync(request);
    }

    public string SignFor(string method, string target, string[] patients, string[]? consented = null, TimeSpan? lifetime = null,
        string[]? readTypes = null, string[]? searchTypes = null) =>
        _codec.Sign(new MemberContext.MemberContext(patients, consented ?? [], readTypes ?? ["*"], searchTypes ?? ["*"], "test-app",
            DateTimeOffset.UtcNow + (lifetime ?? TimeSpan.FromSeconds(30))), method, target);

    public async Task<string> ImportAsync(string ndjson)
    {
        using var content = new StringContent(ndjson, System.Text.Encoding.UTF8, "application/fhir+ndjson");
        using var response = await Operator().PostAsync(new Uri("/r4/$import", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"import failed: {(int)response.StatusCode} {body}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
