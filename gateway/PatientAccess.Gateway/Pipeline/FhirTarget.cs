namespace PatientAccess.Gateway.Pipeline;

/// <summary>
/// The FHIR meaning of a request path below <c>/r4</c>: resource type, id, interaction, and the
/// route template and query shape (parameter names only) the audit event records.
/// </summary>
public sealed record FhirTarget(FhirInteraction Interaction, string? ResourceType, string? Id, string RouteTemplate, string QueryShape)
{
    public const string Base = "/r4";

    public bool IsPublic => Interaction is FhirInteraction.Metadata or FhirInteraction.SmartConfiguration;

    /// <summary>Parses a decoded path (the request-target rule has already refused encoded separators and dot segments).</summary>
    public static FhirTarget Parse(PathString path, QueryString query)
    {
        var shape = Shape(query);
        if (!path.StartsWithSegments(Base, StringComparison.Ordinal, out var rest))
        {
            return new FhirTarget(FhirInteraction.Other, null, null, "(outside /r4)", shape);
        }

        var segments = (rest.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["metadata"] => new(FhirInteraction.Metadata, null, null, "/r4/metadata", shape),
            [".well-known", "smart-configuration"] => new(FhirInteraction.SmartConfiguration, null, null, "/r4/.well-known/smart-configuration", shape),
            [var op] when op.StartsWith('$') => new(FhirInteraction.Operation, null, null, "/r4/" + op, shape),
            [var type] when IsType(type) => new(FhirInteraction.Search, type, null, "/r4/{type}", shape),
            [var type, "_search"] when IsType(type) => new(FhirInteraction.Search, type, null, "/r4/{type}/_search", shape),
            [var type, var op] when IsType(type) && op.StartsWith('$') => new(FhirInteraction.Operation, type, null, "/r4/{type}/" + op, shape),
            [var type, var id] when IsType(type) => new(FhirInteraction.Read, type, id, "/r4/{type}/{id}", shape),
            [var type, var id, "_history"] when IsType(type) => new(FhirInteraction.History, type, id, "/r4/{type}/{id}/_history", shape),
            [var type, var id, "_history", _] when IsType(type) => new(FhirInteraction.VRead, type, id, "/r4/{type}/{id}/_history/{vid}", shape),
            [var type, var id, var op] when IsType(type) && op.StartsWith('$') => new(FhirInteraction.Operation, type, id, "/r4/{type}/{id}/" + op, shape),
            _ => new(FhirInteraction.Other, null, null, "/r4/{**path}", shape),
        };
    }

    /// <summary>FHIR resource type names: an upper-case ASCII letter, then letters.</summary>
    internal static bool IsType(string segment) =>
        segment.Length is > 0 and <= 64 && char.IsAsciiLetterUpper(segment[0]) && segment.All(char.IsAsciiLetter);

    /// <summary>Sorted distinct parameter names, without values: enough to see how an app searches, nothing about whom.</summary>
    private static string Shape(QueryString query)
    {
        if (!query.HasValue || query.Value!.Length <= 1)
        {
            return string.Empty;
        }

        var names = query.Value[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Uri.UnescapeDataString(p.Split('=', 2)[0].Replace('+', ' ')))
            .Where(n => n.Length > 0)
            .Select(n => n.Length > 64 ? n[..64] : n)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(32);
        return string.Join(',', names);
    }
}
