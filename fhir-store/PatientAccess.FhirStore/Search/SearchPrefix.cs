namespace PatientAccess.FhirStore.Search;

/// <summary>The comparison prefixes of number, date and quantity search values (FHIR R4 §3.1.1.4.3).</summary>
public enum SearchPrefix
{
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
    Sa,
    Eb,
    Ap,
}
