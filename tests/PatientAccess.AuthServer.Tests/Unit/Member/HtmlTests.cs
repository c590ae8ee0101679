using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Tests.Unit.Member;

public sealed class HtmlTests
{
    [Fact]
    public void Of_InterpolatedText_IsEncodedButLettersStayReadable()
    {
        var name = "<script>alert('x')</script> Sofía & \"Mateo\"";
        var html = Html.Of($"<p title=\"{name}\">{name}</p>");
        Assert.DoesNotContain("<script>", html.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Mateo\"", html.Value, StringComparison.Ordinal);
        Assert.Contains("Sofía", html.Value, StringComparison.Ordinal);
        Assert.StartsWith("<p title=\"", html.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NestedHtml_IsNotEncodedTwice()
    {
        var inner = Html.Of($"<b>{"a&b"}</b>");
        Assert.Equal("<i><b>a&amp;b</b></i>", Html.Of($"<i>{inner}</i>").Value);
    }
}
