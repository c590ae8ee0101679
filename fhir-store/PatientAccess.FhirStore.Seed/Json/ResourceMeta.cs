using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Json;

/// <summary>Builds <c>meta</c>: profile, a fixed lastUpdated, and the security labels of sensitive data.</summary>
internal static class ResourceMeta
{
    public static JsonObject Create(string lastUpdated, string profile, SensitivityCategory? label = null)
    {
        var meta = new JsonObject
        {
            ["lastUpdated"] = lastUpdated,
            ["profile"] = new JsonArray(profile),
        };
        if (label is not null)
        {
            // The ActCode is what consent filters on; R (restricted) tells generic clients to take care.
            meta["security"] = new JsonArray(
                Fhir.Coding(CodeSystems.ActCode, label.Code, label.Display),
                Fhir.Coding(CodeSystems.Confidentiality, "R", "restricted"));
        }

        return meta;
    }
}
