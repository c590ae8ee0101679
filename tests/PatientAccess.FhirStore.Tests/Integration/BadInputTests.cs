using System.Net;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>Every bad input is a 4xx OperationOutcome: no 500, nothing stored, nothing leaked.</summary>
[Collection(StoreTestGroup.Name)]
public sealed class BadInputTests(StoreBackends backends)
{
    public static TheoryData<string, string, int, string> Searches()
    {
        var data = new TheoryData<string, string, int, string>();
        (string Query, int Status, string Diagnostic)[] cases =
        [
            ("/r4/Foo?name=x", 404, "'Foo' is not a resource type"),
            ("/r4/Patient?birthdate=1950-13-45", 400, "is not a FHIR date"),
            ("/r4/Patient?birthdate=xx2020", 400, "is not a FHIR date"),
            ("/r4/Patient?birthdate=2020-02-30", 400, "is not a FHIR date"),
            ("/r4/Observation?value-quantity=gtabc", 400, "is not a number"),
            ("/r4/Observation?value-quantity=1|2", 400, "is not a quantity"),
            ("/r4/Patient?family:foo=x", 400, "modifier ':foo' is not supported"),
            ("/r4/Patient?gender:missing=maybe", 400, ":missing takes true or false"),
            ("/r4/Patient?_count=abc", 400, "is not a whole number"),
            ("/r4/Patient?_sort=nonsense", 400, "is not a sortable search parameter"),
            ("/r4/Patient?_total=lots", 400, "is not none, estimate or accurate"),
            ("/r4/Patient?_include=Patient:name", 400, "is not a reference parameter"),
            ("/r4/Patient?_include=Patient", 400, "is not Source:parameter"),
            ("/r4/Patient?_cursor=not-a-cursor", 400, "not a page cursor"),
            ("/r4/ExplanationOfBenefit?patient.name.family=x", 400, "more than one level"),
            ("/r4/ExplanationOfBenefit?status.name=x", 400, "only reference parameters can be chained"),
            ("/r4/Patient/alice/_history/abc", 404, "is not a version"),
            ("/r4/Patient/nobody", 404, "Patient/nobody is not known"),
        ];
        foreach (var backend in new[] { StoreBackends.Sqlite, StoreBackends.PostgreSql })
        {
            foreach (var (query, status, diagnostic) in cases)
            {
                data.Add(backend, query, status, diagnostic);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Request_BadInput_OperationOutcomeWithStatus(string backend, string target, int status, string diagnostic)
    {
        using var response = await backends[backend].Operator().GetAsync(new Uri(target, UriKind.Relative), TestContext.Current.CancellationToken);
        var outcome = await Fhir.JsonAsync(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Contains(diagnostic, Fhir.Diagnostics(outcome), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Hostile()
    {
        string[] values =
        [
            "' OR 1=1 --", "x'); DROP TABLE resources; --", "%", "_", "\\", "a%_b", "\"", "ʕ•ᴥ•ʔ", "名字", "😀",
            "Robert'); DELETE FROM idx_token; --", "\u0000", "ge' OR '1'='1",
        ];
        string[] parameters =
        [
            "family", "family:exact", "name:contains", "identifier", "gender", "_id", "birthdate", "general-practitioner",
            "link", "address-postalcode", "_security", "_profile", "phone",
        ];
        var data = new TheoryData<string, string>();
        foreach (var backend in new[] { StoreBackends.Sqlite, StoreBackends.PostgreSql })
        {
            foreach (var parameter in parameters)
            {
                foreach (var value in values)
                {
                    data.Add(backend, $"/r4/Patient?{parameter}={Uri.EscapeDataString(value)}");
                }
            }
        }

        return data;
    }

    [Theory]
    [InlineData(StoreBackends.Sqlite, "/r4/Observation?value-quantity=")]
    [InlineData(StoreBackends.Sqlite, "/r4/Observation?value-quantity=5|' OR 1=1 --|kg")]
    [InlineData(StoreBackends.Sqlite, "/r4/Observation?value-quantity=5||%25")]
    [InlineData(StoreBackends.Sqlite, "/r4/Observation?code=%25|%25")]
    [InlineData(StoreBackends.Sqlite, "/r4/Observation?subject:Patient.name=%27%3B--")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Observation?value-quantity=5|' OR 1=1 --|kg")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Observation?value-quantity=5||%25")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Observation?subject:Patient.name=%27%3B--")]
    public async Task Search_HostileQuantityTokenChain_NoMatchOrClearError(string backend, string target) =>
        await Search_SqlMetacharactersAndUnicode_NoMatchOrClearError(backend, target);

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Search_SqlMetacharactersAndUnicode_NoMatchOrClearError(string backend, string target)
    {
        using var response = await backends[backend].Operator().GetAsync(new Uri(target, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await Fhir.JsonAsync(response);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Empty(Fhir.Ids(body));
        }

        // The data is all still there.
        using var check = await backends[backend].Operator().GetAsync(new Uri("/r4/Patient?_summary=count", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(2, (await Fhir.JsonAsync(check)).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_HugeCount_CappedAt500(string backend)
    {
        using var response = await backends[backend].Operator().GetAsync(new Uri("/r4/Patient?_count=1000000", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Fhir.Ids(await Fhir.JsonAsync(response)).Count);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_20KbQueryString_414OperationOutcome(string backend)
    {
        using var response = await backends[backend].Operator().GetAsync(new Uri("/r4/Patient?family=" + new string('a', 20 * 1024), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("OperationOutcome", (await Fhir.JsonAsync(response)).GetProperty("resourceType").GetString());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_UnknownParameter_LenientIgnoresStrictRefuses(string backend)
    {
        var client = backends[backend].Operator();
        using var lenient = await client.GetAsync(new Uri("/r4/Patient?shoe-size=12&family=allen", UriKind.Relative), TestContext.Current.CancellationToken);
        using var strict = new HttpRequestMessage(HttpMethod.Get, "/r4/Patient?shoe-size=12&family=allen");
        strict.Headers.Add("Prefer", "handling=strict");
        using var strictResponse = await client.SendAsync(strict, TestContext.Current.CancellationToken);
        var bundle = await Fhir.JsonAsync(lenient);

        Assert.Equal(["Patient/alice"], Fhir.Ids(bundle));
        Assert.Contains("shoe-size", bundle.GetProperty("entry").EnumerateArray().Last().GetProperty("resource").ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, strictResponse.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "/r4/Patient/alice")]
    [InlineData("DELETE", "/r4/Patient/alice")]
    [InlineData("PATCH", "/r4/Patient/alice")]
    [InlineData("POST", "/r4/Patient")]
    public async Task Write_AnyMethod_405(string method, string target)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = new StringContent("{}") };
        using var response = await backends[StoreBackends.Sqlite].Operator().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("OperationOutcome", (await Fhir.JsonAsync(response)).GetProperty("resourceType").GetString());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Import_AsMember_Forbidden(string backend)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/r4/$import")
        {
            Content = new StringContent("""{"resourceType":"Patient","id":"mallory"}"""),
        };
        request.Headers.Add(MemberContext.MemberContextCodec.HeaderName, backends[backend].SignFor("POST", "/r4/$import", ["alice"]));
        using var response = await backends[backend].CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        using var check = await backends[backend].Operator().GetAsync(new Uri("/r4/Patient/mallory", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
    }
}
