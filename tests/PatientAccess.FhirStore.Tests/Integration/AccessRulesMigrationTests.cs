using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PatientAccess.Data;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>
/// Data judged under an older access rule (the official compartment's roles, exact-match labels)
/// is re-judged when the store starts with the new rule: an upgrade does not keep serving it.
/// </summary>
[Collection(StoreTestGroup.Name)]
public sealed class AccessRulesMigrationTests(StoreBackends backends)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Start_DataJudgedByRuleVersion1_RejudgedBeforeServing(string backend)
    {
        var host = await backends.FreshAsync(backend);
        await host.ImportAsync(CompartmentTests.Records + "\n"
            + """{"resourceType":"Condition","id":"cond-eve-eth","meta":{"security":[{"code":"eth"}]},"subject":{"reference":"Patient/eve"},"code":{"text":"x"}}""");
        // What version 1 stored: Dana in the compartment of Eve's observation (as its performer), no label on the lower-case one.
        await ExecuteAsync(host,
            "INSERT INTO compartment (patient, res) SELECT 'dana', seq FROM resources WHERE type = 'Observation' AND id = 'obs-eve'",
            "DELETE FROM security",
            "UPDATE store_meta SET value = '1' WHERE name = 'access-rules'");
        using (var before = await host.GetAsMemberAsync("/r4/Observation/obs-eve", ["dana"]))
        using (var sensitive = await host.GetAsMemberAsync("/r4/Condition/cond-eve-eth", ["eve"]))
        {
            // The tampering took: this is the state an upgraded store starts from.
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Equal(HttpStatusCode.OK, sensitive.StatusCode);
        }

        await host.DisposeAsync();
        await using var restarted = StoreBackends.Restart(host);

        using var dana = await restarted.GetAsMemberAsync("/r4/Observation/obs-eve", ["dana"]);
        using var eve = await restarted.GetAsMemberAsync("/r4/Observation/obs-eve", ["eve"]);
        using var eth = await restarted.GetAsMemberAsync("/r4/Condition/cond-eve-eth", ["eve"]);
        using var ethConsented = await restarted.GetAsMemberAsync("/r4/Condition/cond-eve-eth", ["eve"], ["ETH"]);
        Assert.Equal(HttpStatusCode.NotFound, dana.StatusCode);
        Assert.Equal(HttpStatusCode.OK, eve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, eth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ethConsented.StatusCode);
    }

    private static async Task ExecuteAsync(StoreHost host, params string[] statements)
    {
        await using var connection = await host.Services.GetRequiredService<DbConnectionFactory>().OpenAsync(Ct);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
