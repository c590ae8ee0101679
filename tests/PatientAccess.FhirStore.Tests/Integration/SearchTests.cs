using System.Net;

namespace PatientAccess.FhirStore.Tests.Integration;

[Collection(StoreTestGroup.Name)]
public sealed class SearchTests(StoreBackends backends)
{
    private static readonly (string Query, string[] Expected)[] Cases =
    [
        // token: code, system|code, |code (no system), :not, :text, several values (OR)
        ("Observation?code=8867-4", ["Observation/obs-alice-hr", "Observation/obs-bob-hr"]),
        ("Observation?code=http://loinc.org|29463-7", ["Observation/obs-alice-wt"]),
        ("Observation?code=|8867-4", []),
        ("ExplanationOfBenefit?status:not=active", ["ExplanationOfBenefit/eob-alice-3"]),
        ("Observation?code:text=body weight", ["Observation/obs-alice-wt"]),
        ("ExplanationOfBenefit?status=cancelled,draft", ["ExplanationOfBenefit/eob-alice-3"]),
        ("Observation?code=29463-7,8867-4", ["Observation/obs-alice-hr", "Observation/obs-alice-wt", "Observation/obs-bob-hr"]),
        // string: starts-with ignoring case and accents, :exact, :contains
        ("Patient?family=nun", ["Patient/bob"]),
        ("Patient?given=JOSE", ["Patient/bob"]),
        ("Patient?family:exact=Núñez", ["Patient/bob"]),
        ("Patient?family:exact=nunez", []),
        ("Patient?name:contains=lle", ["Patient/alice"]),
        ("Patient?address-postalcode=02114", ["Patient/alice"]),
        // the authorization server's identity lookup
        ("Patient?identifier=http://example.org/member-id|111111111111&birthdate=1950-10-19&family=allen&given=alice&address-postalcode=02114", ["Patient/alice"]),
        // date: partial dates, every prefix, periods
        ("ExplanationOfBenefit?created=2024", ["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-bob-1"]),
        ("ExplanationOfBenefit?created=2024-03", ["ExplanationOfBenefit/eob-alice-2"]),
        ("ExplanationOfBenefit?created=gt2024-01-15", ["ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-bob-1"]),
        ("ExplanationOfBenefit?created=ge2024-01-15", ["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-bob-1"]),
        ("ExplanationOfBenefit?created=lt2024", ["ExplanationOfBenefit/eob-alice-3"]),
        ("ExplanationOfBenefit?created=le2023-06-30", ["ExplanationOfBenefit/eob-alice-3"]),
        ("ExplanationOfBenefit?created=ne2024", ["ExplanationOfBenefit/eob-alice-3"]),
        ("ExplanationOfBenefit?created=sa2024-01-31", ["ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-bob-1"]),
        ("ExplanationOfBenefit?created=eb2024-01-01", ["ExplanationOfBenefit/eob-alice-3"]),
        ("ExplanationOfBenefit?created=ge2024-01-01&created=lt2024-02-01", ["ExplanationOfBenefit/eob-alice-1"]),
        ("Observation?date=2023-05-02", []),
        ("Observation?date=ge2023-05-02&date=le2023-05-02", ["Observation/obs-alice-wt"]),
        ("Observation?date=2024-03-01T10:30:00Z", ["Observation/obs-alice-hr"]),
        ("Condition?onset-date=2019", ["Condition/cond-alice-htn"]),
        // reference: Type/id, bare id, absolute URL, chained one level, type modifier
        ("Coverage?beneficiary=Patient/bob", ["Coverage/cov-bob"]),
        ("ExplanationOfBenefit?patient=bob", ["ExplanationOfBenefit/eob-bob-1"]),
        ("ExplanationOfBenefit?patient=http://other.example/r4/Patient/bob", ["ExplanationOfBenefit/eob-bob-1"]),
        ("ExplanationOfBenefit?patient.identifier=111111111111", ["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-alice-3"]),
        ("ExplanationOfBenefit?provider:Practitioner.family=lee", ["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-bob-1"]),
        // quantity and number
        ("Observation?value-quantity=gt80", ["Observation/obs-bob-hr"]),
        ("Observation?value-quantity=72|http://unitsofmeasure.org|/min", ["Observation/obs-alice-hr"]),
        ("Observation?value-quantity=68.5||kg", ["Observation/obs-alice-wt"]),
        ("Observation?value-quantity=le68.5", ["Observation/obs-alice-wt"]),
        // :missing, _id
        ("Coverage?subscriber:missing=true", ["Coverage/cov-bob"]),
        ("Coverage?subscriber:missing=false", ["Coverage/cov-alice"]),
        ("Patient?_id=bob,alice", ["Patient/alice", "Patient/bob"]),
        // uri: exact and :below
        ("Patient?_profile=http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient", ["Patient/alice"]),
        ("Observation?_source=http://example.org/lab%23x", ["Observation/obs-bob-hr"]),
        ("DocumentReference?location:below=http://example.org/docs/", ["DocumentReference/doc-alice"]),
        ("DocumentReference?location=http://example.org/docs/", []),
    ];

    public static TheoryData<string, string, string[]> BothBackends()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var (query, expected) in Cases)
        {
            data.Add(StoreBackends.Sqlite, query, expected);
            data.Add(StoreBackends.PostgreSql, query, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BothBackends))]
    public async Task Search_Parameter_ExpectedMatches(string backend, string query, string[] expected)
    {
        using var response = await backends[backend].Operator().GetAsync(new Uri("/r4/" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        var bundle = await Fhir.JsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, bundle.ToString());
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        Assert.Equal(expected.Order(), Fhir.Ids(bundle).Order());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_SortSeveralKeys_Ordered(string backend)
    {
        using var response = await backends[backend].Operator().GetAsync(new Uri("/r4/ExplanationOfBenefit?_sort=status,-created", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(
            ["ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-bob-1", "ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-3"],
            Fhir.Ids(await Fhir.JsonAsync(response)));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_SummaryCountAndTotal_Counted(string backend)
    {
        var client = backends[backend].Operator();
        using var count = await client.GetAsync(new Uri("/r4/ExplanationOfBenefit?_summary=count", UriKind.Relative), TestContext.Current.CancellationToken);
        using var total = await client.GetAsync(new Uri("/r4/ExplanationOfBenefit?patient=alice&_total=accurate&_count=1", UriKind.Relative), TestContext.Current.CancellationToken);
        var countBundle = await Fhir.JsonAsync(count);
        var totalBundle = await Fhir.JsonAsync(total);

        Assert.Equal(4, countBundle.GetProperty("total").GetInt32());
        Assert.Empty(Fhir.Ids(countBundle));
        Assert.Equal(3, totalBundle.GetProperty("total").GetInt32());
        Assert.Single(Fhir.Ids(totalBundle));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_Elements_SubsettedAndTagged(string backend)
    {
        using var response = await backends[backend].Operator().GetAsync(new Uri("/r4/Patient?_id=alice&_elements=birthDate", UriKind.Relative), TestContext.Current.CancellationToken);
        var patient = (await Fhir.JsonAsync(response)).GetProperty("entry")[0].GetProperty("resource");

        Assert.Equal("1950-10-19", patient.GetProperty("birthDate").GetString());
        Assert.False(patient.TryGetProperty("name", out _));
        Assert.Contains("SUBSETTED", patient.GetProperty("meta").GetProperty("tag").ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_IncludeAndRevinclude_MarkedInclude(string backend)
    {
        var client = backends[backend].Operator();
        using var include = await client.GetAsync(new Uri("/r4/ExplanationOfBenefit?_id=eob-alice-1&_include=ExplanationOfBenefit:patient&_include=ExplanationOfBenefit:provider", UriKind.Relative), TestContext.Current.CancellationToken);
        using var revinclude = await client.GetAsync(new Uri("/r4/Patient?_id=bob&_revinclude=Coverage:beneficiary&_revinclude=Provenance:target", UriKind.Relative), TestContext.Current.CancellationToken);
        using var iterate = await client.GetAsync(new Uri("/r4/ExplanationOfBenefit?_id=eob-bob-1&_include=ExplanationOfBenefit:coverage&_include:iterate=Coverage:payor", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(["Patient/alice", "Practitioner/dr-lee"], Fhir.Ids(await Fhir.JsonAsync(include), "include").Order());
        Assert.Equal(["Coverage/cov-bob", "Provenance/prov-bob"], Fhir.Ids(await Fhir.JsonAsync(revinclude), "include").Order());
        Assert.Equal(["Coverage/cov-bob", "Organization/payer"], Fhir.Ids(await Fhir.JsonAsync(iterate), "include").Order());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_PostForm_SameAsGet(string backend)
    {
        using var form = new FormUrlEncodedContent([new("patient", "alice"), new("created", "2024")]);
        using var response = await backends[backend].Operator().PostAsync(new Uri("/r4/ExplanationOfBenefit/_search", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-2"], Fhir.Ids(await Fhir.JsonAsync(response)).Order());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_EveryTypeEveryResult_ValidatesAgainstR4Schema(string backend)
    {
        var client = backends[backend].Operator();
        var checkedCount = 0;
        foreach (var type in PatientAccess.FhirStore.Storage.SupportedResourceTypes.All)
        {
            using var response = await client.GetAsync(new Uri($"/r4/{type}?_count=500", UriKind.Relative), TestContext.Current.CancellationToken);
            var bundle = await Fhir.JsonAsync(response);
            foreach (var entry in bundle.TryGetProperty("entry", out var entries) ? entries.EnumerateArray() : default)
            {
                var errors = PatientAccess.Fhir.Validation.FhirSchemaValidator.Default.Validate(entry.GetProperty("resource"));
                Assert.True(errors.Count == 0, string.Join("; ", errors));
                checkedCount++;
            }
        }

        Assert.True(checkedCount == 18, $"only {checkedCount} resources came back");
    }
}
