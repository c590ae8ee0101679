using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>The monitor in process with an <see cref="InMemoryReviews"/> queue and decisions in place of engineer B's.</summary>
internal sealed class ReviewPagesHost : IAsyncDisposable
{
    private readonly MonitorFactory _monitor;

    public ReviewPagesHost(IDictionary<string, string?> settings, InMemoryReviews reviews)
    {
        Reviews = reviews;
        _monitor = new MonitorFactory(settings, EvidenceKey.Settings);
        Factory = _monitor.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<IReviewQueue>(reviews);
            services.AddSingleton<IStaffDecisions>(reviews);
        }));
    }

    public WebApplicationFactory<Program> Factory { get; }

    public InMemoryReviews Reviews { get; }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _monitor.DisposeAsync();
    }
}
