using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Tests.Unit.Detection;

/// <summary>Erratic behaviour: the error share over a minimum volume with rate limiting excluded, and scanning by distinct not-found targets.</summary>
public sealed class ErraticDetectorTests
{
    private static readonly ErraticDetector Detector = new(new DetectionOptions());

    [Fact]
    public void Tally_RateLimitAndRevokedTokens_NotCountedAtAll()
    {
        Assert.Empty(Readings.Metrics(Detector, Readings.Gateway(429, "refuse", "rate-limit")));
        Assert.Empty(Readings.Metrics(Detector, Readings.Gateway(401, "refuse", "token-revoked")));
    }

    [Fact]
    public void Tally_SuccessErrorAndNotFound_CountedApart()
    {
        Assert.Equal([ErraticDetector.Total], Readings.Metrics(Detector, Readings.Gateway(200)));
        Assert.Equal([ErraticDetector.Total], Readings.Metrics(Detector, Readings.Gateway(502)));
        Assert.Equal([ErraticDetector.Total, ErraticDetector.Errors], Readings.Metrics(Detector, Readings.Gateway(400)));
        Assert.Equal([ErraticDetector.Total, ErraticDetector.Errors, ErraticDetector.NotFound], Readings.Metrics(Detector, Readings.Gateway(404)));
    }

    [Fact]
    public void Tally_NotFoundWithAnId_TheIdIsTheDistinctValue()
    {
        var marks = Detector.Tally(Readings.Gateway(404, resourceId: "abc")).ToList();
        Assert.Equal("Coverage/abc", marks.Single(m => m.Metric == ErraticDetector.NotFound).Value);
    }

    [Fact]
    public void Judge_HighShareBelowMinimumVolume_NotFlagged()
    {
        Assert.Null(Detector.Judge(Readings.WithDistinct(0, (ErraticDetector.Errors, 40), (ErraticDetector.Total, 49))));
    }

    [Fact]
    public void Judge_HalfErrorsOverMinimumVolume_Flagged()
    {
        Assert.Null(Detector.Judge(Readings.WithDistinct(0, (ErraticDetector.Errors, 49), (ErraticDetector.Total, 100))));
        var judgement = Detector.Judge(Readings.WithDistinct(0, (ErraticDetector.Errors, 50), (ErraticDetector.Total, 100)));
        Assert.NotNull(judgement);
        Assert.Equal(100, judgement.Total);
        Assert.Equal(ActionNames.Suspend, judgement.Action);
        Assert.Contains("50 of 100 answers", judgement.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ScanningManyDistinctNotFound_FlaggedEvenWhenMostAnswersSucceed()
    {
        var judgement = Detector.Judge(Readings.WithDistinct(100, (ErraticDetector.Errors, 100), (ErraticDetector.Total, 5000)));
        Assert.NotNull(judgement);
        Assert.StartsWith("Scanning", judgement.Explanation, StringComparison.Ordinal);
        Assert.Null(Detector.Judge(Readings.WithDistinct(99, (ErraticDetector.Errors, 99), (ErraticDetector.Total, 5000))));
    }
}
