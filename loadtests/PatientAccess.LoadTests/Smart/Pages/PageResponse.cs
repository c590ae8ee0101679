using System.Globalization;

namespace PatientAccess.LoadTests.Smart.Pages;

/// <summary>One answer from the member pages: where it came from, its status, where it redirects, and the page.</summary>
internal sealed class PageResponse
{
    private HtmlPage? _page;

    public PageResponse(HttpMethod method, Uri url, int status, Uri? location, string body)
    {
        Method = method;
        Url = url;
        Status = status;
        Location = location;
        Body = body;
    }

    public HttpMethod Method { get; }

    public Uri Url { get; }

    public int Status { get; }

    /// <summary>The absolute redirect target of a 3xx answer.</summary>
    public Uri? Location { get; }

    public string Body { get; }

    public bool IsRedirect => Status is >= 300 and < 400 && Location is not null;

    public HtmlPage Page => _page ??= HtmlPage.Parse(Body);

    /// <summary>"POST /member/code", for messages.</summary>
    public string Label => $"{Method.Method} {Url.AbsolutePath}";

    public bool RedirectsTo(string path) => IsRedirect && Location!.AbsolutePath == path;

    /// <summary>The failure message for an answer the flow did not expect: request, status, what the page says.</summary>
    public SmartLaunchException Unexpected(string expected)
    {
        var got = IsRedirect
            ? $"a redirect to {Location!.GetLeftPart(UriPartial.Path)}"
            : Body.Length == 0 ? "an empty page" : "the page " + Page.Describe();
        return new SmartLaunchException(string.Create(CultureInfo.InvariantCulture, $"{Label} answered {Status} with {got}; expected {expected}"));
    }
}
