namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>How a sort value is stored, so a cursor can bind it back with the right type.</summary>
internal enum SortValueKind
{
    Integer,
    Real,
    Text,
}
