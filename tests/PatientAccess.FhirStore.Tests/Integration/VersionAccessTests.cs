using System.Net;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>
/// Issue 12, item 5: a version is shown only when its own content passes the rule (subject and
/// labels) and the current version passes too; before, the current version alone decided.
/// </summary>
[Collection(StoreTestGroup.Name)]
public sealed class VersionAccessTests(StoreBackends backends)
{
    private const string Patients = """
        {"resourceType":"Patient","id":"ann"}
        {"resourceType":"Patient","id":"ben"}
        """;

    private static string Observation(string patient, string? label = null) =>
        $$"""{"resourceType":"Observation","id":"obs-1","status":"final","code":{"text":"note {{patient}} {{label}}"},"subject":{"reference":"Patient/{{patient}}"}{{(label is null ? string.Empty : $$""","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"{{label}}"}]}""")}}}""";

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Vread_VersionOfAnotherMember_404ForBoth(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(Patients);
        await host.ImportAsync(Observation("ann"));
        // Corrected: the observation was Ben's all along.
        await host.ImportAsync(Observation("ben"));

        using var benV1 = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/1", ["ben"]);
        using var benV2 = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/2", ["ben"]);
        using var annV1 = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/1", ["ann"]);
        using var annV2 = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/2", ["ann"]);
        using var operatorV1 = await host.Operator().GetAsync(new Uri("/r4/Observation/obs-1/_history/1", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, benV1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, benV2.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, annV1.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, annV2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorV1.StatusCode);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Vread_LabelOnOlderVersionOnly_OlderWithheldWithoutConsent(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(Patients);
        await host.ImportAsync(Observation("ann", "ETH"));
        await host.ImportAsync(Observation("ann"));

        using var v1 = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/1", ["ann"]);
        using var v2 = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/2", ["ann"]);
        using var v1Consented = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/1", ["ann"], ["ETH"]);

        Assert.Equal(HttpStatusCode.NotFound, v1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v1Consented.StatusCode);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Vread_LabelAddedLater_OlderVersionWithheldToo(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(Patients);
        await host.ImportAsync(Observation("ann"));
        await host.ImportAsync(Observation("ann", "HIV"));

        using var v1 = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/1", ["ann"]);
        using var v1Consented = await host.GetAsMemberAsync("/r4/Observation/obs-1/_history/1", ["ann"], ["HIV"]);

        Assert.Equal(HttpStatusCode.NotFound, v1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v1Consented.StatusCode);
    }
}
