using PatientAccess.Fhir.Definitions;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>What an evaluation needs besides the focus: the resource being indexed (for
/// <c>resolve()</c> of contained references) and the type model.</summary>
internal sealed class FhirPathContext(FhirValue resource, FhirTypeModel model)
{
    public FhirValue Resource { get; } = resource;

    public FhirTypeModel Model { get; } = model;
}
