using System.Net;
using System.Text.RegularExpressions;

namespace PatientAccess.LoadTests.Smart.Pages;

/// <summary>
/// What the tool reads from a member page: its heading, the problems it reports, its forms and
/// links. The pages are server-rendered and regular, so a small tag scanner is enough; it reads
/// attributes quoted either way and decodes entities, as a browser would.
/// </summary>
internal sealed partial class HtmlPage
{
    private HtmlPage(string title, IReadOnlyList<string> problems, string? firstParagraph, IReadOnlyList<HtmlForm> forms, IReadOnlyList<string> links)
    {
        Title = title;
        Problems = problems;
        FirstParagraph = firstParagraph;
        Forms = forms;
        Links = links;
    }

    /// <summary>The h1, else the title element.</summary>
    public string Title { get; }

    /// <summary>What the page says went wrong: error-summary items, alerts, field errors.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The first paragraph after the heading; message pages put their explanation there.</summary>
    public string? FirstParagraph { get; }

    public IReadOnlyList<HtmlForm> Forms { get; }

    public IReadOnlyList<string> Links { get; }

    public static HtmlPage Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var title = TextOf(H1().Match(html)) ?? TextOf(TitleElement().Match(html)) ?? string.Empty;
        var problems = new List<string>();
        if (ErrorSummary().Match(html) is { Success: true } summary)
        {
            problems.AddRange(ListItem().Matches(summary.Groups["body"].Value).Select(TextOf).OfType<string>());
        }
        else
        {
            problems.AddRange(Alert().Matches(html).Select(TextOf).OfType<string>());
        }

        problems.AddRange(FieldError().Matches(html).Select(TextOf).OfType<string>().Where(p => !problems.Contains(p)));
        var links = Anchor().Matches(html)
            .Select(m => Attributes(m.Groups["attrs"].Value).GetValueOrDefault("href"))
            .OfType<string>()
            .ToList();
        return new HtmlPage(title, problems.Where(p => p.Length > 0).ToList(), TextOf(FirstParagraphAfterHeading().Match(html)), ReadForms(html), links);
    }

    /// <summary>The form whose action is <paramref name="action"/> (compared as a path, ignoring a query).</summary>
    public HtmlForm? FormPostingTo(string action) =>
        Forms.FirstOrDefault(f => string.Equals(f.Action.Split('?')[0], action, StringComparison.Ordinal));

    /// <summary>One line for error messages: the heading and what the page says went wrong.</summary>
    public string Describe()
    {
        var detail = Problems.Count > 0 ? string.Join("; ", Problems) : FirstParagraph;
        return detail is null ? $"'{Title}'" : $"'{Title}': {detail}";
    }

    private static List<HtmlForm> ReadForms(string html)
    {
        var forms = new List<HtmlForm>();
        (string Method, string Action, List<HtmlInput> Inputs)? open = null;
        foreach (Match tag in FormTag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var attributes = Attributes(tag.Groups["attrs"].Value);
            switch (name)
            {
                case "form":
                    open = (attributes.GetValueOrDefault("method", "get").ToLowerInvariant(), attributes.GetValueOrDefault("action", string.Empty), []);
                    break;
                case "/form" when open is { } form:
                    forms.Add(new HtmlForm(form.Method, form.Action, form.Inputs));
                    open = null;
                    break;
                case "input" or "button" when open is { } form && attributes.TryGetValue("name", out var inputName):
                    var type = attributes.GetValueOrDefault("type", name == "button" ? "submit" : "text").ToLowerInvariant();
                    if (name == "button" && type != "submit")
                    {
                        break;
                    }

                    form.Inputs.Add(new HtmlInput(type, inputName, attributes.GetValueOrDefault("value", string.Empty), attributes.ContainsKey("checked")));
                    break;
            }
        }

        return forms;
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(text))
        {
            attributes.TryAdd(attribute.Groups["name"].Value, WebUtility.HtmlDecode(attribute.Groups["value"].Value));
        }

        return attributes;
    }

    private static string? TextOf(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(Tag().Replace(match.Groups["text"].Value, " "));
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex("""<(?<name>/?form|input|button)\b(?<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("""<a\b(?<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>""", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();

    [GeneratedRegex("""(?<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s"'=<>`]+)))?""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""<h1\b[^>]*>(?<text>.*?)</h1>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("""<title\b[^>]*>(?<text>.*?)</title>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex("""</h1>.*?<p\b[^>]*>(?<text>.*?)</p>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FirstParagraphAfterHeading();

    [GeneratedRegex("""<div\b[^>]*class="[^"]*\berror-summary\b[^"]*"[^>]*>(?<body>.*?)</div>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();

    [GeneratedRegex("""<li\b[^>]*>(?<text>.*?)</li>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ListItem();

    [GeneratedRegex("""<(?<tag>p|div|section)\b[^>]*\brole="alert"[^>]*>(?<text>.*?)</\k<tag>>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Alert();

    [GeneratedRegex("""<p\b[^>]*class="[^"]*\berror\b[^"]*"[^>]*>(?<text>.*?)</p>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FieldError();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
