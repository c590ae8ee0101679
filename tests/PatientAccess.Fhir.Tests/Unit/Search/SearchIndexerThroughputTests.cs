using System.Diagnostics;
using System.Globalization;
using PatientAccess.Fhir.Search;
using PatientAccess.Fhir.Tests.Fixtures;

namespace PatientAccess.Fhir.Tests.Unit.Search;

/// <summary>Reports indexing speed in the test output; asserts correctness only, never timing.</summary>
public sealed class SearchIndexerThroughputTests
{
    [Fact]
    public void Index_TenThousandGeneratedResources_EveryResourceIndexedAndRateReported()
    {
        var resources = GeneratedResources.Create(10_000);
        var indexer = new SearchIndexer();

        // Three passes: the first runs mostly on unoptimized (tier-0) JIT code, the later ones
        // show the steady state a long import reaches.
        for (var pass = 1; pass <= 3; pass++)
        {
            var clock = Stopwatch.StartNew();
            var counts = resources.Select(r => indexer.Index(r.Resource, r.ResourceType).Count).ToList();
            clock.Stop();

            Assert.All(counts, count => Assert.True(count >= 5, $"only {count} entries"));
            TestContext.Current.TestOutputHelper?.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "pass {0}: indexed {1} resources ({2} entries) in {3} ms: {4:N0} resources/s on one thread",
                pass,
                resources.Count,
                counts.Sum(),
                clock.ElapsedMilliseconds,
                resources.Count / clock.Elapsed.TotalSeconds));
        }
    }
}
