using Microsoft.Extensions.Primitives;
using PatientAccess.Monitor.Search;

namespace PatientAccess.Monitor.Tests.Unit.Search;

public sealed class AuditQueryParserTests
{
    private static (AuditQuery? Query, string? Error) Parse(params (string Name, string Value)[] parameters) =>
        AuditQueryParser.Parse(parameters.Select(p => new KeyValuePair<string, StringValues>(p.Name, p.Value)));

    private static long Ms(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData("2026-12-07", "2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z")]
    [InlineData("eq2026-12", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("ge2026-12-07", "2026-12-07T00:00:00Z", null)]
    [InlineData("gt2026-12-07", "2026-12-08T00:00:00Z", null)]
    [InlineData("sa2026-12-07", "2026-12-08T00:00:00Z", null)]
    [InlineData("lt2026-12-07", null, "2026-12-07T00:00:00Z")]
    [InlineData("eb2026-12-07", null, "2026-12-07T00:00:00Z")]
    [InlineData("le2026-12-07", null, "2026-12-08T00:00:00Z")]
    [InlineData("ge2026-12-07T10:00:00+02:00", "2026-12-07T08:00:00Z", null)]
    public void Parse_DateWithPrefix_RangeOfTheWrittenPrecision(string value, string? from, string? before)
    {
        var (query, error) = Parse(("date", value));

        Assert.Null(error);
        var date = Assert.Single(query!.Dates);
        Assert.Equal(from is null ? null : Ms(from), date.FromMs);
        Assert.Equal(before is null ? null : Ms(before), date.BeforeMs);
    }

    [Theory]
    [InlineData("date", "ne2026-12-07")]
    [InlineData("date", "ap2026-12-07")]
    [InlineData("date", "2026-13-01")]
    [InlineData("date", "yesterday")]
    [InlineData("outcome", "3")]
    [InlineData("_count", "0")]
    [InlineData("_count", "1001")]
    [InlineData("_count", "ten")]
    [InlineData("_cursor", "abc")]
    [InlineData("client", "app-1")]
    [InlineData("agent", "")]
    public void Parse_BadParameter_ErrorNamingIt(string name, string value)
    {
        var (query, error) = Parse((name, value));

        Assert.Null(query);
        Assert.Contains(name == "client" ? "'client'" : name.TrimStart('_'), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TokensAndReferences_CodesAndIds()
    {
        var (query, _) = Parse(("patient", "Patient/pat-1,pat-2"), ("subtype", "http://hl7.org/fhir/restful-interaction|read"), ("outcome", "4,8"), ("agent", "app-1"));

        Assert.Equal(["pat-1", "pat-2"], query!.Patients.Single());
        Assert.Equal(["read"], query.Subtypes.Single());
        Assert.Equal(["4", "8"], query.Outcomes.Single());
        Assert.Equal(["app-1"], query.Agents.Single());
    }
}
