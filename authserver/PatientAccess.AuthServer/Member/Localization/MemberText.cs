using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace PatientAccess.AuthServer.Member.Localization;

/// <summary>
/// The site's words in one language (member pages, and the portal, gallery and staff pages that
/// share their layout), from every embedded string table named <c>strings.{lang}.json</c> or
/// <c>{area}.strings.{lang}.json</c> in a <c>Localization</c> folder, merged; a key defined twice
/// fails at start. Every language has the same keys (a unit test holds them to it), so a missing
/// translation fails the build's tests rather than showing a key to a member.
/// </summary>
internal sealed class MemberText
{
    public const string English = "en";
    public const string Spanish = "es";

    private static readonly FrozenDictionary<string, MemberText> Tables = new[] { English, Spanish }
        .ToFrozenDictionary(l => l, l => new MemberText(l, Load(l)), StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _strings;

    private MemberText(string language, FrozenDictionary<string, string> strings)
    {
        Language = language;
        _strings = strings;
        Culture = CultureInfo.GetCultureInfo(language == Spanish ? "es-US" : "en-US");
    }

    public static IReadOnlyList<string> Languages { get; } = [English, Spanish];

    public string Language { get; }

    public CultureInfo Culture { get; }

    public IReadOnlyCollection<string> Keys => _strings.Keys;

    public string this[string key] => _strings.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no member text '{key}' in '{Language}'");

    public static MemberText For(string language) => Tables.TryGetValue(language, out var text) ? text : Tables[English];

    public string Format(string key, params object?[] arguments) => string.Format(Culture, this[key], arguments);

    private static FrozenDictionary<string, string> Load(string language)
    {
        var assembly = typeof(MemberText).Assembly;
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith($"strings.{language}.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
            {
                if (!merged.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"text key '{key}' is defined twice ({name})");
                }
            }
        }

        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
