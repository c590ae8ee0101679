using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

/// <summary>The ports the tests give their stacks: never the same one twice in a process.</summary>
public sealed class FreePortTests
{
    [Fact]
    public void Next_ManyTimes_NeverTheSamePortTwice()
    {
        var ports = Enumerable.Range(0, 2_000).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 1024, 65_535));
    }
}
