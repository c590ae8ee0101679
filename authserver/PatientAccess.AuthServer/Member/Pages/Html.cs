namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>
/// Markup that is already safe. The only ways to make one are <see cref="Of"/>, whose handler
/// HTML-encodes every interpolated value that is not itself <see cref="Html"/>, and <see cref="Join"/>:
/// text from members, apps or the store can never reach a page unencoded.
/// </summary>
internal sealed class Html
{
    private Html(string value) => Value = value;

    public static Html Empty { get; } = new(string.Empty);

    public string Value { get; }

    public static Html Of(ref HtmlHandler handler) => new(handler.ToStringAndClear());

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>Only for the handler, which has encoded everything it was given.</summary>
    internal static Html Trusted(string value) => new(value);

    public override string ToString() => Value;
}
