using PatientAccess.Fhir.Search;

namespace PatientAccess.Fhir.Tests.Unit.Search;

public sealed class SearchStringNormalizerTests
{
    [Theory]
    [InlineData("Allen", "allen")]
    [InlineData("Zoë", "zoe")]
    [InlineData("JOSÉ MARÍA Núñez", "jose maria nunez")]
    [InlineData("Ångström", "angstrom")]
    [InlineData("02114", "02114")]
    public void Normalize_MixedCaseAndAccents_LowerCaseWithoutAccents(string value, string expected)
    {
        Assert.Equal(expected, SearchStringNormalizer.Normalize(value));
    }
}
