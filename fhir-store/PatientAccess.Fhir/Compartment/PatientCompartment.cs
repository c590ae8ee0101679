using System.Collections.Frozen;
using System.Text.Json;
using PatientAccess.Fhir.Definitions;

namespace PatientAccess.Fhir.Compartment;

/// <summary>
/// The official R4 Patient CompartmentDefinition: which resource types belong to a patient's
/// compartment, and through which search parameters (all of them reference parameters, except
/// Patient itself, which is in its own compartment by id as well as through <c>link</c>).
/// </summary>
public sealed class PatientCompartment
{
    private static readonly Lazy<PatientCompartment> Embedded = new(() =>
    {
        using var document = EmbeddedDefinitions.Load(EmbeddedDefinitions.PatientCompartment);
        return new PatientCompartment(document.RootElement);
    });

    private readonly FrozenDictionary<string, string[]> parametersByType;

    internal PatientCompartment(JsonElement definition)
    {
        if (definition.GetProperty("code").GetString() != "Patient")
        {
            throw new InvalidOperationException("The embedded compartment definition is not the Patient compartment.");
        }

        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var resource in definition.GetProperty("resource").EnumerateArray())
        {
            // A type listed without params is named by the definition but is not in the compartment.
            if (resource.TryGetProperty("param", out var parameters) && parameters.GetArrayLength() > 0)
            {
                table[resource.GetProperty("code").GetString()!] = [.. parameters.EnumerateArray().Select(p => p.GetString()!)];
            }
        }

        parametersByType = table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The compartment from the embedded R4 definition.</summary>
    public static PatientCompartment Default => Embedded.Value;

    /// <summary>Every resource type that can be in a patient's compartment.</summary>
    public IEnumerable<string> ResourceTypes => parametersByType.Keys;

    /// <summary>
    /// Whether resources of <paramref name="resourceType"/> can belong to a patient's compartment
    /// (false for Organization, Practitioner, Location, Medication, ...).
    /// </summary>
    public bool Contains(string resourceType) => parametersByType.ContainsKey(resourceType);

    /// <summary>
    /// The search parameter codes whose reference to a Patient puts a resource of
    /// <paramref name="resourceType"/> in that patient's compartment (e.g. Coverage:
    /// policy-holder, subscriber, beneficiary, payor). Empty when the type is not in it.
    /// </summary>
    public IReadOnlyList<string> GetLinkParameters(string resourceType) =>
        parametersByType.TryGetValue(resourceType, out var parameters) ? parameters : [];
}
