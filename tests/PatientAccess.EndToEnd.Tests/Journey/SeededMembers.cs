using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PatientAccess.EndToEnd.Tests.Journey;

/// <summary>
/// A real (non-demo) member of the stack's seeded store, as the member would type their details:
/// read from the store with the operator key ./run.sh made, skipping the demo members (John Allen,
/// the Rivera family) whom any number of people may register.
/// </summary>
internal static class SeededMembers
{
    private const string MemberIdSystem = "http://example.org/fhir/sid/member-id";

    /// <summary>The patient's id, and first name, last name, date of birth, member ID and ZIP code; <paramref name="skip"/> picks another member.</summary>
    public static async Task<(string Id, string[] Identity)> RealMemberAsync(string dataDirectory, int storePort, int skip = 0)
    {
        var key = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "secrets", "operator.key"))).Trim();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var bundle = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{storePort}/r4/Patient?_count=50")))!;
        var patient = bundle["entry"]!.AsArray()
            .Select(e => e!["resource"]!)
            .Where(p => !((string)p["id"]!).StartsWith("demo-", StringComparison.Ordinal) && !((string)p["id"]!).StartsWith("family-", StringComparison.Ordinal))
            .Skip(skip)
            .First();
        var name = patient["name"]![0]!;
        var memberId = patient["identifier"]!.AsArray().First(i => (string?)i!["system"] == MemberIdSystem)!["value"]!;
        return ((string)patient["id"]!, [(string)name["given"]![0]!, (string)name["family"]!, (string)patient["birthDate"]!, (string)memberId!, ((string)patient["address"]![0]!["postalCode"]!)[..5]]);
    }
}
