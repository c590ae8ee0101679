namespace PatientAccess.Fhir.FhirPath;

/// <summary>A lexical token; <see cref="Position"/> is its offset in the expression, for error messages.</summary>
internal readonly record struct FhirPathToken(FhirPathTokenKind Kind, string Text, int Position)
{
    public bool Is(FhirPathTokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsSymbol(string symbol) => Is(FhirPathTokenKind.Symbol, symbol);

    public bool IsKeyword(string keyword) => Is(FhirPathTokenKind.Identifier, keyword);
}
