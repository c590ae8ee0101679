using System.Net;
using System.Net.Http.Headers;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>Import (upserts with history), read, vread, ETags, and paging that holds still while data changes.</summary>
[Collection(StoreTestGroup.Name)]
public sealed class WriteAndReadTests(StoreBackends backends)
{
    private const string Patient = """{"resourceType":"Patient","id":"p1","name":[{"family":"First"}],"birthDate":"1970-01-01"}""";
    private const string PatientChanged = """{"resourceType":"Patient","id":"p1","name":[{"family":"Second"}],"birthDate":"1970-01-01"}""";

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Import_SameThenChanged_UnchangedThenNewVersionWithHistory(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var first = await host.ImportAsync(Patient);
        var again = await host.ImportAsync(Patient);
        var changed = await host.ImportAsync(PatientChanged);
        var client = host.Operator();

        using var current = await client.GetAsync(new Uri("/r4/Patient/p1", UriKind.Relative), TestContext.Current.CancellationToken);
        using var v1 = await client.GetAsync(new Uri("/r4/Patient/p1/_history/1", UriKind.Relative), TestContext.Current.CancellationToken);
        using var v3 = await client.GetAsync(new Uri("/r4/Patient/p1/_history/3", UriKind.Relative), TestContext.Current.CancellationToken);
        using var oldName = await client.GetAsync(new Uri("/r4/Patient?family=first", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("1 created", first, StringComparison.Ordinal);
        Assert.Contains("1 unchanged", again, StringComparison.Ordinal);
        Assert.Contains("1 updated", changed, StringComparison.Ordinal);
        var resource = await Fhir.JsonAsync(current);
        Assert.Equal("2", resource.GetProperty("meta").GetProperty("versionId").GetString());
        Assert.Equal("Second", resource.GetProperty("name")[0].GetProperty("family").GetString());
        Assert.Equal("W/\"2\"", current.Headers.ETag?.ToString());
        Assert.NotNull(current.Content.Headers.LastModified);
        Assert.Equal("First", (await Fhir.JsonAsync(v1)).GetProperty("name")[0].GetProperty("family").GetString());
        Assert.Equal(HttpStatusCode.NotFound, v3.StatusCode);
        Assert.Empty(Fhir.Ids(await Fhir.JsonAsync(oldName)));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Read_IfNoneMatchCurrentVersion_304(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(Patient);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/r4/Patient/p1");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"1\"", isWeak: true));

        using var response = await host.Operator().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Import_BadLines_ReportedAndTheRestStored(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var ndjson = string.Join('\n',
            """{"resourceType":"Patient","id":"good1"}""",
            "{not json",
            """{"resourceType":"Patient","id":"bad-date","birthDate":"1950-13-45"}""",
            """{"resourceType":"Bundle","id":"b1","type":"collection"}""",
            """{"resourceType":"Patient","id":"has space"}""",
            """{"resourceType":"Patient","id":"p2","unknownField":true}""",
            """{"resourceType":"Coverage","id":"c1","status":"active","beneficiary":{"reference":"Patient/ghost"},"payor":[{"reference":"Patient/good1"}]}""",
            """{"resourceType":"Patient","id":"good2"}""");

        var report = await host.ImportAsync(ndjson);
        using var count = await host.Operator().GetAsync(new Uri("/r4/Patient?_summary=count", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("3 stored", report, StringComparison.Ordinal);
        Assert.Contains("5 rejected", report, StringComparison.Ordinal);
        Assert.Contains("line 2: malformed JSON", report, StringComparison.Ordinal);
        Assert.Contains("line 3: Patient.birthDate", report, StringComparison.Ordinal);
        Assert.Contains("line 4: Bundle is not a resource type this server stores", report, StringComparison.Ordinal);
        Assert.Contains("line 5: id is missing or is not a FHIR id", report, StringComparison.Ordinal);
        Assert.Contains("line 6: Patient.unknownField", report, StringComparison.Ordinal);
        Assert.Contains("Coverage/c1 refers to Patient/ghost, which does not exist", report, StringComparison.Ordinal);
        Assert.Equal(2, (await Fhir.JsonAsync(count)).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Paging_WhileInserting_EveryOriginalSeenOnceInOrder(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(string.Join('\n', Enumerable.Range(0, 25).Select(i => $$"""{"resourceType":"Patient","id":"p{{i:D2}}","birthDate":"19{{50 + i}}-01-01"}""")));
        var client = host.Operator();
        var seen = new List<string>();
        string? next = "/r4/Patient?_sort=birthdate&_count=4";
        var inserted = 0;
        while (next is not null)
        {
            using var response = await client.GetAsync(new Uri(new Uri("http://localhost"), next).PathAndQuery, TestContext.Current.CancellationToken);
            var bundle = await Fhir.JsonAsync(response);
            seen.AddRange(Fhir.Ids(bundle));
            next = Fhir.Link(bundle, "next");
            // Newcomers land both before the cursor (earlier births) and after it.
            await host.ImportAsync($$"""{"resourceType":"Patient","id":"new{{inserted}}","birthDate":"{{(inserted % 2 == 0 ? 1900 : 2010) + inserted}}-06-01"}""");
            inserted++;
        }

        var originals = seen.Where(s => s.StartsWith("Patient/p", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"Patient/p{i:D2}"), originals);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Paging_PreviousLink_ReturnsThePageBefore(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(string.Join('\n', Enumerable.Range(0, 9).Select(i => $$"""{"resourceType":"Patient","id":"p{{i}}"}""")));
        var client = host.Operator();
        using var first = await client.GetAsync(new Uri("/r4/Patient?_count=3", UriKind.Relative), TestContext.Current.CancellationToken);
        var firstBundle = await Fhir.JsonAsync(first);
        using var second = await client.GetAsync(new Uri(Fhir.Link(firstBundle, "next")!).PathAndQuery, TestContext.Current.CancellationToken);
        var secondBundle = await Fhir.JsonAsync(second);
        using var back = await client.GetAsync(new Uri(Fhir.Link(secondBundle, "previous")!).PathAndQuery, TestContext.Current.CancellationToken);
        var backBundle = await Fhir.JsonAsync(back);

        Assert.Null(Fhir.Link(firstBundle, "previous"));
        Assert.Equal(["Patient/p3", "Patient/p4", "Patient/p5"], Fhir.Ids(secondBundle));
        Assert.Equal(Fhir.Ids(firstBundle), Fhir.Ids(backBundle));
        Assert.NotNull(Fhir.Link(backBundle, "next"));
    }

    [Fact]
    public async Task Metadata_CapabilityStatement_ListsTypesInteractionsAndParameters()
    {
        using var response = await backends[StoreBackends.Sqlite].CreateClient().GetAsync(new Uri("/r4/metadata", UriKind.Relative), TestContext.Current.CancellationToken);
        var capability = await Fhir.JsonAsync(response);
        var resources = capability.GetProperty("rest")[0].GetProperty("resource").EnumerateArray().ToList();
        var eob = resources.Single(r => r.GetProperty("type").GetString() == "ExplanationOfBenefit");

        Assert.Equal("4.0.1", capability.GetProperty("fhirVersion").GetString());
        Assert.Equal(21, resources.Count);
        Assert.Equal(["read", "vread", "search-type"], eob.GetProperty("interaction").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Contains(eob.GetProperty("searchParam").EnumerateArray(), p => p.GetProperty("name").GetString() == "patient");
        Assert.Contains(eob.GetProperty("searchParam").EnumerateArray(), p => p.GetProperty("name").GetString() == "_lastUpdated");
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Import_TypedInput_OtherTypesRejected(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        using var content = new StringContent(Patient + "\n" + """{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"}}""");

        using var response = await host.Operator().PostAsync(new Uri("/r4/$import?type=Patient", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var report = Fhir.Diagnostics(await Fhir.JsonAsync(response));

        Assert.Contains("1 stored", report, StringComparison.Ordinal);
        Assert.Contains("line 2: resourceType is Observation, expected Patient", report, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Import_FromImportFolder_TypeFromFileNameAndNoEscape(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var folder = Path.Combine(host.DataDirectory, "import");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Patient.ndjson"), Patient + "\n", TestContext.Current.CancellationToken);
        var client = host.Operator();

        using var ok = await client.PostAsync(new Uri("/r4/$import?path=Patient.ndjson", UriKind.Relative), null, TestContext.Current.CancellationToken);
        foreach (var escape in new[] { "../fhir-store.db", "/etc/passwd", "..%2Ffhir-store.db", "import/../../x", "missing.ndjson" })
        {
            using var refused = await client.PostAsync(new Uri($"/r4/$import?path={escape}", UriKind.Relative), null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("is not a file in the import folder", Fhir.Diagnostics(await Fhir.JsonAsync(refused)), StringComparison.Ordinal);
        }

        Assert.Contains("1 created", Fhir.Diagnostics(await Fhir.JsonAsync(ok)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Include_CyclicAndDeepIterate_EachResourceOnceAndBounded(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(string.Join('\n',
            """{"resourceType":"Patient","id":"a","link":[{"other":{"reference":"Patient/b"},"type":"seealso"}]}""",
            """{"resourceType":"Patient","id":"b","link":[{"other":{"reference":"Patient/a"},"type":"seealso"}]}"""));
        var target = "/r4/Patient?_id=a" + string.Concat(Enumerable.Repeat("&_include:iterate=Patient:link&_revinclude:iterate=Patient:link", 10));

        using var response = await host.Operator().GetAsync(new Uri(target, UriKind.Relative), TestContext.Current.CancellationToken);
        var bundle = await Fhir.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Patient/a"], Fhir.Ids(bundle));
        Assert.Equal(["Patient/b"], Fhir.Ids(bundle, "include"));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_LastUpdated_FindsByServerTime(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        await host.ImportAsync(Patient);
        var client = host.Operator();
        var stamp = before.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "Z";

        using var after = await client.GetAsync(new Uri($"/r4/Patient?_lastUpdated=gt{stamp}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var earlier = await client.GetAsync(new Uri($"/r4/Patient?_lastUpdated=lt{stamp}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var sorted = await client.GetAsync(new Uri("/r4/Patient?_sort=-_lastUpdated", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(["Patient/p1"], Fhir.Ids(await Fhir.JsonAsync(after)));
        Assert.Empty(Fhir.Ids(await Fhir.JsonAsync(earlier)));
        Assert.Equal(["Patient/p1"], Fhir.Ids(await Fhir.JsonAsync(sorted)));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Paging_SortOnLongValues_CursorLongerThanASearchValueIsFollowed(string backend)
    {
        // The cursor carries the sort value (1,600 characters here): longer than Search:MaxValueLength, still the store's own.
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(string.Join('\n', Enumerable.Range(0, 3).Select(i => $$"""{"resourceType":"Patient","id":"long{{i}}","name":[{"family":"{{new string('a', 1600)}}{{i}}"}]}""")));
        var seen = new List<string>();
        string? next = "/r4/Patient?_sort=family&_count=1";
        while (next is not null && seen.Count < 10)
        {
            using var response = await host.Operator().GetAsync(new Uri(next, UriKind.Relative), TestContext.Current.CancellationToken);
            var bundle = await Fhir.JsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, bundle.ToString());
            seen.AddRange(Fhir.Ids(bundle));
            next = Fhir.Link(bundle, "next") is { } link ? new Uri(link).PathAndQuery : null;
        }

        Assert.Equal(["Patient/long0", "Patient/long1", "Patient/long2"], seen);
    }
}
