using PatientAccess.AuthServer.Member.Localization;

namespace PatientAccess.AuthServer.Tests.Unit.Member;

public sealed class MemberTextTests
{
    [Fact]
    public void Tables_EnglishAndSpanish_HaveTheSameKeysAndNoBlankOrUntranslatedText()
    {
        var en = MemberText.For(MemberText.English);
        var es = MemberText.For(MemberText.Spanish);
        Assert.Equal(en.Keys.Order(StringComparer.Ordinal), es.Keys.Order(StringComparer.Ordinal));
        Assert.All(en.Keys, k => Assert.False(string.IsNullOrWhiteSpace(en[k]) || string.IsNullOrWhiteSpace(es[k]), k));
        string[] same = ["plan.name", "errors.titlePrefix", "mail.body", "sensitive.hiv"];
        var untranslated = en.Keys.Where(k => en[k] == es[k] && !same.Contains(k) && !k.StartsWith("layout.switchTo", StringComparison.Ordinal)).ToList();
        Assert.True(untranslated.Count <= 1, string.Join(", ", untranslated));
    }

    [Fact]
    public void For_UnknownLanguage_FallsBackToEnglish() => Assert.Equal(MemberText.English, MemberText.For("fr").Language);
}
