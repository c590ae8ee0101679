using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace PatientAccess.AuthServer.Member.Localization;

/// <summary>
/// The member pages' words in one language, from the string tables <c>strings.{lang}.json</c>
/// embedded beside this file. Every table has the same keys (a unit test holds them to it),
/// so a missing translation fails the build's tests rather than showing a key to a member.
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
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith($"strings.{language}.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
