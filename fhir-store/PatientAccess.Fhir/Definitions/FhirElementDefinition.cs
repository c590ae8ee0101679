namespace PatientAccess.Fhir.Definitions;

/// <summary>
/// One element of a FHIR type as the JSON schema declares it: its JSON property name, the FHIR
/// type of its value (a schema definition name such as <c>HumanName</c>, <c>dateTime</c> or
/// <c>Patient_Link</c>) and whether it repeats.
/// </summary>
public readonly record struct FhirElementDefinition(string Name, string TypeName, bool IsArray);
