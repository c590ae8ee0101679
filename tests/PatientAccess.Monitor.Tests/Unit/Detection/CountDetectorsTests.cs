using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Tests.Unit.Detection;

/// <summary>Write attempts, too many requests, non-US addresses and token abuse: which events count, and the threshold.</summary>
public sealed class CountDetectorsTests
{
    private static readonly DetectionOptions Options = new();

    [Fact]
    public void WriteAttempts_OnlyMethodRefusals_Count()
    {
        var detector = new WriteAttemptsDetector(Options);
        Assert.Equal(["hits"], Readings.Metrics(detector, Readings.Gateway(405, "refuse", "method", "DELETE")));
        // A method override hidden in a GET is refused with the same reason.
        Assert.Equal(["hits"], Readings.Metrics(detector, Readings.Gateway(405, "refuse", "method", "GET")));
        Assert.Empty(Readings.Metrics(detector, Readings.Gateway(400, "refuse", "target")));
        Assert.Empty(Readings.Metrics(detector, Readings.Gateway(200)));
        Assert.Empty(Readings.Metrics(detector, Readings.AuthServer("grant.approved")));
    }

    [Fact]
    public void WriteAttempts_AtThreshold_SuspendsWithTheCount()
    {
        var detector = new WriteAttemptsDetector(Options);
        Assert.Null(detector.Judge(Readings.Of(("hits", 4))));
        var judgement = detector.Judge(Readings.Of(("hits", 5)));
        Assert.NotNull(judgement);
        Assert.Equal(5, judgement.Count);
        Assert.Equal(ActionNames.Suspend, judgement.Action);
        Assert.Contains("5 refused write attempts", judgement.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyRequests_429Counts_503WhenLimitsCannotBeCheckedDoesNot()
    {
        var detector = new TooManyRequestsDetector(Options);
        Assert.Equal(["hits"], Readings.Metrics(detector, Readings.Gateway(429, "refuse", "rate-limit")));
        Assert.Empty(Readings.Metrics(detector, Readings.Gateway(503, "refuse", "rate-limit")));
        Assert.Equal(ActionNames.Throttle, detector.Judge(Readings.Of(("hits", 100)))!.Action);
        Assert.Null(detector.Judge(Readings.Of(("hits", 99))));
    }

    [Fact]
    public void NonUs_GeoRefusals_CountedWithTheirCountry()
    {
        var detector = new NonUsDetector(Options);
        var marks = detector.Tally(Readings.Gateway(403, "refuse", "geo", country: "NL")).ToList();
        Assert.Equal(["hits", "countries"], marks.Select(m => m.Metric));
        Assert.Equal("NL", marks[1].Value);
        Assert.False(marks[1].Evidence);
        Assert.Empty(Readings.Metrics(detector, Readings.Gateway(403, "refuse", "compartment")));
        Assert.NotNull(detector.Judge(Readings.Of(("hits", 5))));
    }

    [Fact]
    public void TokenAbuse_CodeAndRefreshReuse_CountOtherAuthServerEventsDoNot()
    {
        var detector = new TokenAbuseDetector(Options);
        Assert.Equal(["hits"], Readings.Metrics(detector, Readings.AuthServer("code.reused")));
        Assert.Equal(["hits"], Readings.Metrics(detector, Readings.AuthServer("refresh_token.reused")));
        Assert.Empty(Readings.Metrics(detector, Readings.AuthServer("client.authentication_failed")));
        Assert.Empty(Readings.Metrics(detector, Readings.AuthServer("grant.approved")));
        Assert.Null(detector.Judge(Readings.Of(("hits", 2))));
        Assert.Equal(ActionNames.Suspend, detector.Judge(Readings.Of(("hits", 3)))!.Action);
    }

    [Fact]
    public void Options_Defaults_AreValid()
    {
        var results = Options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(Options)).ToList();
        Assert.Empty(results);
    }

    [Fact]
    public void Options_UnknownActionOrSeverity_NamedByPath()
    {
        var options = new DetectionOptions();
        options.NonUs.Action = "ban";
        options.Erratic.Severity = "high";
        options.Erratic.Threshold = 2;
        var members = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).SelectMany(r => r.MemberNames).ToList();
        Assert.Contains("NonUs:Action", members);
        Assert.Contains("Erratic:Severity", members);
        Assert.Contains("Erratic:Threshold", members);
    }
}
