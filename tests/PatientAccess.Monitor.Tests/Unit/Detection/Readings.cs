using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Events;

namespace PatientAccess.Monitor.Tests.Unit.Detection;

/// <summary>Events and window readings for the detectors' pure parts.</summary>
internal static class Readings
{
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public static SourceEvent Gateway(int status = 200, string decision = "allow", string? reason = null, string method = "GET", string? country = "US", string? resourceId = null) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"),
        Producer = SourceEvent.Gateway,
        Time = Now,
        Type = "request",
        ClientId = "app-1",
        Method = method,
        Route = "/r4/{type}/{id}",
        ResourceType = "Coverage",
        ResourceId = resourceId,
        Status = status,
        Decision = decision,
        Reason = reason,
        Country = country,
    };

    public static SourceEvent AuthServer(string type) => new()
    {
        Id = "authserver-" + Guid.NewGuid().ToString("N"),
        Producer = SourceEvent.AuthServer,
        Time = Now,
        Type = type,
        ClientId = "app-1",
    };

    /// <summary>A reading with <paramref name="counts"/> per metric, all in the newest bucket.</summary>
    public static WindowReading Of(params (string Metric, long Count)[] counts) =>
        new("app-1", Now, counts.ToDictionary(c => c.Metric, c => new long[] { c.Count }), new Dictionary<string, long>(), null);

    public static WindowReading WithDistinct(long distinct, params (string Metric, long Count)[] counts) =>
        new("app-1", Now, counts.ToDictionary(c => c.Metric, c => new long[] { c.Count }),
            new Dictionary<string, long> { [ErraticDetector.NotFound] = distinct }, null);

    public static string[] Metrics(Detector detector, SourceEvent e) => [.. detector.Tally(e).Select(m => m.Metric)];
}
