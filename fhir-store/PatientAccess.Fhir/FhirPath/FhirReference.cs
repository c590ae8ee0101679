namespace PatientAccess.Fhir.FhirPath;

/// <summary>
/// A parsed <c>Reference.reference</c>: <c>Patient/123</c>, <c>Patient/123/_history/2</c> or an
/// absolute URL ending in <c>/Patient/123</c> give a type and an id; absolute URLs also keep
/// the whole string in <see cref="Url"/> (the only part a <c>urn:uuid:</c> has).
/// </summary>
public sealed record FhirReference(string? ResourceType, string? Id, string? Version, string? Url)
{
    /// <summary>Parses a reference string; null for local (<c>#id</c>), conditional or malformed references.</summary>
    /// <param name="reference">the <c>reference</c> string</param>
    /// <param name="typeHint">
    /// <c>Reference.type</c>, which lets a bare id (<c>123</c>) still say what it points to.
    /// </param>
    public static FhirReference? Parse(string? reference, string? typeHint = null)
    {
        if (string.IsNullOrEmpty(reference) || reference[0] == '#' || reference.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var isAbsolute = reference.Contains("://", StringComparison.Ordinal)
            || reference.StartsWith("urn:", StringComparison.OrdinalIgnoreCase);
        var url = isAbsolute ? reference : null;
        if (reference.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return new FhirReference(typeHint, null, null, url);
        }

        var segments = reference.Split('/');
        string? version = null;
        var last = segments.Length - 1;
        if (segments.Length >= 4 && segments[last - 1] == "_history")
        {
            version = segments[last];
            last -= 2;
        }

        if (last >= 1 && IsResourceTypeName(segments[last - 1]) && IsId(segments[last]))
        {
            return new FhirReference(segments[last - 1], segments[last], version, url);
        }

        if (!isAbsolute && segments.Length == 1 && typeHint is not null && IsId(reference))
        {
            return new FhirReference(typeHint, reference, null, null);
        }

        return isAbsolute ? new FhirReference(typeHint, null, null, url) : null;
    }

    private static bool IsResourceTypeName(string segment) =>
        segment.Length > 0 && char.IsAsciiLetterUpper(segment[0]) && segment.All(char.IsAsciiLetter);

    // FHIR ids: 1-64 of letters, digits, '-' and '.'.
    private static bool IsId(string segment) =>
        segment.Length is > 0 and <= 64 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
