using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>The interpolation behind <see cref="Html.Of"/>: literals pass through, every value is encoded.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlHandler
{
    // Letters of every script stay readable (a screen reader reads "Sofía", not an entity); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private StringBuilder? _builder;

    public HtmlHandler(int literalLength, int formattedCount)
    {
        _ = formattedCount;
        _builder = new StringBuilder(literalLength + 64);
    }

    public readonly void AppendLiteral(string value) => _builder!.Append(value);

    public readonly void AppendFormatted(Html? value) => _builder!.Append(value?.Value);

    public readonly void AppendFormatted(string? value) => _builder!.Append(Encoder.Encode(value ?? string.Empty));

    public readonly void AppendFormatted<T>(T value) =>
        AppendFormatted(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());

    public string ToStringAndClear()
    {
        var text = _builder?.ToString() ?? string.Empty;
        _builder = null;
        return text;
    }
}
