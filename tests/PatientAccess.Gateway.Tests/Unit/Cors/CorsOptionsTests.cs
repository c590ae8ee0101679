using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Cors;

namespace PatientAccess.Gateway.Tests.Unit.Cors;

public sealed class CorsOptionsTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("https://app.example")]
    [InlineData("https://app.example, http://localhost:3000")]
    public void Validate_AnyOrAListOfOrigins_Accepted(string origins) =>
        Assert.Empty(new CorsOptions { AllowedOrigins = origins }.Validate(new ValidationContext(new object())));

    [Theory]
    [InlineData("https://app.example/")]
    [InlineData("https://app.example/path")]
    [InlineData("app.example")]
    [InlineData("ftp://app.example")]
    [InlineData("*, https://app.example")]
    public void Validate_NotAnOrigin_RefusedNamingIt(string origins)
    {
        var errors = new CorsOptions { AllowedOrigins = origins }.Validate(new ValidationContext(new object())).ToList();

        Assert.NotEmpty(errors);
        Assert.Contains(nameof(CorsOptions.AllowedOrigins), errors[0].MemberNames);
    }

    [Fact]
    public void AllowOrigin_List_EchoesListedOnlyAndNeverAWildcard()
    {
        var policy = new CorsPolicy(Options.Create(new CorsOptions { AllowedOrigins = "https://app.example" }));

        Assert.Equal("https://app.example", policy.AllowOrigin("https://app.example"));
        Assert.Null(policy.AllowOrigin("https://evil.example"));
        Assert.Null(policy.AllowOrigin("null"));
        Assert.Null(policy.AllowOrigin(new Microsoft.Extensions.Primitives.StringValues(["https://app.example", "https://evil.example"])));
    }
}
