using System.Diagnostics.CodeAnalysis;

namespace PatientAccess.Fhir.Search;

/// <summary>The R4 search parameter types (SearchParameter.type).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are FHIR's own (SearchParameter.type).")]
public enum SearchParamType
{
    Number,
    Date,
    String,
    Token,
    Reference,
    Composite,
    Quantity,
    Uri,
    Special,
}
