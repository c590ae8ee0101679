using System.Text.Json.Nodes;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Tests.Support;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Tests.Unit.Events;

/// <summary>Malformed entries are refused with a reason that names what is wrong (they go to the dead letters).</summary>
public sealed class StreamEntryParserTests
{
    private static string? Error(params NameValueEntry[] fields) => StreamEntryParser.Parse(new StreamEntry("5-0", fields)).Error;

    private static string? GatewayError(Action<JsonObject> change)
    {
        var e = StreamEvents.Gateway();
        change(e);
        return Error(new("id", (string?)e["id"] ?? "x"), new("event", e.ToJsonString()));
    }

    [Fact]
    public void Parse_NotJson_Refused() => Assert.Contains("not JSON", Error(new("id", "a1"), new("event", "{not json")), StringComparison.Ordinal);

    [Fact]
    public void Parse_JsonArray_Refused() => Assert.Contains("not a JSON object", Error(new("id", "a1"), new("event", "[1,2]")), StringComparison.Ordinal);

    [Fact]
    public void Parse_UnknownShape_Refused() => Assert.Contains("neither", Error(new NameValueEntry("foo", "bar")), StringComparison.Ordinal);

    [Fact]
    public void Parse_NoFields_Refused() => Assert.NotNull(StreamEntryParser.Parse(new StreamEntry("5-0", null!)).Error);

    [Theory]
    [InlineData("id", "event.id")]
    [InlineData("time", "event.time")]
    [InlineData("method", "event.method")]
    [InlineData("status", "event.status")]
    [InlineData("decision", "event.decision")]
    public void Parse_GatewayEventMissingAField_RefusedNamingIt(string field, string named) =>
        Assert.Contains(named, GatewayError(e => e.Remove(field)), StringComparison.Ordinal);

    [Theory]
    [InlineData("id", "has/slash")]
    [InlineData("id", "0123456789012345678901234567890123456789012345678901234567890123456789")]
    [InlineData("time", "yesterday")]
    [InlineData("status", "200")]
    [InlineData("decision", "maybe")]
    public void Parse_GatewayEventBadValue_Refused(string field, string value) =>
        Assert.NotNull(GatewayError(e => e[field] = value));

    [Fact]
    public void Parse_EntryIdAndEventIdDiffer_Refused()
    {
        var e = StreamEvents.Gateway();
        Assert.Contains("differ", Error(new("id", "other"), new("event", e.ToJsonString())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("client_id")]
    [InlineData("time")]
    public void Parse_AuthServerEventMissingAField_Refused(string field)
    {
        var fields = StreamEvents.AuthServer("grant.approved").Where(f => f.Name != field).ToArray();
        Assert.NotNull(Error(fields));
    }

    /// <summary>
    /// A lone surrogate escaped in the JSON cannot be read as text: the entry is refused with a
    /// reason (a dead letter), rather than throwing and stalling the consumer on its batch.
    /// </summary>
    [Fact]
    public void Parse_LoneSurrogateEscapedInAField_RefusedAsUnreadable()
    {
        var e = StreamEvents.Gateway();
        var json = e.ToJsonString().Replace("\"app-1\"", "\"app\\ud800x\"", StringComparison.Ordinal);

        var parsed = StreamEntryParser.Parse(new StreamEntry("5-0", [new("id", (string)e["id"]!), new("event", json)]));

        Assert.Null(parsed.Event);
        Assert.StartsWith("unreadable entry", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClockSkewedByHours_KeptWithItsOwnTime()
    {
        var skewed = DateTimeOffset.UtcNow.AddHours(7);
        var e = StreamEvents.Gateway(time: skewed);
        var parsed = StreamEntryParser.Parse(new StreamEntry("5-0", StreamEvents.Entry(e)));

        Assert.Null(parsed.Error);
        Assert.Equal(skewed.ToUnixTimeMilliseconds(), parsed.Event!.Time.ToUnixTimeMilliseconds());
    }
}
