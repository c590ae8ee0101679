using PatientAccess.Monitor.Pages;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Tests.Unit.Pages;

/// <summary>Both languages say everything: the same keys, and a name for every detector, action, state and step the queue can show.</summary>
public sealed class ReviewTextTests
{
    private static readonly string[] Steps = ["credentials", "tokens", "member_emails", "contact_emails", "gallery"];
    private static readonly string[] StepStates = ["done", "skipped", "failed"];

    [Fact]
    public void Strings_EnglishAndSpanish_SameKeys()
    {
        var english = ReviewText.For(ReviewText.English).Keys.Order(StringComparer.Ordinal).ToList();
        var spanish = ReviewText.For(ReviewText.Spanish).Keys.Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(english);
        Assert.Equal(english, spanish);
    }

    [Theory]
    [InlineData(ReviewText.English)]
    [InlineData(ReviewText.Spanish)]
    public void Strings_EveryNameTheQueueShows_Translated(string language)
    {
        var t = ReviewText.For(language);
        string[] keys =
        [
            .. DetectorNames.All.Select(d => "reviews.detectorName." + d),
            .. new[] { ActionNames.Alert, ActionNames.Throttle, ActionNames.Suspend, ActionNames.Revoke }.Select(a => "reviews.actionName." + a),
            .. new[] { ReviewStates.Open, ReviewStates.Alert, ReviewStates.Failed, ReviewStates.Reinstated, ReviewStates.Revoked, ReviewStates.Closed }.Select(s => "reviews.stateName." + s),
            .. Steps.Select(s => "reviews.step." + s),
            .. StepStates.Select(s => "reviews.stepState." + s),
            "reviews.decisionKind.reinstate", "reviews.decisionKind.revoke",
        ];

        Assert.All(keys, key => Assert.NotEqual(key, t[key]));
    }
}
