using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Headers;

namespace PatientAccess.Monitor.Pages;

/// <summary>
/// The review pages' words in English or Spanish (embedded <c>Localization/reviews.strings.*.json</c>),
/// and the visitor's language: the site-wide <c>pa-lang</c> cookie the authserver's language
/// switch sets (cookies ignore ports, so a choice made on any page of the product holds here),
/// else the browser's Accept-Language, else English.
/// </summary>
internal sealed class ReviewText
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string CookieName = "pa-lang";

    private static readonly FrozenDictionary<string, ReviewText> All = new Dictionary<string, ReviewText>(StringComparer.Ordinal)
    {
        [English] = new(English),
        [Spanish] = new(Spanish),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _strings;

    private ReviewText(string language)
    {
        Language = language;
        using var stream = typeof(ReviewText).Assembly.GetManifestResourceStream($"PatientAccess.Monitor.Pages.reviews.strings.{language}.json")
            ?? throw new InvalidOperationException($"the review pages' {language} strings are not embedded");
        _strings = (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static IReadOnlyList<string> Languages { get; } = [English, Spanish];

    public string Language { get; }

    public IEnumerable<string> Keys => _strings.Keys;

    /// <summary>A missing key shows as itself: visible in a test, never an exception on a page.</summary>
    public string this[string key] => _strings.GetValueOrDefault(key, key);

    public static ReviewText For(string language) => All[language];

    public static ReviewText Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies.TryGetValue(CookieName, out var chosen) && chosen is not null && All.TryGetValue(chosen, out var text))
        {
            return text;
        }

        RequestHeaders headers = context.Request.GetTypedHeaders();
        var preferred = headers.AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && All.ContainsKey(l));
        return All[preferred ?? English];
    }

    public string Format(string key, params object?[] values) => string.Format(CultureInfo.InvariantCulture, this[key], values);

    /// <summary>A time as people of the language write it, in UTC (staff compare it with the audit trail's UTC times).</summary>
    public string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString(Language == Spanish ? "d/M/yyyy HH:mm:ss 'UTC'" : "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
