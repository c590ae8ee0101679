using PatientAccess.LoadTests.Redaction;

namespace PatientAccess.LoadTests.Tests.Unit.Redaction;

public sealed class SecretRedactorTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwYXQtMSJ9.c2lnbmF0dXJl";

    [Theory]
    [InlineData("Authorization: Bearer abc.def", "Authorization: [redacted]")]
    [InlineData("authorization=Basic dXNlcjpwYXNz", "authorization=[redacted]")]
    [InlineData("the gateway said: Bearer s3cr3t-t0ken, try again", "the gateway said: Bearer [redacted], try again")]
    [InlineData("POST grant_type=refresh_token&refresh_token=rt-123&client_secret=cs-9", "POST grant_type=refresh_token&refresh_token=[redacted]&client_secret=[redacted]")]
    [InlineData("http://h/cb?code=abc123&state=s", "http://h/cb?code=[redacted]&state=s")]
    [InlineData("{\"access_token\":\"at-1\",\"id_token\":\"x\",\"code\":\"c\"}", "{\"access_token\":\"[redacted]\",\"id_token\":\"[redacted]\",\"code\":\"[redacted]\"}")]
    [InlineData("code_verifier=v-1 password: hunter2", "code_verifier=[redacted] password: [redacted]")]
    [InlineData("token " + Jwt + " seen", "token [redacted] seen")]
    [InlineData("Cookie: session=abc; other=def", "Cookie: [redacted]")]
    public void Redact_SecretInText_Replaced(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }

    [Theory]
    [InlineData("exit code 2; status code: 503")]
    [InlineData("GET 200 × 10, timeout × 2")]
    [InlineData("token-authorization_code --grant refresh_token")]
    [InlineData("| Targets | http://127.0.0.1:5000/r4/Patient |")]
    public void Redact_NoSecret_Unchanged(string text)
    {
        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Fact]
    public void RedactArguments_SecretOptionsAndHeaders_ValuesReplaced()
    {
        string[] args =
        [
            "http", "--url", "http://127.0.0.1:1/r4/Patient?access_token=q-1", "--header", "Authorization: Bearer opaque-1",
            "--header=X-Api-Key: k-1", "--header", "X-Load-Test: yes", "--token", "t-1", "--client-secret=s-1", "--password", "p-1", "--rate", "5",
        ];

        var redacted = string.Join(' ', SecretRedactor.RedactArguments(args));

        foreach (var secret in new[] { "q-1", "opaque-1", "k-1", "t-1", "s-1", "p-1" })
        {
            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        }

        Assert.Contains("--header Authorization: [redacted]", redacted, StringComparison.Ordinal);
        Assert.Contains("--token [redacted]", redacted, StringComparison.Ordinal);
        Assert.Contains("--client-secret=[redacted]", redacted, StringComparison.Ordinal);
        Assert.Contains("X-Load-Test: yes", redacted, StringComparison.Ordinal);
        Assert.Contains("--rate 5", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactingWriter_SecretWrittenInPieces_RedactedWhole()
    {
        using var inner = new StringWriter();
        using (var writer = new RedactingWriter(inner))
        {
            writer.Write("Authorization: Bea");
            writer.Write("rer ");
            writer.Write(Jwt[..10]);
            writer.Write(Jwt[10..]);
            writer.WriteLine();
            writer.Write("no newline at the end: client_secret=abc");
        }

        var text = inner.ToString();
        Assert.DoesNotContain(Jwt[..10], text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", text, StringComparison.Ordinal);
        Assert.Contains("Authorization: [redacted]", text, StringComparison.Ordinal);
        Assert.Contains("client_secret=[redacted]", text, StringComparison.Ordinal);
    }
}
