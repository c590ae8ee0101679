using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.AuthServer.Developer.Evidence;

/// <summary>
/// An app's successful FHIR reads and searches by resource type, as the monitor counted them from
/// its audit trail (<c>GET /api/apps/{client_id}/reads</c> with the evidence key). Never throws for
/// the monitor's sake: not configured, unreachable, slow or answering nonsense each come back as a
/// state the page can say plainly.
/// </summary>
internal sealed partial class MonitorReads(HttpClient http, IOptions<MonitorOptions> options, IOptions<ServiceOptions> service, ILogger<MonitorReads> logger)
{
    public async Task<MonitorReadsResult> ForAsync(string clientId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = ReadKey(settings, service.Value);
        if (string.IsNullOrWhiteSpace(settings.Url) || key is null)
        {
            return MonitorReadsResult.NotConfigured;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.Url.TrimEnd('/') + "/api/apps/" + Uri.EscapeDataString(clientId) + "/reads"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogUnavailable(logger, "status " + (int)response.StatusCode);
                return MonitorReadsResult.Unavailable;
            }

            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) as JsonObject;
            if (body?["reads"] is not JsonObject reads)
            {
                LogUnavailable(logger, "an answer without reads");
                return MonitorReadsResult.Unavailable;
            }

            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var (type, value) in reads)
            {
                if (value is JsonValue v && v.TryGetValue<long>(out var n) && n >= 0 && type.Length <= 64 && type.All(char.IsAsciiLetterOrDigit))
                {
                    counts[type] = n;
                }
            }

            return new MonitorReadsResult(MonitorReadsResult.Available, counts, counts.Values.Sum());
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnavailable(logger, ex.GetType().Name);
            return MonitorReadsResult.Unavailable;
        }
    }

    private static string? ReadKey(MonitorOptions monitor, ServiceOptions service)
    {
        var path = Path.IsPathRooted(monitor.EvidenceKeyFile) ? monitor.EvidenceKeyFile : Path.Combine(Path.GetFullPath(service.DataDirectory), monitor.EvidenceKeyFile);
        return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } key ? key : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The monitor's read counts are not available ({Why}); the portal says so")]
    private static partial void LogUnavailable(ILogger logger, string why);
}
