using System.Diagnostics;
using System.Globalization;
using PatientAccess.Fhir.Tests.Fixtures;
using PatientAccess.Fhir.Validation;

namespace PatientAccess.Fhir.Tests.Unit.Validation;

/// <summary>Reports validation speed in the test output; asserts correctness only, never timing.</summary>
public sealed class FhirSchemaValidatorThroughputTests
{
    [Fact]
    public void Validate_TenThousandGeneratedResources_AllValidAndRateReported()
    {
        var resources = GeneratedResources.Create(10_000);
        var validator = FhirSchemaValidator.Default;

        // Three passes: the first runs mostly on unoptimized (tier-0) JIT code, the later ones
        // show the steady state a long import reaches.
        for (var pass = 1; pass <= 3; pass++)
        {
            var clock = Stopwatch.StartNew();
            var invalid = resources.Count(r => validator.Validate(r.Resource).Count > 0);
            clock.Stop();

            Assert.Equal(0, invalid);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "pass {0}: validated {1} resources in {2} ms: {3:N0} resources/s on one thread",
                pass,
                resources.Count,
                clock.ElapsedMilliseconds,
                resources.Count / clock.Elapsed.TotalSeconds));
        }
    }
}
