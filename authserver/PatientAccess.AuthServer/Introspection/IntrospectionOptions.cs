using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Introspection;

/// <summary>Who besides registered confidential clients may introspect. Section <c>Introspection</c>.</summary>
internal sealed class IntrospectionOptions : IValidatableObject
{
    public const string Section = "Introspection";

    public IList<ResourceServerCredential> ResourceServers { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var server in ResourceServers)
        {
            if (string.IsNullOrWhiteSpace(server.Id) || server.SecretHash.Length != 64 || !server.SecretHash.All(Uri.IsHexDigit))
            {
                yield return new ValidationResult("each entry needs an Id and a SecretHash of 64 hex digits (SHA-256)", [nameof(ResourceServers)]);
            }
        }
    }
}
