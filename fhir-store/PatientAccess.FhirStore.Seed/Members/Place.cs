namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>A US city with one of its ZIP codes and a telephone area code.</summary>
internal sealed record Place(string City, string State, string PostalCode, string AreaCode);
