using System.Buffers;
using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Scenarios;

/// <summary>
/// The built-in "http-get" scenario: one GET per instance, round-robin over the given URLs. A 2xx
/// answer is ok, any other status a failure under its code; requests that get no answer fail with
/// the transport error (for example "connection-error").
/// </summary>
internal sealed class HttpGetScenario : IDisposable
{
    public const string ScenarioName = "http-get";
    public const string StepName = "GET";

    private readonly IReadOnlyList<Uri> _urls;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;
    private readonly HttpClient _client;

    public HttpGetScenario(IReadOnlyList<Uri> urls, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(headers);
        if (urls.Count == 0)
        {
            throw new ArgumentException("At least one URL is needed.", nameof(urls));
        }

        _urls = urls;
        _headers = headers;
        var handler = new SocketsHttpHandler
        {
            // Measure each URL itself, not what it redirects to, and keep no state between instances.
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        // The engine enforces the per-request timeout through the token; HttpClient's own would race it.
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Scenario = new Scenario(ScenarioName, [new Step(StepName, GetAsync)]);
    }

    public Scenario Scenario { get; }

    public void Dispose() => _client.Dispose();

    /// <summary>"ConnectionError" becomes "connection-error", the form error kinds take in reports.</summary>
    internal static string ErrorKindOf(HttpRequestException exception)
    {
        var name = exception.HttpRequestError.ToString();
        var kebab = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }

    private static async Task<long> CountBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Read and discard rather than buffer: the body must arrive for the latency to be honest,
        // but holding it would make memory grow with the rate.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<StepResult> GetAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var url = _urls[(int)(context.InstanceNumber % _urls.Count)];
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var bytes = await CountBodyAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? StepResult.Ok(status, bytes) : StepResult.Fail(status, bytes);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return StepResult.Error(ErrorKindOf(ex));
        }
    }

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
}
