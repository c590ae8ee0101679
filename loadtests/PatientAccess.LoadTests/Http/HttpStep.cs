using System.Buffers;
using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Http;

/// <summary>
/// The body of every HTTP step: send one request, let the scenario judge the answer, and turn a
/// request that got no answer into its transport error kind (for example "connection-error").
/// </summary>
internal static class HttpStep
{
    public static async Task<StepResult> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        Func<HttpResponseMessage, CancellationToken, Task<StepResult>> judge,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(judge);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return await judge(response, cancellationToken);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Once the token fired the engine classifies the failure itself (timeout or cancelled).
            return StepResult.Error(HttpErrorKinds.Of(ex));
        }
    }

    /// <summary>Reads and discards the body, returning its length.</summary>
    public static async Task<long> CountBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        // Read rather than skip: the body must arrive for the latency to be honest, but holding it
        // would make memory grow with the rate.
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
}
