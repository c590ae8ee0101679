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
            // Issue 12, item 14: inputs that reached the database and failed there (500).
            ("/r4/Patient?family=" + new string('a', 2049), 400, "at most 2048 characters"),
            ("/r4/Patient?name:contains=" + new string('%', 3000), 400, "at most 2048 characters"),
            ("/r4/Patient?" + new string('x', 201) + "=1", 400, "at most 200 characters"),
            ("/r4/Patient?_sort=birthdate&_cursor=" + Cursor("[0,5,[\"not-a-number\"]]"), 400, "not a date sort value"),
            ("/r4/Patient?_sort=-_lastUpdated&_cursor=" + Cursor("[0,5,[\"99999999999999999999999\"]]"), 400, "not a date sort value"),
            ("/r4/Observation?_sort=value-quantity&_cursor=" + Cursor("[0,5,[\"NaN\"]]"), 400, "not a quantity sort value"),
            ("/r4/Patient?_sort=birthdate&_cursor=" + Cursor("[0,5,[\"1\",\"2\"]]"), 400, "does not belong to this search's _sort"),
            ("/r4/Patient?_cursor=" + Cursor("[0,5,[\"1\"]]"), 400, "does not belong to this search's _sort"),
            ("/r4/Patient?_cursor=" + Cursor("[\"x\",5,[]]"), 400, "not a page cursor"),
            ("/r4/Observation?value-quantity=79228162514264337593543950335", 400, "out of range"),
            ("/r4/Observation?value-quantity=ap-79228162514264337593543950335", 400, "out of range"),
            ("/r4/Observation?value-quantity=1e400", 400, "is not a number"),
            ("/r4/Patient?_sort=family,given,birthdate,gender,address,phone", 400, "at most 5 sort keys"),
            ("/r4/Patient?_sort=family,given,birthdate&_sort=gender,address,phone", 400, "at most 5 sort keys"),
            ("/r4/Patient?_count=-1", 400, "is not a whole number"),
            ("/r4/Patient?family:below=x", 400, "modifier ':below' is not supported"),
            ("/r4/Patient?_id:exact=x", 400, "modifier ':exact' is not supported"),
            ("/r4/Patient?general-practitioner.organization.name=x", 400, "more than one level"),
            // (%00 never reaches the store: Kestrel refuses a path with NUL itself.)
            ("/r4/Patient/%01", 400, "is not a FHIR id"),
            ("/r4/Patient/a%20b", 400, "is not a FHIR id"),
            ("/r4/Patient/al%0Aice", 400, "is not a FHIR id"),
            ("/r4/Patient/" + new string('a', 65) + "/_history/1", 400, "is not a FHIR id"),
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

    /// <summary>A page cursor as the store encodes one (base64url of its JSON), with any content.</summary>
    private static string Cursor(string json) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

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
    [InlineData(StoreBackends.Sqlite, "/r4/Patient?family=%FF%FE%ED%A0%80")]
    [InlineData(StoreBackends.Sqlite, "/r4/Patient?family=%zz%2")]
    [InlineData(StoreBackends.Sqlite, "/r4/Patient?_count=5&_count=7&family=x&family=y")]
    [InlineData(StoreBackends.Sqlite, "/r4/Patient?birthdate=ap9999-12-31T23:59:59-14:00")]
    [InlineData(StoreBackends.Sqlite, "/r4/Patient?birthdate=ap0001-01-01&birthdate=sa9999&birthdate=eb0001")]
    [InlineData(StoreBackends.Sqlite, "/r4/Observation?value-quantity=ap1e27&value-quantity=gt-1e27")]
    [InlineData(StoreBackends.Sqlite, "/r4/Patient?_count=99999999999999999999999999&_total=accurate")]
    [InlineData(StoreBackends.Sqlite, "/r4/Patient?_lastUpdated=ap9999&_sort=-_lastUpdated,_id")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Patient?family=%FF%FE%ED%A0%80")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Patient?birthdate=ap9999-12-31T23:59:59-14:00")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Observation?value-quantity=ap1e27&value-quantity=gt-1e27")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Patient?_lastUpdated=ap9999&_sort=-_lastUpdated,_id")]
    public async Task Search_EdgeValues_AnsweredNot500(string backend, string target)
    {
        using var response = await backends[backend].Operator().GetAsync(new Uri(target, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await Fhir.JsonAsync(response);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task PostSearch_FormValueTooLargeForLike_400(string backend)
    {
        // 60,000 characters: under the 64 KB form limit, over SQLite's 50,000-byte LIKE pattern limit.
        using var form = new FormUrlEncodedContent([new("name:contains", new string('a', 60_000))]);
        using var response = await backends[backend].Operator().PostAsync(new Uri("/r4/Patient/_search", UriKind.Relative), form, TestContext.Current.CancellationToken);
        var outcome = await Fhir.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 2048 characters", Fhir.Diagnostics(outcome), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded; charset=utf-7")]
    [InlineData("application/x-www-form-urlencoded; charset=no-such-charset")]
    [InlineData("application/x-www-form-urlencoded; charset=utf-16")]
    public async Task PostSearch_CharsetOtherThanUtf8_415(string contentType)
    {
        using var content = new ByteArrayContent("family=allen"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await backends[StoreBackends.Sqlite].Operator().PostAsync(new Uri("/r4/Patient/_search", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("must be UTF-8", Fhir.Diagnostics(await Fhir.JsonAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSearch_Utf8Charset_Answered()
    {
        using var content = new ByteArrayContent("family=allen"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        using var response = await backends[StoreBackends.Sqlite].Operator().PostAsync(new Uri("/r4/Patient/_search", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(["Patient/alice"], Fhir.Ids(await Fhir.JsonAsync(response)));
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
