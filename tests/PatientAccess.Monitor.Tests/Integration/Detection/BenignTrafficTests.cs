using Microsoft.Extensions.DependencyInjection;
using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Tests.Support;

namespace PatientAccess.Monitor.Tests.Integration.Detection;

/// <summary>
/// The other side of every threshold: many members' apps reading and paging at a realistic pace,
/// with the few 404s, 400s, 429s and grants well-behaved apps have, cross nothing (real Redis).
/// </summary>
public sealed class BenignTrafficTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    [Fact]
    public async Task Detect_ManyWellBehavedAppsForFiveMinutes_NoCrossing()
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        var settings = await backends.NewSettingsAsync(MonitorBackends.Sqlite);
        await using var monitor = new MonitorFactory(settings, DetectionSetup.Extra(settings, authServer));
        var observer = monitor.Services.GetRequiredService<DetectionObserver>();
        var random = new Random(15);
        var start = DateTimeOffset.UtcNow.AddSeconds(-290);
        var apps = Enumerable.Range(0, 20).Select(_ => DetectionSetup.NewClient("benign")).ToList();
        var events = new List<SourceEvent>();
        foreach (var app in apps)
        {
            for (var i = 0; i < 400; i++)
            {
                // Mostly reads and pages; 2% stale ids (404), 1% bad search parameters (400), a few 429s in a burst.
                var roll = random.NextDouble();
                var (status, reason) = roll < 0.02 ? (404, (string?)null) : roll < 0.03 ? (400, null) : roll < 0.04 ? (429, "rate-limit") : (200, null);
                events.Add(new SourceEvent
                {
                    Id = Guid.CreateVersion7().ToString("N"), Producer = SourceEvent.Gateway, Time = start.AddSeconds(random.Next(0, 290)), Type = "request",
                    ClientId = app, Method = "GET", Route = "/r4/{type}", ResourceType = "ExplanationOfBenefit", Status = status,
                    Decision = reason is null ? "allow" : "refuse", Reason = reason, Country = "US",
                });
            }

            // A member or two authorizes it, and one code is replayed by a retrying client.
            events.Add(new SourceEvent { Id = "authserver-" + Guid.NewGuid().ToString("N"), Producer = SourceEvent.AuthServer, Time = start.AddSeconds(10), Type = "grant.approved", ClientId = app });
            events.Add(new SourceEvent { Id = "authserver-" + Guid.NewGuid().ToString("N"), Producer = SourceEvent.AuthServer, Time = start.AddSeconds(20), Type = "code.reused", ClientId = app });
        }

        var crossings = new List<Crossing>();
        foreach (var batch in events.OrderBy(_ => random.Next()).Chunk(500))
        {
            crossings.AddRange(await observer.DetectAsync(batch, DateTimeOffset.UtcNow));
        }

        Assert.Empty(crossings);
    }
}
