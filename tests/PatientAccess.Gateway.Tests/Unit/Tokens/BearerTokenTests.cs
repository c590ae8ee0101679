using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Tests.Unit.Tokens;

/// <summary>RFC 6750 §2.1 credentials: <c>Bearer</c> in any case, one or more spaces, a token without whitespace.</summary>
public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("BEARER abc", "abc")]
    [InlineData("Bearer   abc", "abc")]
    [InlineData("  Bearer abc  ", "abc")]
    [InlineData("Bearer a-b_c~d+e/f==", "a-b_c~d+e/f==")]
    public void BearerToken_WellFormed_TheToken(string header, string expected) =>
        Assert.Equal(expected, TokenMiddleware.BearerToken(header)?.ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer    ")]
    [InlineData("Bearerabc")]
    [InlineData("Bearer\tabc")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer abc def")]
    [InlineData("Bearer abc\tdef")]
    [InlineData("Token abc")]
    [InlineData("Bearers abc")]
    public void BearerToken_Anything_Else_Null(string? header) =>
        Assert.Null(TokenMiddleware.BearerToken(header));
}
