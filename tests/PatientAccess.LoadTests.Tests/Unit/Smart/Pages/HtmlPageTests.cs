using PatientAccess.LoadTests.Smart.Pages;

namespace PatientAccess.LoadTests.Tests.Unit.Smart.Pages;

public class HtmlPageTests
{
    [Fact]
    public void Parse_RegisterPage_FormWithDecodedAntiforgeryFieldAndTypedFields()
    {
        var page = HtmlPage.Parse(MemberPageSamples.RegisterWithError);

        var form = Assert.Single(page.Forms);
        Assert.Equal("post", form.Method);
        Assert.Equal("/member/register", form.Action);
        var hidden = Assert.Single(form.Hidden);
        Assert.Equal("__csrf", hidden.Name);
        Assert.Equal("CfDJ8Am+token/with&entities", hidden.Value);
        Assert.Equal(["first_name", "last_name", "birth_date", "member_id", "zip"], form.Inputs.Where(i => i.IsTyped).Select(i => i.Name));
        Assert.Same(form, page.FormPostingTo("/member/register"));
        Assert.Null(page.FormPostingTo("/member/email"));
    }

    [Fact]
    public void Parse_PageWithErrorSummary_ProblemsOnceAndDescribed()
    {
        var page = HtmlPage.Parse(MemberPageSamples.RegisterWithError);

        Assert.Equal("Confirm who you are", page.Title);
        var problem = Assert.Single(page.Problems);
        Assert.Equal("We could not find a member with these details. Check them against your member ID card and try again.", problem);
        Assert.Equal("'Confirm who you are': " + problem, page.Describe());
    }

    [Fact]
    public void Parse_AuthorizeErrorPage_AlertIsTheProblem()
    {
        var page = HtmlPage.Parse(MemberPageSamples.AuthorizeError);

        Assert.Equal("'Cannot connect this app': The redirect_uri is not registered for this app.", page.Describe());
        Assert.Empty(page.Forms);
    }

    [Fact]
    public void Parse_MessagePage_DescribedByItsFirstParagraph()
    {
        var page = HtmlPage.Parse(MemberPageSamples.SessionExpired);

        Assert.Empty(page.Problems);
        Assert.Equal("'Your session has ended': For your security, sessions end after a while. Please sign in again.", page.Describe());
    }

    [Fact]
    public void Parse_StartPage_LinksInEitherQuoteAndTheDeclineButton()
    {
        var page = HtmlPage.Parse(MemberPageSamples.Start);

        Assert.Equal(["/member/register", "/member/signin"], page.Links);
        var decline = Assert.Single(page.FormPostingTo("/member/approve")!.Inputs, i => i.IsButton);
        Assert.Equal(("decision", "deny"), (decline.Name, decline.Value));
    }

    [Fact]
    public void Parse_NotHtml_EmptyPage()
    {
        var page = HtmlPage.Parse("{\"error\":\"invalid_request\"}");

        Assert.Equal(string.Empty, page.Title);
        Assert.Empty(page.Forms);
        Assert.Empty(page.Problems);
    }
}
