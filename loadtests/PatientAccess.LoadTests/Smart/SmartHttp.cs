using System.Globalization;

namespace PatientAccess.LoadTests.Smart;

/// <summary>
/// Sends one unmeasured request for the launch (discovery, member pages, token exchange) and turns
/// transport failures and timeouts into one-line errors naming the request.
/// </summary>
internal static class SmartHttp
{
    public static async Task<(int Status, Uri? Location, string Body)> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var label = $"{request.Method.Method} {request.RequestUri}";
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var location = response.Headers.Location is { } target ? new Uri(request.RequestUri!, target) : null;
            return ((int)response.StatusCode, location, body);
        }
        catch (HttpRequestException ex)
        {
            throw new SmartLaunchException($"{label} failed: {ex.Message} (is the authserver running there?)", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmartLaunchException(string.Create(CultureInfo.InvariantCulture, $"{label} got no answer within {client.Timeout.TotalSeconds:0.#} s"), ex);
        }
    }
}
