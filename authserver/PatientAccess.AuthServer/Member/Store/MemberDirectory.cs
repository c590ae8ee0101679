using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.AuthServer.Member.Store;

/// <summary>
/// Member identity as the health plan's records know it: the fhir-store's Patient and Coverage
/// resources, read over the internal network with the operator key. The store is asked only for
/// exact tokens (member ID, birth date); names and zip are compared here, exactly.
/// </summary>
internal sealed class MemberDirectory(HttpClient http, IOptions<StoreOptions> options, IOptions<ServiceOptions> service)
{
    public const string MemberIdSystem = "http://example.org/fhir/sid/member-id";
    private readonly Lazy<string?> _key = new(() => ReadKey(options.Value, service.Value));

    /// <summary>False when no operator key is configured: the member pages then say sign-in is unavailable.</summary>
    public bool IsConfigured => _key.Value is not null;

    /// <summary>The Patient id when every field matches a member with active coverage; otherwise null.</summary>
    public async Task<string?> VerifyAsync(IdentityClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var query = "Patient?identifier=" + Uri.EscapeDataString(MemberIdSystem + "|" + Escape(claim.MemberId))
            + "&birthdate=" + claim.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "&_count=10";
        var patients = await SearchAsync(query, cancellationToken);
        foreach (var patient in patients)
        {
            if (patient["id"]?.GetValue<string>() is { } id && Matches(patient, claim) && await HasActiveCoverageAsync(id, cancellationToken))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>
    /// The member, then every dependent whose active Coverage names them as subscriber, with the
    /// relationship and birth date the plan records: whether each may be shared is
    /// <see cref="Consent.ProxyAccessPolicy"/>'s decision, not this list's.
    /// </summary>
    public async Task<IReadOnlyList<CoveredMember>> CoveredMembersAsync(string patientId, CancellationToken cancellationToken)
    {
        var self = await SearchAsync("Patient?_id=" + Uri.EscapeDataString(Escape(patientId)), cancellationToken);
        var members = new List<CoveredMember>();
        if (self.FirstOrDefault() is { } me)
        {
            members.Add(new CoveredMember(patientId, DisplayName(me), CoveredMember.Self, BirthDateOf(me)));
        }

        var coverages = await SearchAsync("Coverage?status=active&subscriber=" + Uri.EscapeDataString("Patient/" + Escape(patientId)) + "&_count=50", cancellationToken);
        var dependents = coverages
            .Select(c => (Patient: PatientIdOf(c["beneficiary"]?["reference"]?.GetValue<string>()), Relationship: RelationshipOf(c)))
            .Where(d => d.Patient is not null && d.Patient != patientId && d.Relationship is not null && d.Relationship != CoveredMember.Self)
            .DistinctBy(d => d.Patient)
            .ToList();
        if (dependents.Count == 0)
        {
            return members;
        }

        var patients = (await SearchAsync("Patient?_id=" + Uri.EscapeDataString(string.Join(',', dependents.Select(d => Escape(d.Patient!)))) + "&_count=50", cancellationToken))
            .Where(p => p["id"] is not null)
            .ToDictionary(p => p["id"]!.GetValue<string>(), StringComparer.Ordinal);
        members.AddRange(dependents.Where(d => patients.ContainsKey(d.Patient!))
            .Select(d => new CoveredMember(d.Patient!, DisplayName(patients[d.Patient!]), d.Relationship!, BirthDateOf(patients[d.Patient!]))));
        return members;
    }

    private async Task<bool> HasActiveCoverageAsync(string patientId, CancellationToken cancellationToken) =>
        (await SearchAsync("Coverage?status=active&beneficiary=" + Uri.EscapeDataString("Patient/" + Escape(patientId)) + "&_count=1", cancellationToken)).Count > 0;

    private async Task<List<JsonObject>> SearchAsync(string relative, CancellationToken cancellationToken)
    {
        var key = _key.Value ?? throw new InvalidOperationException("Store:OperatorKey is not configured");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.Url.TrimEnd('/') + "/r4/" + relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. (bundle?["entry"]?.AsArray() ?? [])
            .Select(e => e?["resource"] as JsonObject)
            .OfType<JsonObject>()
            .Where(r => r["resourceType"]?.GetValue<string>() is "Patient" or "Coverage")];
    }

    private static bool Matches(JsonObject patient, IdentityClaim claim)
    {
        var names = patient["name"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var nameMatches = names.Any(n =>
        {
            var given = n["given"]?.AsArray().Select(g => g?.GetValue<string>()).OfType<string>().ToList() ?? [];
            return NameMatcher.Same(claim.LastName, n["family"]?.GetValue<string>())
                && (given.Any(g => NameMatcher.Same(claim.FirstName, g)) || NameMatcher.Same(claim.FirstName, string.Join(' ', given)));
        });
        var zips = patient["address"]?.AsArray().OfType<JsonObject>().Select(a => a["postalCode"]?.GetValue<string>()).OfType<string>() ?? [];
        return nameMatches && zips.Any(z => z.Length >= 5 && string.Equals(z[..5], claim.PostalCode[..5], StringComparison.Ordinal));
    }

    private static string DisplayName(JsonObject patient)
    {
        var name = patient["name"]?.AsArray().OfType<JsonObject>().FirstOrDefault();
        var given = name?["given"]?.AsArray().Select(g => g?.GetValue<string>()).OfType<string>() ?? [];
        return string.Join(' ', given.Append(name?["family"]?.GetValue<string>() ?? string.Empty)).Trim();
    }

    private static string? BirthDateOf(JsonObject patient) =>
        patient["birthDate"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? RelationshipOf(JsonObject coverage) =>
        coverage["relationship"]?["coding"]?.AsArray().OfType<JsonObject>().Select(c => c["code"]?.GetValue<string>()).FirstOrDefault(c => c is not null);

    private static string? PatientIdOf(string? reference) =>
        reference is not null && reference.StartsWith("Patient/", StringComparison.Ordinal) ? reference["Patient/".Length..] : null;

    // FHIR search treats , | $ and \ as syntax; a member ID is validated to be plain, but ids from the store are escaped anyway.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal);

    private static string? ReadKey(StoreOptions store, ServiceOptions service)
    {
        if (!string.IsNullOrWhiteSpace(store.OperatorKey))
        {
            return store.OperatorKey.Trim();
        }

        var path = Path.IsPathRooted(store.OperatorKeyFile) ? store.OperatorKeyFile : Path.Combine(Path.GetFullPath(service.DataDirectory), store.OperatorKeyFile);
        return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } key ? key : null;
    }
}
