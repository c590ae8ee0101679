using PatientAccess.ServiceDefaults.Logging;

namespace PatientAccess.ServiceDefaults.Tests.Unit.Logging;

/// <summary>Request and audit ids: well-formed UUIDs of the stated version, unique, and v7 ordered by time.</summary>
public sealed class RandomIdsTests
{
    [Fact]
    public void NewVersion4_IsAVersion4Rfc9562Uuid()
    {
        var text = RandomIds.NewVersion4().ToString("D");

        Assert.Equal('4', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void NewVersion7_CarriesTheTimeInMilliseconds()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 15, 30, 123, TimeSpan.Zero);

        var text = RandomIds.NewVersion7(now).ToString("N");

        Assert.Equal('7', text[12]);
        Assert.Contains(text[16], "89ab");
        Assert.Equal(now.ToUnixTimeMilliseconds(), Convert.ToInt64(text[..12], 16));
    }

    [Fact]
    public void NewVersion7_LaterTime_SortsLaterAsText()
    {
        var now = DateTimeOffset.UtcNow;
        var earlier = RandomIds.NewVersion7(now).ToString("N");
        var later = RandomIds.NewVersion7(now.AddMilliseconds(1)).ToString("N");

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}");
    }

    [Fact]
    public async Task NewIds_ManyFromManyThreads_AllDistinct()
    {
        var now = DateTimeOffset.UtcNow;
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 25_000).SelectMany(_ => new[] { RandomIds.NewVersion4(), RandomIds.NewVersion7(now) }).ToArray())));

        var all = batches.SelectMany(b => b).ToArray();
        Assert.Equal(all.Length, all.Distinct().Count());
    }
}
