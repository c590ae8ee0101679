using PatientAccess.LoadTests.Smart;
using PatientAccess.LoadTests.Smart.Pages;

namespace PatientAccess.LoadTests.Tests.Unit.Smart.Pages;

public class HtmlFormTests
{
    [Fact]
    public void Submission_TypedFields_AntiforgeryFirstThenFieldsInPageOrder()
    {
        var form = HtmlPage.Parse(MemberPageSamples.RegisterWithError).Forms[0];

        var entries = form.Submission(typed: new Dictionary<string, string> { ["first_name"] = "John", ["member_id"] = "123456789123" });

        Assert.Equal(
        [
            new("__csrf", "CfDJ8Am+token/with&entities"),
            new("first_name", "John"),
            new("last_name", "Allen"),
            new("birth_date", string.Empty),
            new("member_id", "123456789123"),
            new("zip", string.Empty),
        ], entries);
    }

    [Fact]
    public void Submission_Checkboxes_ExactlyTheTickedOnesEvenIfServedChecked()
    {
        var form = HtmlPage.Parse(MemberPageSamples.Sharing).Forms[0];

        Assert.Equal([new("__csrf", "tok-sharing")], form.Submission(ticked: []));
        Assert.Equal([new("__csrf", "tok-sharing"), new("sud", "yes"), new("hiv", "yes")], form.Submission(ticked: ["hiv", "sud"]));
    }

    [Fact]
    public void Submission_Radio_OnlyTheChosenValue()
    {
        var form = HtmlPage.Parse(MemberPageSamples.Choose).Forms[0];

        Assert.Equal([new("__csrf", "tok-choose"), new("member", "family-rivera-child1")], form.Submission(ticked: ["family-rivera-child1"]));
    }

    [Fact]
    public void Submission_PressedButton_OnlyItsNameAndValue()
    {
        var form = HtmlPage.Parse(MemberPageSamples.Approve).Forms[0];

        Assert.Equal([new("__csrf", "tok-approve"), new("decision", "allow")], form.Submission(button: ("decision", "allow")));
    }

    [Theory]
    [InlineData("typed", "the form posting to /member/approve has no field 'email'")]
    [InlineData("ticked", "the form posting to /member/approve has no box or choice 'mental'")]
    [InlineData("button", "the form posting to /member/approve has no button decision=maybe")]
    public void Submission_ControlTheFormLacks_ErrorNamesIt(string kind, string expected)
    {
        var form = HtmlPage.Parse(MemberPageSamples.Approve).Forms[0];

        var ex = Assert.Throws<SmartLaunchException>(() => kind switch
        {
            "typed" => form.Submission(typed: new Dictionary<string, string> { ["email"] = "a@b.c" }),
            "ticked" => form.Submission(ticked: ["mental"]),
            _ => form.Submission(button: ("decision", "maybe")),
        });

        Assert.Equal(expected, ex.Message);
    }
}
