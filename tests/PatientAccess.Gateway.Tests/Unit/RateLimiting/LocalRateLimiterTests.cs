using PatientAccess.Gateway.RateLimiting;

namespace PatientAccess.Gateway.Tests.Unit.RateLimiting;

public sealed class LocalRateLimiterTests
{
    [Fact]
    public void Decide_BurstSpent_RefusesWithWait()
    {
        var limiter = new LocalRateLimiter(TimeProvider.System);
        RateLimitBucket[] buckets = [new("k", BucketLimit.Of(3, 0.01))];

        var decisions = Enumerable.Range(0, 4).Select(_ => limiter.Decide(buckets)).ToList();

        Assert.Equal([true, true, true, false], decisions.Select(d => d.Allowed));
        Assert.True(decisions[^1].RetryAfter > TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Decide_SecondBucketEmpty_ChargesNeither()
    {
        var limiter = new LocalRateLimiter(TimeProvider.System);
        var client = new RateLimitBucket("client", BucketLimit.Of(10, 0.01));
        var token = new RateLimitBucket("token", BucketLimit.Of(1, 0.01));

        Assert.True(limiter.Decide([client, token]).Allowed);
        Assert.False(limiter.Decide([client, token]).Allowed);
        Assert.Equal(8, limiter.Decide([client]).Remaining);
    }
}
