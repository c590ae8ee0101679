using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PatientAccess.Fhir.Validation;

/// <summary>
/// A compiled JSON schema: keywords turned into lookups once, so validating a resource is a
/// walk over it with no schema parsing. Nodes are filled after creation because the FHIR
/// definitions refer to each other in cycles (Extension, Identifier, Reference, ...).
/// </summary>
internal sealed class SchemaNode(string name)
{
    /// <summary>The definition name (Patient, HumanName, Patient_Link) or the schema path, for messages.</summary>
    public string Name { get; } = name;

    /// <summary>A node that is only <c>$ref</c>: validation goes to the target (draft-06 ignores $ref's siblings).</summary>
    public SchemaNode? Reference { get; set; }

    /// <summary>Set when a <c>$ref</c> names a definition the schema lacks: nothing can match it.</summary>
    public string? MissingReference { get; init; }

    public JsonTypes Types { get; set; }

    public Regex? Pattern { get; set; }

    public string? PatternText { get; set; }

    public string? Const { get; set; }

    public FrozenSet<string>? Enum { get; set; }

    public FrozenDictionary<string, SchemaNode>? Properties { get; set; }

    public bool AdditionalProperties { get; set; } = true;

    public string[] Required { get; set; } = [];

    public SchemaNode? Items { get; set; }

    public SchemaNode[]? OneOf { get; set; }

    /// <summary>
    /// When every oneOf branch is a resource, the branch for each resourceType: one lookup
    /// instead of trying 150 branches and reporting why each failed.
    /// </summary>
    public FrozenDictionary<string, SchemaNode>? OneOfByResourceType { get; set; }

    public override string ToString() => Name;
}
