using System.Globalization;
using Hl7.Fhir.Model;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Fhir;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Tests.Unit.Fhir;

/// <summary>
/// The directly written AuditEvent JSON against Firely, the oracle: for thousands of varied events
/// (every subtype, refusals, every authserver event type, missing fields, odd characters, offsets
/// and precisions of time) the JSON reads strictly as R4, equals the Firely-built resource element
/// by element, and is byte for byte what Firely's serializer writes.
/// </summary>
public sealed class AuditEventJsonTests
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "get", "PROPFIND"];

    private static readonly string?[] Routes =
    [
        "/r4/metadata", "/r4/{type}", "/r4/{type}/_search", "/r4/{type}/{id}", "/r4/{type}/{id}/_history",
        "/r4/{type}/{id}/_history/{vid}", "/r4/{type}/$everything", "/r4/Patient/{id}/$everything", "/other", null,
    ];

    private static readonly string[] AuthServerTypes =
    [
        "grant.approved", "grant.denied", "token.issued", "code.reused", "refresh_token.reused",
        "client.authentication_failed", "client.authentication_throttled", "authorize.refused", "enforcement.step", "x",
    ];

    private static readonly string?[] Texts =
    [
        null, "plain", "with \"quotes\" and \\ backslash", "<script>&'+</script>", "accentué ñ 東京 😀",
        "tab\tnew\nline\u0001ctl", "replacement \uFFFD", " padded ", "a,b,c", "x",
    ];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Write_VariedEvents_SameAsFirelyElementByElementAndByteForByte(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            var source = random.Next(4) == 0 ? AuthServerEvent(random, i) : GatewayEvent(random, i);
            AssertSameAsFirely(source);
        }
    }

    [Fact]
    public void Write_EveryMethodAndRoute_SameSubtypeAndActionAsFirely()
    {
        foreach (var method in Methods)
        {
            foreach (var route in Routes)
            {
                foreach (var type in new[] { null, "Patient", "ExplanationOfBenefit" })
                {
                    foreach (var shape in new[] { null, string.Empty, "_count,patient" })
                    {
                        AssertSameAsFirely(new SourceEvent
                        {
                            Id = Guid.NewGuid().ToString("N"), Producer = SourceEvent.Gateway, Time = DateTimeOffset.UtcNow, Type = "request",
                            Method = method, Route = route, ResourceType = type, QueryShape = shape, Status = 405, Decision = "refuse", Reason = "method",
                        });
                    }
                }
            }
        }
    }

    [Fact]
    public void Write_ParsedStreamEntries_SameAsFirely()
    {
        var entries = new List<StreamEntry>
        {
            new("1-1", StreamEvents.Entry(StreamEvents.Gateway())),
            new("1-2", StreamEvents.Entry(StreamEvents.Gateway(route: "/r4/{type}/{id}", resourceType: "Patient", status: 404))),
            new("1-3", StreamEvents.Entry(StreamEvents.Gateway(status: 403, decision: "refuse", reason: "geo", clientId: null, member: null, patient: null, tokenId: null, country: "NL"))),
            new("1-4", StreamEvents.Entry(StreamEvents.Gateway(method: "DELETE", route: "/r4/{type}/{id}", status: 405, decision: "refuse", reason: "method"))),
            new("1-5", StreamEvents.Entry(StreamEvents.Gateway(status: 429, decision: "refuse", reason: "rate", time: new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(-5))))),
            new("1-6", StreamEvents.AuthServer("code.reused", detail: "second use")),
            new("1-7", StreamEvents.AuthServer("grant.approved", grant: null, member: null)),
        };
        foreach (var entry in entries)
        {
            var parsed = StreamEntryParser.Parse(entry);
            Assert.Null(parsed.Error);
            AssertSameAsFirely(parsed.Event!);
        }
    }

    [Theory]
    [InlineData("2026-12-07T06:24:22Z")]
    [InlineData("2026-12-07T06:24:22.1Z")]
    [InlineData("2026-12-07T06:24:22.1234567Z")]
    [InlineData("2026-12-07T06:24:22.120+05:30")]
    [InlineData("1999-01-01T00:00:00-08:00")]
    public void Instant_Precisions_AsFirelyWritesThem(string time)
    {
        var value = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
        AssertSameAsFirely(new SourceEvent { Id = "t1", Producer = SourceEvent.AuthServer, Time = value, Type = "token.issued", ClientId = "app" });
        Assert.Equal(value, DateTimeOffset.Parse(AuditEventJson.Instant(value), CultureInfo.InvariantCulture));
    }

    private static void AssertSameAsFirely(SourceEvent source)
    {
        var direct = AuditEventMapper.ToRow(source);
        var firely = AuditEventMapper.ToFirelyRow(source);
        var parsedDirect = StrictFhir.Parse<AuditEvent>(direct.Json);
        var parsedFirely = StrictFhir.Parse<AuditEvent>(firely.Json);
        Assert.True(parsedDirect.IsExactly(parsedFirely), $"differs from Firely's model:\n{direct.Json}\n{firely.Json}");
        Assert.True(parsedDirect.IsExactly(AuditEventMapper.ToAuditEvent(source)), "differs from the model itself");
        Assert.Equal(firely.Json, direct.Json);
        Assert.Equal(firely, direct);
    }

    private static SourceEvent GatewayEvent(Random random, int n)
    {
        var status = new[] { 200, 200, 200, 201, 304, 400, 401, 403, 404, 405, 429, 500, 502, 504 }[random.Next(14)];
        return new SourceEvent
        {
            Id = Guid.CreateVersion7().ToString(random.Next(2) == 0 ? "N" : "D"),
            Producer = SourceEvent.Gateway,
            Time = RandomTime(random),
            Type = "request",
            ClientId = Pick(random, Texts),
            Member = Pick(random, Texts),
            Patient = random.Next(3) == 0 ? null : "pat-" + n.ToString(CultureInfo.InvariantCulture),
            TokenId = Pick(random, Texts),
            RequestId = Pick(random, Texts),
            Method = Methods[random.Next(Methods.Length)],
            Route = Routes[random.Next(Routes.Length)],
            ResourceType = Pick(random, [null, "Patient", "Coverage", "ExplanationOfBenefit", "Observation", "Weird<Type>"]),
            QueryShape = Pick(random, [null, string.Empty, "_count,patient", "patient", "_lastUpdated,_count,patient", "odd\u0001name"]),
            Status = random.Next(10) == 0 ? null : status,
            Bytes = random.Next(3) == 0 ? null : random.NextInt64(0, 10_000_000),
            DurationMilliseconds = random.Next(3) == 0 ? null : Math.Round(random.NextDouble() * 1000, random.Next(6)),
            ClientAddress = Pick(random, [null, "8.8.8.8", "2001:db8::1", "203.0.113.7"]),
            Country = Pick(random, [null, "US", "NL", "??"]),
            Decision = Pick(random, [null, "allow", "refuse"]),
            Reason = Pick(random, Texts),
            Replica = Pick(random, Texts),
        };
    }

    private static SourceEvent AuthServerEvent(Random random, int n) => new()
    {
        Id = "authserver-1733500000000-" + n.ToString(CultureInfo.InvariantCulture),
        Producer = SourceEvent.AuthServer,
        Time = RandomTime(random),
        Type = AuthServerTypes[random.Next(AuthServerTypes.Length)],
        ClientId = Pick(random, Texts) ?? "app-1",
        Member = Pick(random, Texts),
        GrantId = Pick(random, Texts),
        Reason = Pick(random, Texts),
        Replica = SourceEvent.AuthServer,
    };

    private static DateTimeOffset RandomTime(Random random)
    {
        var utc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(0, TimeSpan.FromDays(3000).Ticks));
        if (random.Next(3) == 0)
        {
            utc = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        }

        var offset = TimeSpan.FromMinutes(new[] { 0, 0, 0, -300, 330, 60 }[random.Next(6)]);
        return new DateTimeOffset(utc).ToOffset(offset);
    }

    private static string? Pick(Random random, string?[] values) => values[random.Next(values.Length)];
}
