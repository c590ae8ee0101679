using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Search;

/// <summary>
/// One value of one search parameter, ready to become SQL. A parameter with several
/// comma-separated values is one <see cref="SearchClause"/> whose conditions are OR-ed.
/// </summary>
public abstract record SearchCondition;

/// <summary>Token: <c>system|code</c>, <c>code</c>, <c>|code</c> (no system), <c>system|</c>; or :text.</summary>
public sealed record TokenCondition(string? System, bool SystemGiven, string? Code, string? Text) : SearchCondition;

/// <summary>String: normalized starts-with by default, <c>:contains</c>, or <c>:exact</c>.</summary>
public sealed record StringCondition(string Value, StringMatch Match) : SearchCondition;

/// <summary>Date with its prefix, as the range of instants the value's precision covers.</summary>
public sealed record DateCondition(SearchPrefix Prefix, FhirDateRange Range) : SearchCondition;

/// <summary>Reference by type and id, or by absolute URL.</summary>
public sealed record ReferenceCondition(string? Type, string? Id, string? Url) : SearchCondition;

/// <summary>Reference chained one level: the referenced resource of <see cref="TargetType"/> must match <see cref="Inner"/>.</summary>
public sealed record ChainCondition(string TargetType, string InnerCode, SearchParamType InnerType, SearchCondition Inner) : SearchCondition;

/// <summary>Number with its prefix; <see cref="Low"/>/<see cref="High"/> is the range the written precision implies.</summary>
public sealed record NumberCondition(SearchPrefix Prefix, decimal Value, decimal Low, decimal High) : SearchCondition;

/// <summary>Quantity: a number plus optional unit system and code.</summary>
public sealed record QuantityCondition(NumberCondition Number, string? System, string? Code) : SearchCondition;

/// <summary>Uri: exact, or <c>:below</c> (prefix).</summary>
public sealed record UriCondition(string Value, bool Below) : SearchCondition;

/// <summary><c>:missing=true|false</c>.</summary>
public sealed record MissingCondition(bool Missing) : SearchCondition;

/// <summary>How a string value is compared.</summary>
public enum StringMatch
{
    StartsWith,
    Contains,
    Exact,
}
