using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PatientAccess.ServiceDefaults.Health;

/// <summary>Healthy when a GET of <paramref name="url"/> answers 2xx within <paramref name="timeout"/>.</summary>
public sealed class HttpDependencyHealthCheck(IHttpClientFactory clients, Uri url, TimeSpan timeout) : IHealthCheck
{
    public const string ClientName = "health-checks";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{url} answered {(int)response.StatusCode}")
                : HealthCheckResult.Unhealthy($"{url} answered {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{url} did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"{url} is unreachable: {ex.HttpRequestError}");
        }
    }
}
