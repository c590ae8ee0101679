using System.Text.Json;
using PatientAccess.Fhir.Compartment;
using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// The two facts the access rule judges a resource by: the patients whose own record it is
/// (<see cref="MemberCompartment"/>) and its sensitivity labels (<see cref="SecurityLabels"/>).
/// Import stores them beside each current version; vread works them out for a superseded version
/// from that version's own content; <see cref="Sql.AccessRulesMigration"/> rebuilds the stored ones
/// when these rules change.
/// </summary>
public sealed class AccessFacts(SearchIndexer indexer, MemberCompartment compartment)
{
    /// <summary>Resource types outside every patient's compartment that members may read (the shared directory).</summary>
    public static readonly string[] SharedTypes = ["Organization", "Practitioner", "PractitionerRole", "Location", "Medication"];

    public IReadOnlyList<string> Patients(string type, string id, IEnumerable<SearchIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var links = compartment.GetSubjectParameters(type);
        var patients = new List<string>();
        if (type == "Patient")
        {
            patients.Add(id);
        }

        foreach (var entry in entries)
        {
            if (entry is ReferenceIndexEntry { ResourceType: "Patient", Id: { } patient } reference && links.Contains(reference.Code) && !patients.Contains(patient))
            {
                patients.Add(patient);
            }
        }

        return patients;
    }

    public static IReadOnlyList<string> Labels(IEnumerable<SearchIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var labels = new List<string>();
        foreach (var entry in entries)
        {
            if (entry is TokenIndexEntry { Code: "_security" } token && SecurityLabels.Normalize(token.System, token.Value) is { } label && !labels.Contains(label))
            {
                labels.Add(label);
            }
        }

        return labels;
    }

    /// <summary>Whether <paramref name="scope"/> may see this one version, judged by its own content.</summary>
    public bool Visible(AccessScope scope, StoredResource resource)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(resource);
        if (scope.IsEverything)
        {
            return true;
        }

        using var document = JsonDocument.Parse(resource.Json);
        var entries = indexer.Index(document.RootElement, resource.Type);
        var inCompartment = SharedTypes.Contains(resource.Type)
            || Patients(resource.Type, resource.Id, entries).Any(scope.PatientIds.Contains);
        return inCompartment && Labels(entries).All(scope.ConsentedLabels.Contains);
    }
}
